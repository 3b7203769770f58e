from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import BodyBlock


class NewsKind(models.TextChoices):
    NEWS = "news", _("News")
    PRESS_RELEASE = "press_release", _("Press release")


class NewsIndexPage(RoutablePageMixin, Page):
    """The news section: news items and press releases, newest first.

    Readers can narrow the list to press releases; the section offers an
    RSS and an Atom feed of each (see ``news.feeds``).
    """

    introduction = models.TextField(_("introduction"), blank=True)
    items_per_page = models.PositiveSmallIntegerField(_("items per page"), default=12)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("items_per_page"),
    ]
    subpage_types = ["news.NewsPage"]
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = _("news index page")

    def news_items(self, kind=None):
        items = (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .order_by("-date", "-pk")
        )
        if kind:
            items = items.filter(kind=kind)
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind")
        kind = kind if kind in NewsKind.values else None
        paginator = Paginator(self.news_items(kind), self.items_per_page)
        context["news_page"] = paginator.get_page(request.GET.get("page"))
        context["selected_kind"] = kind
        context["kinds"] = NewsKind.choices
        return context


class NewsPage(Page):
    """A news item or a press release.

    A press release can be held under embargo with Wagtail's scheduled
    publishing ("Go-live date" in the Settings tab): it stays invisible until
    that moment, then the scheduler (``manage.py publish_scheduled``) publishes
    it. Press releases show the press contact and the network's boilerplate.
    """

    kind = models.CharField(
        _("kind"), max_length=20, choices=NewsKind.choices, default=NewsKind.NEWS
    )
    date = models.DateField(_("date"), default=timezone.localdate)
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
    press_contact_name = models.CharField(
        _("press contact name"), max_length=120, blank=True
    )
    press_contact_email = models.EmailField(_("press contact e-mail"), blank=True)
    press_contact_phone = models.CharField(
        _("press contact phone"), max_length=40, blank=True
    )
    boilerplate = models.TextField(
        _("about the network (boilerplate)"),
        blank=True,
        help_text=_("The standard paragraph about the network ending a press release."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("introduction"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        FieldPanel("topics"),
        MultiFieldPanel(
            [
                FieldPanel("press_contact_name"),
                FieldPanel("press_contact_email"),
                FieldPanel("press_contact_phone"),
                FieldPanel("boilerplate"),
            ],
            heading=_("Press release"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "news/news_page.html"

    class Meta:
        verbose_name = _("news item or press release")
        verbose_name_plural = _("news items and press releases")

    @property
    def is_press_release(self):
        return self.kind == NewsKind.PRESS_RELEASE
