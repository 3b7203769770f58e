from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class StandardPage(Page):
    """A page of text and media: "About the network", "How to join", policies.

    Editors build the body from blocks (headings, paragraphs, images with
    captions, quotes, calls to action, document lists, accordions). A standard
    page can hold other standard pages, so sections nest as deep as needed.
    """

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    template = "pages/standard_page.html"
    # The content block reads the same for every reader, so the base template
    # keeps it in the fragment cache (mmn_plugins.core.templatetags.mmn_cache).
    mmn_content_is_public = True

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
