"""Settings read by the search plugin, each with its default.

They are read when used, never at import, so tests and sites can override them.
The plugin's README documents each one.
"""

from django.conf import settings


DEFAULTS = {
    # Results on one page of the search page.
    "MMN_SEARCH_RESULTS_PER_PAGE": 20,
    # Longest query accepted, in characters; a longer one is answered with 400.
    "MMN_SEARCH_MAX_QUERY_LENGTH": 200,
    # Words of a query that count; the rest are ignored.
    "MMN_SEARCH_MAX_TERMS": 10,
    # Matching documents ranked for one query, the newest first: a word found in
    # nearly every document then costs no more than a rarer one.
    "MMN_SEARCH_MAX_CANDIDATES": 500,
    # How much a document in the reader's language outweighs the others.
    "MMN_SEARCH_LANGUAGE_BOOST": 1.5,
    # Rate of searches per visitor, as core's rate limit reads it.
    "MMN_SEARCH_RATE": "60/m",
    # Kind of result for each page type ("app_label.modelname": kind); other
    # pages are of kind "page". Models a search source claims are left to it.
    "MMN_SEARCH_PAGE_KINDS": {"news.newspage": "news", "events.eventpage": "event"},
    # Elasticsearch 8, or None for the database alone:
    # {"URLS": [...], "INDEX_PREFIX": "mmn", "TIMEOUT": 5}.
    "MMN_SEARCH_ELASTICSEARCH": None,
    # Seconds a failing primary backend is left alone before it is tried again.
    "MMN_SEARCH_RETRY_SECONDS": 60,
}


def get(name):
    """Return the project's value of ``name`` or the plugin's default."""
    return getattr(settings, name, DEFAULTS[name])
