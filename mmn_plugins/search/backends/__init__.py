"""Which backend answers a search, and the fallback when it cannot.

The database backend always holds the whole index. With
``MMN_SEARCH_ELASTICSEARCH`` set, Elasticsearch answers first; when it fails
or cannot be reached, the database answers instead and the results say they
may be incomplete. The failure is logged once per incident: a warning when it
starts, a line when the primary answers again, nothing per request between.
While it fails, it is left alone for ``MMN_SEARCH_RETRY_SECONDS``.
"""

import logging
import time

from django.core.cache import cache
from django.utils.module_loading import import_string

from .. import settings as search_settings
from .base import SearchBackendError
from .database import DatabaseBackend


logger = logging.getLogger(__name__)

INCIDENT_KEY = "mmn:search:primary-failing"
ELASTICSEARCH_BACKEND = "mmn_plugins.search.backends.elasticsearch.ElasticsearchBackend"


def database_backend():
    return DatabaseBackend()


def primary_backend():
    """The configured primary backend: Elasticsearch or the database."""
    options = search_settings.get("MMN_SEARCH_ELASTICSEARCH")
    if not options:
        return database_backend()
    backend_class = import_string(options.get("BACKEND", ELASTICSEARCH_BACKEND))
    return backend_class(options)


def secondary_indexers():
    """Indexes written besides the database's (Elasticsearch when configured)."""
    backend = primary_backend()
    if isinstance(backend, DatabaseBackend):
        return []
    return [backend]


def search(request):
    """Answer ``request`` from the primary backend, or from the database."""
    primary = primary_backend()
    if isinstance(primary, DatabaseBackend):
        return primary.search(request)

    failing_since = cache.get(INCIDENT_KEY)
    retry_after = search_settings.get("MMN_SEARCH_RETRY_SECONDS")
    if failing_since is None or time.time() - failing_since >= retry_after:
        try:
            results = primary.search(request)
        except Exception as error:  # Any failure of an outside service.
            _start_incident(primary, error, failing_since)
        else:
            if failing_since is not None:
                cache.delete(INCIDENT_KEY)
                logger.info("The search engine %s answers again.", primary.name)
            return results

    results = database_backend().search(request)
    results.is_incomplete = True
    return results


def _start_incident(primary, error, failing_since):
    cache.set(INCIDENT_KEY, time.time(), timeout=None)
    if failing_since is None:
        logger.warning(
            "The search engine %s failed (%s: %s); the database answers searches "
            "until it is back.",
            primary.name,
            type(error).__name__,
            error,
        )


__all__ = ["SearchBackendError", "database_backend", "primary_backend", "search"]
