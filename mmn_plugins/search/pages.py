"""The generic source of Wagtail pages: every live page anyone may open.

A site's page types need no code to be found: each live page without a
password is a document in its locale's language, of the kind named in
``MMN_SEARCH_PAGE_KINDS`` ("news", "event") or of kind "page". A page type a
registered source claims (the library's resources) is left to that source.
"""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from mmn_plugins.core.registry import Audience, SearchDocument, SearchSource

from . import settings as search_settings


KIND_LABELS = {
    "page": _("Pages"),
    "news": _("News"),
    "event": _("Events"),
}


def page_source(claimed=()):
    return SearchSource(
        kind="page",
        label=KIND_LABELS["page"],
        models=(Page,),
        documents=lambda page: page_documents(page, claimed),
        all_instances=lambda: _all_pages(claimed),
        facet_label=page_facet_label,
        order=1000,
    )


def page_kind(page):
    kinds = search_settings.get("MMN_SEARCH_PAGE_KINDS")
    return kinds.get(page.specific_class._meta.label_lower, "page")


def page_documents(page, claimed=()):
    """The page's document, or nothing when it may not be found."""
    page = page.specific
    if isinstance(page, claimed) or page.depth <= 1 or not page.live:
        return []
    audience, group_ids = page_audience(page)
    if audience is None:
        return []
    url = page.get_url()
    if not url:
        return []
    return [
        SearchDocument(
            kind=page_kind(page),
            key=str(page.pk),
            language=page.locale.language_code,
            title=page.title,
            body=page_text(page),
            url=url,
            audience=audience,
            group_ids=group_ids,
            facets={
                "type": [page._meta.label_lower],
                "topic": _topic_codes(page),
                "language": [page.locale.language_code],
            },
            date=page.first_published_at,
        )
    ]


def page_audience(page):
    """Who may open ``page``; None when a password guards it."""
    restrictions = list(page.get_view_restrictions())
    if not restrictions:
        return Audience.PUBLIC, ()
    group_ids = set()
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            return None, ()
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            group_ids.update(restriction.groups.values_list("pk", flat=True))
    if group_ids:
        return Audience.GROUPS, tuple(sorted(group_ids))
    # "Any signed-in account": the nearest audience search knows is members.
    return Audience.MEMBERS, ()


def page_text(page):
    """The text of the page's search fields other than its title, markup removed."""
    texts = []
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        value = field.get_value(page)
        texts.extend(_flatten(value))
    return " ".join(" ".join(strip_tags(text).split()) for text in texts if text)


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _flatten(item)]
    return [str(value)]


def _topic_codes(page):
    topics = getattr(page, "topics", None)
    if topics is None or not hasattr(topics, "all"):
        return []
    return [topic.slug for topic in topics.all() if getattr(topic, "slug", "")]


def page_facet_label(facet, code):
    if facet == "type":
        from django.apps import apps

        try:
            return apps.get_model(code).get_verbose_name()
        except (LookupError, ValueError, AttributeError):
            return code
    return code


def _all_pages(claimed):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    return (page for page in pages if not isinstance(page, claimed))
