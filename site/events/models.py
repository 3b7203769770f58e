import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from news.pagination import paginate
from news.routing import SectionRoutingMixin, parent_url
from news.topics import attach_localized_topics
from pages.blocks import BodyBlock

from . import ical


# Offered in the editor's drop-down, not stored as field choices: the list
# follows the machine's time zone database, and would otherwise put a new
# migration in every tzdata update.
TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]
UPCOMING_FEED_LENGTH = 200


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("%(value)s is not a known time zone."), params={"value": value}
        ) from error


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    CONSULTATION = "consultation", _("Consultation")
    STUDY_VISIT = "study_visit", _("Study visit")
    EDUCATIONAL = "educational", _("Educational activity")
    CONFERENCE = "conference", _("Conference")


class EventIndexPage(SectionRoutingMixin, RoutablePageMixin, Page):
    """The events section: upcoming events first, past ones one link away.

    ``past/`` lists the events that have ended, newest first; ``ical/`` is an
    iCal feed of every upcoming event, which readers subscribe to in their
    calendar application.
    """

    introduction = models.TextField(_("introduction"), blank=True)
    items_per_page = models.PositiveSmallIntegerField(_("items per page"), default=12)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("items_per_page"),
    ]
    subpage_types = ["events.EventPage"]
    template = "events/event_index_page.html"
    # The content block reads the same for every reader, so the base template
    # keeps it in the fragment cache (mmn_plugins.core.templatetags.mmn_cache).
    mmn_content_is_public = True
    child_page_model = "events.EventPage"
    child_select_related = ["listing_image", "registration_page"]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        # Only a restriction on the event itself matters: Wagtail has checked
        # those of the section and above before serving it (and .public()
        # would cost a query of its own).
        return (
            EventPage.objects.child_of(self)
            .live()
            .filter(view_restrictions__isnull=True)
        )

    def upcoming_events(self):
        return (
            self.events()
            .filter(ends_at__gte=timezone.now())
            .order_by("starts_at", "pk")
        )

    def past_events(self):
        return (
            self.events()
            .filter(ends_at__lt=timezone.now())
            .order_by("-starts_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base_url = self.get_url(request)
        context["upcoming_url"] = base_url
        context["past_url"] = base_url + self.reverse_subpage("past")
        context["ical_feed_url"] = base_url + self.reverse_subpage("ical_feed")
        return context

    @path("", name="upcoming")
    def upcoming(self, request):
        return self._render_list(request, self.upcoming_events(), show_past=False)

    @path("past/", name="past")
    def past(self, request):
        return self._render_list(request, self.past_events(), show_past=True)

    @path("ical/", name="ical_feed")
    def ical_feed(self, request):
        events = self.upcoming_events()[:UPCOMING_FEED_LENGTH]
        calendar = ical.calendar_of(events, request, name=self.title)
        return ical.calendar_response(calendar, f"{self.slug}.ics")

    def _render_list(self, request, events, show_past):
        # Counted and read when the template first looks: a content block
        # served from the fragment cache costs no query for the list.
        events_page = SimpleLazyObject(
            lambda: paginate(events, self.items_per_page, request.GET.get("page"))
        )
        return self.render(
            request,
            context_overrides={"events_page": events_page, "show_past": show_past},
        )


class EventPage(RoutablePageMixin, Page):
    """A meeting, consultation, study visit, educational activity or conference.

    Times are stored in UTC and shown in the event's own time zone, so a study
    visit in Beirut reads in Beirut time wherever the reader is. An event takes
    place somewhere, online, or both; registration is a link or one of the
    site's form pages. Each event offers an iCal download (``ical/``).
    """

    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.MEETING
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Brussels",
        validators=[validate_time_zone],
        help_text=_("The times are shown to readers in this time zone."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField(
        "mmn_core.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("registration form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("One of the site's form pages, instead of an outside link."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("registration_url"),
                PageChooserPanel("registration_page", "formpages.FormPage"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("introduction"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        FieldPanel("topics"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("kind"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"
    # The content block reads the same for every reader, so the base template
    # keeps it in the fragment cache (mmn_plugins.core.templatetags.mmn_cache).
    mmn_content_is_public = True

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError(
                {"ends_at": _("An event cannot end before it starts.")}
            )

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_starts_at(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_ends_at(self):
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def is_single_day(self):
        return self.local_starts_at.date() == self.local_ends_at.date()

    @property
    def utc_offset_label(self):
        """The zone's offset from UTC when the event starts: "UTC+2", "UTC+5:30"."""
        offset = self.local_starts_at.utcoffset()
        minutes = int(offset.total_seconds() // 60)
        if not minutes:
            return "UTC"
        sign = "+" if minutes > 0 else "\N{MINUS SIGN}"
        hours, minutes = divmod(abs(minutes), 60)
        return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")

    @property
    def time_zone_name(self):
        """The zone as readers know it: "Asia/Beirut" reads "Asia/Beirut"."""
        return self.time_zone.replace("_", " ")

    @property
    def has_place(self):
        return bool(self.venue or self.address or self.city or self.country)

    def location_parts(self):
        """Venue, address lines, city and country, for one-line locations."""
        parts = [self.venue, *self.address.splitlines(), self.city]
        if self.country:
            parts.append(self.country.name)
        return [part.strip() for part in parts if part and part.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events_index_url"] = parent_url(self, request)
        context["ical_url"] = self.get_url(request) + self.reverse_subpage("ical")
        # The template calls it inside the content block only, so a content
        # block served from the fragment cache looks for no form page.
        context["registration_form"] = self.registration_form
        return context

    @cached_property
    def topics_for_display(self):
        """The event's topics named in its language, read by the template only."""
        return attach_localized_topics(self).localized_topics

    def registration_form(self):
        """The live registration form page, in the event's language if it has one.

        The section joins the chosen page in when it routes to the event, and
        a translated event usually points at the translated form already
        (wagtail-localize translates the link), so this rarely costs a query.
        """
        chosen = self.registration_page
        if chosen is None:
            return None
        candidates = [chosen]
        if chosen.locale_id != self.locale_id:
            candidates.insert(0, chosen.get_translation_or_none(self.locale_id))
        return next((page for page in candidates if page and page.live), None)

    @path("ical/", name="ical")
    def ical_download(self, request):
        calendar = ical.calendar_of([self], request)
        return ical.calendar_response(calendar, f"{self.slug}.ics")
