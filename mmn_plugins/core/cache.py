"""Full-page cache for anonymous visitors.

Anonymous readers are most of the traffic, and a published page looks the same
to all of them, so its whole response is kept in the cache and served before
sessions, language routing and Wagtail's page lookup run at all.

What keeps one visitor's page from reaching another:

* only views that opt in are stored: Wagtail pages through the
  ``before_serve_page`` hook, other views by calling :func:`mark_cacheable`;
* a request carrying a session or messages cookie, or credentials, is never
  served from or stored in the cache (every logged-in member has a session);
* a response that sets a cookie, holds a CSRF token, varies on anything but
  the cookie and the encoding, or says ``private``/``no-store`` is never
  stored; nor is a preview, nor a page shown to a logged-in user;
* the key holds the host and the full path, language prefix included, so each
  language and each query string has its own entry.

Publishing, unpublishing, moving or deleting a page, and saving a snippet, a
menu or a site setting, start a new cache generation: every stored page is
then out of date at once (see :func:`purge_page_cache`). Other caches that
show content (the site's menus, template fragments) put
:func:`current_generation` in their keys, so the same purge reaches them.

When a page must be rendered (a member is logged in, or the page is not stored
yet) the middleware still spares Wagtail its page lookup: which site a host
name means, and which page a path leads to, are remembered under the same
generation (see :meth:`PageCacheMiddleware.process_view`). Only the lookup is
remembered; the page itself is read fresh from the database, and Wagtail still
checks that it is live and who may see it.
"""

import hashlib
import logging
import time

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import Http404
from django.utils import translation
from django.utils.cache import cc_delim_re
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from . import settings as core_settings


logger = logging.getLogger(__name__)

GENERATION_KEY = "mmn:page-cache:generation"
CACHEABLE_ATTRIBUTE = "mmn_page_cacheable"
SAFE_VARY_HEADERS = {"accept-encoding", "cookie"}
LOOKUP_SECONDS = 60 * 60
NO_SITE = "no-site"


def mark_cacheable(request):
    """Let the page cache store the response to ``request`` if it is safe."""
    setattr(request, CACHEABLE_ATTRIBUTE, True)


def purge_page_cache():
    """Make every cached page, menu and fragment out of date (a new generation)."""
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)
    logger.debug("Page cache purged.")


def current_generation():
    """The cache generation that keys of content caches must include."""
    cache = _cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def generation_cache_key(*parts):
    """A cache key that goes out of date with every purge of the page cache."""
    return ":".join(["mmn", str(current_generation()), *map(str, parts)])


def _fresh_generation():
    # A cache that evicts or loses the generation must not fall back to a
    # number it used before, or pages stored under that number would come back
    # to life; the clock only moves forward past every earlier generation.
    return time.time_ns()


def _cache():
    return caches[core_settings.get("MMN_CORE_PAGE_CACHE_ALIAS")]


def _skip_cookies():
    return {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._request_may_use_cache(request):
            return self._render(request)

        key = self._key(request)
        if key is None:
            return self._render(request)
        cached = _cache().get(key)
        if cached is not None:
            return cached

        response = self._render(request)
        if self._response_may_be_stored(request, response):
            self._store(key, response)
        return response

    def _render(self, request):
        remember_site_for_request(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Give Wagtail's page view the page this path led to last time."""
        if view_func is wagtail_views.serve and not getattr(request, "is_dummy", False):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            remember_route_for_request(request, path)

    def _request_may_use_cache(self, request):
        if request.method != "GET" or not core_settings.get(
            "MMN_CORE_PAGE_CACHE_SECONDS"
        ):
            return False
        # Wagtail's previews and moderation views build a dummy request for the
        # page's own URL: it must reach the draft, never the published copy.
        if getattr(request, "is_dummy", False):
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        cookies = request.COOKIES
        return not any(name in cookies for name in _skip_cookies())

    def _key(self, request):
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        # Hashed: paths can be long and hold characters that memcached refuses.
        address = f"{host}{request.get_full_path()}".encode()
        digest = hashlib.sha256(address).hexdigest()
        return generation_cache_key("page", digest)

    def _response_may_be_stored(self, request, response):
        if not getattr(request, CACHEABLE_ATTRIBUTE, False):
            return False
        if getattr(request, "is_preview", False):
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
        if vary - SAFE_VARY_HEADERS:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not ("private" in cache_control or "no-store" in cache_control)

    def _store(self, key, response):
        timeout = core_settings.get("MMN_CORE_PAGE_CACHE_SECONDS")
        _cache().set(key, response, timeout=timeout)
        return response


def remember_site_for_request(request):
    """Find the request's Wagtail site through the cache, not a query each time.

    Wagtail looks for ``request._wagtail_site`` before it queries (see
    ``Site.find_for_request``); saving a site starts a new generation.
    """
    try:
        port = request.get_port()
    except (KeyError, ValueError):
        return
    host = request._get_raw_host()  # As Wagtail does: ALLOWED_HOSTS is not its job.
    key = generation_cache_key("site", hashlib.sha256(host.encode()).hexdigest(), port)
    site = _cache().get(key)
    if site is None:
        try:
            site = Site.find_for_request(request) or NO_SITE
        except Site.DoesNotExist:
            site = NO_SITE  # No site yet: Wagtail answers 404 as it would.
        _cache().set(key, site, timeout=LOOKUP_SECONDS)
    request._wagtail_site = None if site == NO_SITE else site


def remember_route_for_request(request, path):
    """Route ``path`` to a page with one query when it was routed before.

    Wagtail walks the page tree a level at a time and reads each page twice
    (base then specific). The page a path reached, and the path's remaining
    components (a routable page's sub-route), are kept; the page is then read
    with one query and routes the rest itself, which checks that it is live.
    Wagtail uses the result through ``request._wagtail_route_for_request``.
    """
    site = Site.find_for_request(request)
    if site is None:
        return
    digest = hashlib.sha256(path.encode()).hexdigest()
    key = generation_cache_key("route", site.pk, translation.get_language(), digest)
    remembered = _cache().get(key)
    if remembered is not None:
        _route_to_remembered_page(request, remembered)
        return

    route = Page.route_for_request(request, path)
    if route is None:
        return
    page = route[0]
    components = [component for component in path.split("/") if component]
    consumed = page.depth - site.root_page.depth
    remembered = (page._meta.label_lower, page.pk, components[consumed:])
    _cache().set(key, remembered, timeout=LOOKUP_SECONDS)


def _route_to_remembered_page(request, remembered):
    model_label, page_pk, remaining_components = remembered
    try:
        page = apps.get_model(model_label).objects.get(pk=page_pk)
        request._wagtail_route_for_request = page.route(request, remaining_components)
    except (LookupError, Page.DoesNotExist, Http404):
        pass  # Let Wagtail route the path from the top as usual.
