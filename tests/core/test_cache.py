"""The page cache middleware's own rules, with hand-made requests and views.

These complement ``tests/site/test_page_cache.py`` (the whole site) with cases
no site page produces on demand: a view that sets a cookie, a response that
varies on the language, a lost generation counter, a dummy request.
"""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import patch_vary_headers

from mmn_plugins.core.cache import (
    GENERATION_KEY,
    PageCacheMiddleware,
    current_generation,
    generation_cache_key,
    mark_cacheable,
    purge_page_cache,
)


class CountingView:
    """A view that opts in to the cache and counts how often it really runs."""

    def __init__(self, respond=None):
        self.calls = 0
        self.respond = respond or (lambda request: HttpResponse("fresh"))

    def __call__(self, request):
        self.calls += 1
        mark_cacheable(request)
        return self.respond(request)


# The middleware finds each request's Wagtail site before the view runs.
pytestmark = pytest.mark.django_db


@pytest.fixture
def requests():
    return RequestFactory()


def serve_twice(view, requests, path="/en/page/", **extra):
    middleware = PageCacheMiddleware(view)
    middleware(requests.get(path, **extra))
    return middleware(requests.get(path, **extra))


def test_a_cacheable_page_is_served_from_the_cache(requests):
    """The view runs once; the second reader gets the stored response."""
    view = CountingView()

    response = serve_twice(view, requests)

    assert view.calls == 1
    assert response.content == b"fresh"


def test_views_that_do_not_opt_in_are_never_stored(requests):
    view = CountingView()
    view_without_opt_in = PageCacheMiddleware(lambda request: view.respond(request))

    view_without_opt_in(requests.get("/en/page/"))
    view_without_opt_in(requests.get("/en/page/"))
    serve_twice(view, requests)

    assert view.calls == 1  # Only the opted-in view's first call ran.


def test_response_setting_a_cookie_is_never_stored(requests):
    """A cookie meant for one visitor must not be handed to the next."""

    def respond(request):
        response = HttpResponse("with cookie")
        response.set_cookie("visitor", "one")
        return response

    view = CountingView(respond)

    serve_twice(view, requests)

    assert view.calls == 2


@pytest.mark.parametrize(
    "header, value",
    [("Cache-Control", "private"), ("Cache-Control", "no-store")],
)
def test_private_responses_are_never_stored(requests, header, value):
    def respond(request):
        response = HttpResponse("private")
        response[header] = value
        return response

    view = CountingView(respond)

    serve_twice(view, requests)

    assert view.calls == 2


def test_response_varying_on_the_language_header_is_never_stored(requests):
    """A page chosen by Accept-Language would reach readers of other languages."""

    def respond(request):
        response = HttpResponse("negotiated")
        patch_vary_headers(response, ["Accept-Language"])
        return response

    view = CountingView(respond)

    serve_twice(view, requests)

    assert view.calls == 2


def test_error_responses_are_never_stored(requests):
    view = CountingView(lambda request: HttpResponse("gone", status=404))

    serve_twice(view, requests)

    assert view.calls == 2


def test_requests_with_credentials_bypass_the_cache(requests):
    view = CountingView()

    serve_twice(view, requests, HTTP_AUTHORIZATION="Basic bWU6c2VjcmV0")

    assert view.calls == 2


def test_a_dummy_request_never_reads_the_cache(requests):
    """Wagtail's preview requests the page's own URL and must reach the draft."""
    view = CountingView()
    middleware = PageCacheMiddleware(view)
    middleware(requests.get("/en/page/"))

    dummy = requests.get("/en/page/")
    dummy.is_dummy = True
    middleware(dummy)

    assert view.calls == 2


def test_query_strings_have_their_own_entries(requests):
    view = CountingView(lambda request: HttpResponse(request.GET.get("page", "1")))
    middleware = PageCacheMiddleware(view)

    middleware(requests.get("/en/news/?page=1"))
    second_page = middleware(requests.get("/en/news/?page=2"))

    assert second_page.content == b"2"
    assert view.calls == 2


def test_purging_makes_every_stored_page_out_of_date(requests):
    view = CountingView()
    middleware = PageCacheMiddleware(view)
    middleware(requests.get("/en/page/"))

    purge_page_cache()
    middleware(requests.get("/en/page/"))

    assert view.calls == 2


def test_a_lost_generation_never_brings_back_older_pages(requests):
    """If the cache evicts the generation counter, pages stored before the last
    purge must stay out of date."""
    view = CountingView(lambda request: HttpResponse(f"version {view.calls}"))
    middleware = PageCacheMiddleware(view)
    middleware(requests.get("/en/page/"))  # Stored as version 1.
    purge_page_cache()
    middleware(requests.get("/en/page/"))  # Stored as version 2.

    cache.delete(GENERATION_KEY)
    response = middleware(requests.get("/en/page/"))

    assert response.content == b"version 3"


def test_generation_keys_change_with_each_purge():
    """Menus and fragments keyed this way follow the page cache's purges."""
    before = generation_cache_key("menu", 1, "main", "en")
    assert generation_cache_key("menu", 1, "main", "en") == before

    purge_page_cache()

    assert generation_cache_key("menu", 1, "main", "en") != before
    assert str(current_generation()) in generation_cache_key("x")


def test_page_cache_can_be_turned_off(requests, settings):
    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    view = CountingView()

    serve_twice(view, requests)

    assert view.calls == 2
