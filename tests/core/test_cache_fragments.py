"""Template fragments and page content kept under the page cache generation."""

import pytest
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from mmn_plugins.core.cache import purge_page_cache


FRAGMENT = Template(
    "{% load mmn_cache %}"
    '{% cached_fragment "list" key %}{{ value }}{% endcached_fragment %}'
)
CONTENT = Template(
    "{% load mmn_cache %}"
    "{% cached_page_content %}{{ value }}{% endcached_page_content %}"
)


def render(template, **context):
    return template.render(Context(context))


class PublicPage:
    pk = 7
    mmn_content_is_public = True


class PersonalPage:
    pk = 8


def test_fragment_is_kept_until_the_next_purge():
    """The stored fragment is shown until an editor's change renews it."""
    assert render(FRAGMENT, key=1, value="first") == "first"
    assert render(FRAGMENT, key=1, value="second") == "first"

    purge_page_cache()

    assert render(FRAGMENT, key=1, value="second") == "second"


def test_fragment_varies_on_its_values_and_the_language():
    render(FRAGMENT, key=1, value="one")

    assert render(FRAGMENT, key=2, value="two") == "two"
    with translation.override("fr"):
        assert render(FRAGMENT, key=1, value="un") == "un"


def test_fragment_holding_a_csrf_token_is_never_stored():
    """A form's token belongs to one visitor and is never handed to another."""
    template = Template(
        "{% load mmn_cache %}"
        '{% cached_fragment "form" %}<form>{% csrf_token %}</form>'
        "{% endcached_fragment %}"
    )
    first_visitor, second_visitor = HttpRequest(), HttpRequest()

    first = template.render(Context({"csrf_token": get_token(first_visitor)}))
    second = template.render(Context({"csrf_token": get_token(second_visitor)}))

    assert 'name="csrfmiddlewaretoken"' in first
    assert first != second


def test_fragments_can_be_turned_off(settings):
    settings.MMN_CORE_FRAGMENT_CACHE_SECONDS = 0
    render(FRAGMENT, key=1, value="first")

    assert render(FRAGMENT, key=1, value="second") == "second"


def test_page_content_is_kept_only_for_page_types_that_say_it_is_public():
    request = RequestFactory().get("/en/about/")
    public = {"page": PublicPage(), "request": request}
    personal = {"page": PersonalPage(), "request": request}

    render(CONTENT, value="public", **public)
    render(CONTENT, value="yours", **personal)

    assert render(CONTENT, value="changed", **public) == "public"
    assert render(CONTENT, value="changed", **personal) == "changed"


def test_page_content_varies_on_the_query_string():
    """Page two of a list is not page one."""
    page = PublicPage()
    first = {"page": page, "request": RequestFactory().get("/en/news/")}
    second = {"page": page, "request": RequestFactory().get("/en/news/?page=2")}
    render(CONTENT, value="page one", **first)

    assert render(CONTENT, value="page two", **second) == "page two"


@pytest.mark.django_db
def test_cached_page_content_is_purged_on_publishing(client, home_page):
    """A published change shows to a member, whose view skips the page cache."""
    from pages.models import StandardPage
    from tests import factories

    about = factories.add_page(
        home_page, StandardPage(title="About", slug="about", introduction="Before")
    )
    client.force_login(factories.make_user("reader@example.org"))
    assert "Before" in client.get("/en/about/").content.decode()

    about.introduction = "After"
    about.save_revision().publish()

    assert "After" in client.get("/en/about/").content.decode()


def test_previews_neither_read_nor_leave_fragments():
    """A draft shown in preview never reaches the public, nor the reverse."""
    live_request = RequestFactory().get("/en/about/")
    preview_request = RequestFactory().get("/en/about/")
    preview_request.is_preview = True
    render(CONTENT, value="published", page=PublicPage(), request=live_request)

    preview = render(CONTENT, value="draft", page=PublicPage(), request=preview_request)
    live = render(CONTENT, value="other", page=PublicPage(), request=live_request)

    assert preview == "draft"
    assert live == "published"
