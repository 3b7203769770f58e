"""Turning the sources' documents into index rows, and keeping them current.

Every write to the index goes through here: :func:`index_record` when a
record is saved or published, :func:`remove_record` when it is deleted, and
:func:`rebuild` for the whole index. The database index is always written (it
is the fallback); the Elasticsearch index too when one is configured, and a
failure there is logged without stopping the database's update.
"""

import logging
import re

from django.db import transaction
from wagtail.models import Page

from mmn_plugins.core.registry import Audience, search_sources

from .models import SearchEntry, SearchFacet
from .text import fold, postgres_config


logger = logging.getLogger(__name__)

FACET_NAMES = ("type", "topic", "country", "language")


def record_ref(instance):
    """The stable name of a record: pages by page id, whatever their type."""
    if isinstance(instance, Page):
        return f"page:{instance.pk}"
    return f"{instance._meta.label_lower}:{instance.pk}"


def source_for(instance):
    """The source that indexes ``instance``, or None."""
    for source in all_sources():
        if isinstance(instance, tuple(source.models)):
            return source
    return None


def all_sources():
    """The registered sources, then the generic one for the remaining pages."""
    from .pages import page_source

    sources = search_sources()
    return [*sources, page_source(claimed=_claimed_page_models(sources))]


def _claimed_page_models(sources):
    return tuple(
        model
        for source in sources
        for model in source.models
        if issubclass(model, Page)
    )


def index_record(instance):
    """Replace the documents of ``instance`` with what its source says now."""
    source = source_for(instance)
    if source is None:
        return 0
    documents = list(source.documents(instance) or ())
    ref = record_ref(instance)
    write_documents(ref, documents)
    from .backends import secondary_indexers

    for indexer in secondary_indexers():
        _safely(indexer.replace, ref, documents)
    return len(documents)


def remove_record(ref):
    """Drop every document the record named ``ref`` gave."""
    SearchEntry.objects.filter(source_ref=ref).delete()
    from .backends import secondary_indexers

    for indexer in secondary_indexers():
        _safely(indexer.replace, ref, [])


def write_documents(ref, documents):
    with transaction.atomic():
        SearchEntry.objects.filter(source_ref=ref).delete()
        keys = {(document.kind, document.key) for document in documents}
        # A key is unique in its kind: a record taking over another's key
        # (a page moved to another source) replaces it.
        for kind, key in keys:
            SearchEntry.objects.filter(kind=kind, key=key).delete()
        entries = SearchEntry.objects.bulk_create(
            [entry_for(ref, document) for document in documents]
        )
        SearchFacet.objects.bulk_create(
            [
                facet
                for entry, document in zip(entries, documents, strict=True)
                for facet in facets_for(entry, document)
            ]
        )


def entry_for(ref, document):
    """The unsaved :class:`SearchEntry` of one document."""
    groups = tuple(int(pk) for pk in document.group_ids)
    return SearchEntry(
        kind=document.kind,
        key=str(document.key)[:120],
        source_ref=ref,
        language=(document.language or "")[:12],
        title=document.title or "",
        body=document.body or "",
        url=document.url or "",
        audience=document.audience or Audience.PUBLIC,
        group_list="," + ",".join(str(pk) for pk in groups) + "," if groups else "",
        date=document.date,
        folded_title=fold(document.title),
        folded_body=fold(document.body),
        filter_tokens=filter_tokens(document.kind, document.audience, groups),
        search_config=postgres_config(document.language),
    )


def filter_tokens(kind, audience, group_ids):
    """Words the SQLite index filters with, inside FTS5 (see the backend)."""
    tokens = [kind_token(kind), f"aud{audience or Audience.PUBLIC}"]
    tokens += [f"grp{pk}" for pk in group_ids]
    return " ".join(tokens)


def kind_token(kind):
    """The kind as one FTS5 word: FTS5 splits words on underscores."""
    return "kind" + re.sub(r"[\W_]", "", kind).lower()


def facets_for(entry, document):
    for name in FACET_NAMES:
        for code in dict.fromkeys(document.facets.get(name, ())):
            if code:
                yield SearchFacet(entry=entry, name=name, code=str(code)[:120])


def rebuild(progress=None):
    """Index every record of every source again; returns the documents written.

    ``progress(source, done, total)`` is called after each record.
    """
    from .backends import secondary_indexers

    SearchEntry.objects.all().delete()
    indexers = secondary_indexers()
    for indexer in indexers:
        _safely(indexer.reset)
    written = 0
    for source in all_sources():
        instances = list(source.all_instances())
        for done, instance in enumerate(instances, start=1):
            documents = list(source.documents(instance) or ())
            write_documents(record_ref(instance), documents)
            for indexer in indexers:
                _safely(indexer.replace, record_ref(instance), documents)
            written += len(documents)
            if progress is not None:
                progress(source, done, len(instances))
    return written


def _safely(action, *args):
    """Run an outside indexer's action; its failure never stops a save."""
    try:
        action(*args)
    except Exception:
        logger.exception(
            "The search engine could not be updated; the database index was. "
            "Rebuild the index with manage.py rebuild_search_index once it is back."
        )
