"""Saving, publishing, unpublishing and deleting a record updates the index.

Each change enqueues a task (see :mod:`.tasks`). Enqueuing itself never
raises into the save: a broken queue is logged, and the record is found again
after the next ``rebuild_search_index``.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from mmn_plugins.core.registry import search_sources


logger = logging.getLogger(__name__)
_connected_models = set()


def connect_sources():
    """Listen to pages, and to the models of the sources registered at start."""
    page_published.connect(_page_changed, dispatch_uid="mmn_search_published")
    page_unpublished.connect(_page_changed, dispatch_uid="mmn_search_unpublished")
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="mmn_search_page_del")
    post_save.connect(_record_saved, dispatch_uid="mmn_search_saved")
    post_delete.connect(_record_deleted, dispatch_uid="mmn_search_deleted")


def _watched_models():
    """Models of registered sources that are not pages (pages follow publishing)."""
    try:
        sources = search_sources()
    except Exception:  # A broken source must not break every save of the site.
        logger.exception("A search source could not be loaded.")
        return ()
    return tuple(
        model
        for source in sources
        for model in source.models
        if not issubclass(model, Page)
    )


def _record_saved(sender, instance, raw=False, **kwargs):
    if raw or isinstance(instance, Page):
        return
    if not isinstance(instance, _watched_models()):
        return
    _enqueue_index(instance)


def _record_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or not isinstance(instance, _watched_models()):
        return
    from .indexing import record_ref

    _enqueue_removal(record_ref(instance))


def _page_changed(sender, instance, **kwargs):
    _enqueue_index(instance)


def _page_deleted(sender, instance, **kwargs):
    _enqueue_removal(f"page:{instance.pk}")


def _enqueue_index(instance):
    # After the commit: a record's inline children (descriptions, files) are
    # saved after the record itself, and the task must read them.
    label, pk = instance._meta.label, instance.pk
    transaction.on_commit(lambda: _enqueue("index_record_task", label, pk))


def _enqueue_removal(ref):
    transaction.on_commit(lambda: _enqueue("remove_record_task", ref))


def _enqueue(task_name, *args):
    from . import tasks

    try:
        getattr(tasks, task_name).enqueue(*args)
    except Exception:
        logger.exception("Could not queue the search task %s%r.", task_name, args)
