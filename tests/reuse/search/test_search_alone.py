"""``mmn_plugins.search`` installed alone (with core) in a plain Wagtail site.

No app of the network's site, no theme, no other plugin: see
``tests/reuse/settings_search.py``. Every live page is found through the
generic page source; no other source is registered.
"""

import importlib.util
import io
import sys

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from mmn_plugins.search.models import SearchEntry


SITE_MODULES = ["mmn_site", "home", "pages", "news", "events", "tests.factories"]
OTHER_PLUGINS = ["mmn_plugins.directory", "mmn_plugins.library",
                 "mmn_plugins.debates", "mmn_plugins.forum"]  # fmt: skip


@pytest.mark.parametrize("name", SITE_MODULES)
def test_nothing_of_the_site_is_loaded_or_importable(name):
    assert name not in sys.modules
    if "." not in name:
        assert importlib.util.find_spec(name) is None


@pytest.mark.parametrize("name", OTHER_PLUGINS)
def test_no_other_plugin_is_loaded(name):
    assert name not in sys.modules


@pytest.fixture
def pages(db, django_capture_on_commit_callbacks):
    home = Page.objects.get(depth=2)
    with django_capture_on_commit_callbacks(execute=True):
        public = home.add_child(instance=Page(title="Lighthouse keepers", slug="a"))
        public.save_revision().publish()
        private = home.add_child(instance=Page(title="Lighthouse budget", slug="b"))
        private.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    with django_capture_on_commit_callbacks(execute=True):
        private.save_revision().publish()  # Re-indexed with its restriction.
    assert restriction.pk
    return {"public": public, "private": private}


def test_the_search_page_is_reachable(db):
    assert reverse("mmn_search:search") == "/en/search/"


def test_published_pages_are_found(client, pages):
    response = client.get("/en/search/", {"q": "lighthouse"})

    assert response.status_code == 200
    urls = [item["hit"].url for item in response.context["hits"]]
    assert urls == [pages["public"].url]
    assert b"<mark>" not in response.content or b"Lighthouse" in response.content


def test_restricted_pages_are_for_signed_in_members(client, pages, django_user_model):
    staff = django_user_model.objects.create_user("staff", is_staff=True)
    client.force_login(staff)

    response = client.get("/en/search/", {"q": "budget"})

    assert [item["hit"].url for item in response.context["hits"]] == [
        pages["private"].url
    ]


def test_unpublishing_removes_a_page(client, pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages["public"].unpublish()

    assert client.get("/en/search/", {"q": "keepers"}).context["results"].total == 0


def test_rebuild_command(pages):
    SearchEntry.objects.all().delete()
    output = io.StringIO()

    call_command("rebuild_search_index", stdout=output)

    assert "Indexed 3 documents" in output.getvalue()  # the home page too


def test_hostile_queries_are_answered(client, pages):
    for query in ['"', "NEAR(a b, 5)", "a & b | !c", "x" * 100_000, "a\x00b"]:
        assert client.get("/ar/search/", {"q": query}).status_code in {200, 400}
