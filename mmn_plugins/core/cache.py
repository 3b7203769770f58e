"""Full-page cache for anonymous visitors.

Anonymous readers are most of the traffic, and a published page looks the same
to all of them, so its whole response is kept in the cache and served before
sessions, language routing and Wagtail's page lookup run at all.

What keeps one visitor's page from reaching another:

* only views that opt in are stored: Wagtail pages through the
  ``before_serve_page`` hook, other views by calling :func:`mark_cacheable`;
* a request carrying a session or messages cookie is never served from or
  stored in the cache (every logged-in member has a session);
* a response that sets a cookie, holds a CSRF token, varies on anything but
  the cookie and the encoding, or says ``private``/``no-store`` is never
  stored.

Publishing, unpublishing, moving or deleting a page, and saving a snippet, a
menu or a site setting, start a new cache generation: every stored page is
then out of date at once (see :func:`purge_page_cache`).
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.utils.cache import cc_delim_re

from . import settings as core_settings


logger = logging.getLogger(__name__)

GENERATION_KEY = "mmn:page-cache:generation"
CACHEABLE_ATTRIBUTE = "mmn_page_cacheable"


def mark_cacheable(request):
    """Let the page cache store the response to ``request`` if it is safe."""
    setattr(request, CACHEABLE_ATTRIBUTE, True)


def purge_page_cache():
    """Make every cached page out of date (a new generation)."""
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)
    logger.debug("Page cache purged.")


def _cache():
    return caches[core_settings.get("MMN_CORE_PAGE_CACHE_ALIAS")]


def _skip_cookies():
    return {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE", None)}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._request_may_use_cache(request):
            return self.get_response(request)

        key = self._key(request)
        if key is None:
            return self.get_response(request)
        cached = _cache().get(key)
        if cached is not None:
            return cached

        response = self.get_response(request)
        if self._response_may_be_stored(request, response):
            self._store(key, response)
        return response

    def _request_may_use_cache(self, request):
        if request.method != "GET":
            return False
        cookies = request.COOKIES
        return not any(name in cookies for name in _skip_cookies() if name)

    def _key(self, request):
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        generation = _cache().get(GENERATION_KEY, 0)
        return f"mmn:page:{generation}:{host}:{request.get_full_path()}"

    def _response_may_be_stored(self, request, response):
        if not getattr(request, CACHEABLE_ATTRIBUTE, False):
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # The page holds this visitor's CSRF token.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        # "Cookie" is safe here: the request carried no session cookie, and a
        # page that used the CSRF token was refused above.
        vary = {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
        if vary - {"accept-encoding", "cookie"}:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not ("private" in cache_control or "no-store" in cache_control)

    def _store(self, key, response):
        timeout = core_settings.get("MMN_CORE_PAGE_CACHE_SECONDS")
        _cache().set(key, response, timeout=timeout)
        return response
