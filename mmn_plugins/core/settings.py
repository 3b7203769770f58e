"""Settings read by the core plugin, each with its default.

They are read when used, never at import, so tests and sites can override them.
"""

from django.conf import settings


DEFAULTS = {
    "MMN_BASE_TEMPLATE": "base.html",
    "MMN_CORE_PAGE_CACHE_SECONDS": 300,
    "MMN_CORE_FRAGMENT_CACHE_SECONDS": 300,
    "MMN_CORE_PAGE_CACHE_ALIAS": "default",
    "MMN_CORE_CLIENT_IP_HEADER": "",
    "MMN_CORE_CLIENT_IP_PROXY_COUNT": 1,
    "MMN_CORE_MEMBER_GROUP": "Members",
}


def get(name):
    """Return the project's value of ``name`` or the plugin's default."""
    return getattr(settings, name, DEFAULTS[name])
