from django.urls import NoReverseMatch, reverse

from . import settings as core_settings


# The search plugin names its page view so; without the plugin there is no
# search page, and templates leave the search box out rather than link to a 404.
SEARCH_URL_NAME = "mmn_search:search"


def mmn_core(request):
    """Give every template the base template and, when installed, the search URL."""
    return {
        "mmn_base_template": core_settings.get("MMN_BASE_TEMPLATE"),
        "mmn_search_url": _search_url(),
    }


def _search_url():
    try:
        return reverse(SEARCH_URL_NAME)
    except NoReverseMatch:
        return ""
