"""Background tasks that keep the index current (run through django-tasks).

They receive names and primary keys, never instances, so the database
backend of django-tasks can store them. A failure is logged and swallowed:
publishing and posting never fail because search is down.
"""

import logging

from django.apps import apps
from django_tasks import task


logger = logging.getLogger(__name__)


@task()
def index_record_task(model_label, pk):
    """Index the record ``model_label`` / ``pk`` again (or drop it if gone)."""
    from .indexing import index_record, record_ref

    try:
        model = apps.get_model(model_label)
        instance = model._default_manager.filter(pk=pk).first()
        if instance is None:
            return
        if hasattr(instance, "specific"):
            instance = instance.specific
        index_record(instance)
    except Exception:
        logger.exception(
            "Could not index %s %s; the search may miss it.", model_label, pk
        )
        return
    logger.debug("Indexed %s.", record_ref(instance))


@task()
def remove_record_task(ref):
    """Drop the documents of the deleted record ``ref``."""
    from .indexing import remove_record

    try:
        remove_record(ref)
    except Exception:
        logger.exception("Could not remove %s from the search index.", ref)
