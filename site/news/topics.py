"""Topics of pages, named in the page's language, in a fixed number of queries.

Editors tag the source page; its translations may still point at the source
language's topics (a ParentalManyToManyField is copied as it is). Readers
should see the topic names of the page's own language, and a list of pages
should not cost one query per page or per topic.
"""

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from mmn_plugins.core.models import Topic


def topics_named_in(locale_id, topics=None):
    """``topics`` (all by default), each with ``display_name`` in the locale.

    A topic without a translation in the locale keeps its own name. Sorted by
    that name.
    """
    topics = Topic.objects.all() if topics is None else topics
    translated_name = Topic.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale_id
    ).values("name")[:1]
    return topics.annotate(
        display_name=Coalesce(Subquery(translated_name), F("name"))
    ).order_by("display_name", "pk")


def prefetch_localized_topics(locale_id):
    """For a page queryset: set ``localized_topics`` on each page, one query."""
    return Prefetch(
        "topics", queryset=topics_named_in(locale_id), to_attr="localized_topics"
    )


def attach_localized_topics(page):
    """Set ``localized_topics`` on one page (one query), unless prefetched."""
    if hasattr(page, "localized_topics"):
        return page
    topics = page.topics.all()
    if not isinstance(topics, QuerySet):
        # A preview: the topics chosen in the editor live in memory only.
        topics = Topic.objects.filter(pk__in=[topic.pk for topic in topics])
    page.localized_topics = list(topics_named_in(page.locale_id, topics))
    return page
