from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page


class FigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Figure"), max_length=20)
    label = blocks.CharBlock(label=_("What it counts"), max_length=80)

    class Meta:
        icon = "order"
        label = _("Figure")


class HomePage(Page):
    """The network's front door, one per language.

    A hero with the network's mission, the network in figures, the latest news,
    the upcoming events, and slots that installed plugins fill (latest library
    resources, open debates, newest members).
    """

    hero_title = models.CharField(_("hero title"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button links to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_text = models.CharField(_("hero button text"), max_length=60, blank=True)
    figures = StreamField(
        [("figure", FigureBlock())],
        verbose_name=_("the network in figures"),
        blank=True,
        help_text=_(
            "Shown when the member directory is not installed; the directory "
            "computes live figures instead."
        ),
    )
    featured_news_count = models.PositiveSmallIntegerField(
        _("number of news items shown"), default=3
    )
    upcoming_events_count = models.PositiveSmallIntegerField(
        _("number of upcoming events shown"), default=3
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("figures"),
        FieldPanel("featured_news_count"),
        FieldPanel("upcoming_events_count"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    # The template asks for the news and the events inside its cached
    # fragment, so a page served from the fragment cache builds no queryset
    # (``.public()`` reads the view restrictions as soon as it is called).

    def latest_news(self):
        from news.models import NewsPage

        return (
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .select_related("listing_image")
            .order_by("-date", "-pk")[: self.featured_news_count]
        )

    def upcoming_events(self):
        from events.models import EventPage

        return (
            EventPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, ends_at__gte=timezone.now())
            .order_by("starts_at")[: self.upcoming_events_count]
        )
