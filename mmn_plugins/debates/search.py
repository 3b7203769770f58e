"""What debates contribute to the site-wide search (core's SEARCH_SOURCES).

Each language version of a debate is one document: its title, question,
background and, once closed, its conclusion. Members' comments are not
indexed: a hidden or deleted comment must never linger in an index.
"""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from mmn_plugins.core.registry import Audience, SearchDocument, SearchSource

from .models import DebateOutcome, DebatePage, Status


KIND = "debate"


def debate_documents(page):
    page = page.specific if hasattr(page, "specific") else page
    if not isinstance(page, DebatePage) or not page.live:
        return []
    if page.get_view_restrictions().exists():
        return []
    outcome = DebateOutcome.objects.filter(debate_key=page.translation_key).first()
    status = page.status_at(outcome=outcome or False)
    body = "\n\n".join(
        part
        for part in [
            page.question,
            strip_tags(str(page.background)),
            outcome.conclusion if outcome else "",
        ]
        if part
    )
    return [
        SearchDocument(
            kind=KIND,
            key=str(page.pk),
            language=page.locale.language_code,
            title=page.title,
            body=body,
            url=page.url or "",
            audience=Audience.PUBLIC,
            facets={
                "type": [KIND],
                "language": [page.locale.language_code],
                "status": [status],
            },
            date=page.opens_at,
        )
    ]


def all_debates():
    return DebatePage.objects.live().public().specific().iterator()


def facet_label(facet, code):
    if facet == "type" and code == KIND:
        return str(_("Debate"))
    if facet == "status" and code in Status.values:
        return str(Status(code).label)
    return code


def debate_search_source():
    return SearchSource(
        kind=KIND,
        label=_("Debates"),
        models=(DebatePage, DebateOutcome),
        documents=_documents_of_instance,
        all_instances=all_debates,
        facet_label=facet_label,
        order=40,
    )


def _documents_of_instance(instance):
    # A conclusion changes what its debate's documents say.
    if isinstance(instance, DebateOutcome):
        documents = []
        for page in DebatePage.objects.filter(translation_key=instance.debate_key):
            documents.extend(debate_documents(page))
        return documents
    return debate_documents(instance)
