from urllib.parse import urlencode

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import BodyBlock

from .feeds import NewsAtomFeed, NewsRssFeed
from .pagination import paginate
from .routing import SectionRoutingMixin, parent_url
from .topics import attach_localized_topics, prefetch_localized_topics


# The rendition the news card shows (``news/includes/news_card.html``); lists
# prefetch it so that no card costs a query of its own.
CARD_IMAGE_FILTER = "fill-480x270"
RSS_CONTENT_TYPE = "application/rss+xml"
ATOM_CONTENT_TYPE = "application/atom+xml"


class NewsKind(models.TextChoices):
    NEWS = "news", _("News")
    PRESS_RELEASE = "press_release", _("Press release")


class NewsIndexPage(SectionRoutingMixin, RoutablePageMixin, Page):
    """The news section: news items and press releases, newest first.

    Readers narrow the list to one kind with the tabs above it (``?kind=``).
    The section offers an RSS and an Atom feed of everything, and another pair
    of press releases only (see ``news.feeds``).
    """

    introduction = models.TextField(_("introduction"), blank=True)
    items_per_page = models.PositiveSmallIntegerField(_("items per page"), default=12)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("items_per_page"),
    ]
    subpage_types = ["news.NewsPage"]
    template = "news/news_index_page.html"
    # The content block reads the same for every reader, so the base template
    # keeps it in the fragment cache (mmn_plugins.core.templatetags.mmn_cache).
    mmn_content_is_public = True
    child_page_model = "news.NewsPage"
    child_select_related = ["listing_image"]

    class Meta:
        verbose_name = _("news index page")

    def news_items(self, kind=None):
        """The published items of this section, newest first, ready to list.

        Listing images, their card renditions and topics come in a fixed
        number of queries, however many items are shown.
        """
        Rendition = get_image_model().get_rendition_model()
        items = (
            NewsPage.objects.child_of(self)
            .live()
            # Only a restriction on the item itself matters here: Wagtail has
            # already checked those of the section and above before serving
            # it. Cheaper than .public(), which reads every restriction first.
            .filter(view_restrictions__isnull=True)
            .select_related("listing_image")
            .prefetch_related(
                prefetch_localized_topics(self.locale_id),
                Prefetch(
                    "listing_image__renditions",
                    queryset=Rendition.objects.filter(filter_spec=CARD_IMAGE_FILTER),
                ),
            )
            .order_by("-date", "-first_published_at", "-pk")
        )
        if kind:
            items = items.filter(kind=kind)
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind")
        kind = kind if kind in NewsKind.values else None

        # Counted and read when the template first looks: a content block
        # served from the fragment cache costs no query for the list.
        news_page = SimpleLazyObject(
            lambda: paginate(
                self.news_items(kind), self.items_per_page, request.GET.get("page")
            )
        )

        context.update(
            news_page=news_page,
            selected_kind=kind,
            # Pagination links keep the filter, and only the filter: nothing
            # else a visitor typed in the query string is echoed back.
            page_query=urlencode({"kind": kind}) + "&" if kind else "",
            feed_links=self.feed_links(self.get_url(request)),
        )
        return context

    @classmethod
    def feed_links(cls, index_url):
        """The four feeds of the section at ``index_url``, for link tags."""
        return [
            {
                "title": title,
                "type": content_type,
                "url": index_url + cls.get_resolver().reverse(route),
            }
            for route, title, content_type in [
                ("news_rss", _("News (RSS)"), RSS_CONTENT_TYPE),
                ("news_atom", _("News (Atom)"), ATOM_CONTENT_TYPE),
                ("press_releases_rss", _("Press releases (RSS)"), RSS_CONTENT_TYPE),
                ("press_releases_atom", _("Press releases (Atom)"), ATOM_CONTENT_TYPE),
            ]
        ]

    @path("feed/rss/", name="news_rss")
    def news_rss(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="news_atom")
    def news_atom(self, request):
        return NewsAtomFeed(self)(request)

    @path("press-releases/rss/", name="press_releases_rss")
    def press_releases_rss(self, request):
        return NewsRssFeed(self, kind=NewsKind.PRESS_RELEASE)(request)

    @path("press-releases/atom/", name="press_releases_atom")
    def press_releases_atom(self, request):
        return NewsAtomFeed(self, kind=NewsKind.PRESS_RELEASE)(request)


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
    # The content block reads the same for every reader, so the base template
    # keeps it in the fragment cache (mmn_plugins.core.templatetags.mmn_cache).
    mmn_content_is_public = True

    class Meta:
        verbose_name = _("news item or press release")
        verbose_name_plural = _("news items and press releases")

    @property
    def is_press_release(self):
        return self.kind == NewsKind.PRESS_RELEASE

    @cached_property
    def topics_for_display(self):
        """This item's topics named in its language.

        Read by the template's content block only, so a content block served
        from the fragment cache costs no topic query.
        """
        return attach_localized_topics(self).localized_topics

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_url = parent_url(self, request)
        context["news_index_url"] = index_url
        context["feed_links"] = NewsIndexPage.feed_links(index_url) if index_url else []
        return context
