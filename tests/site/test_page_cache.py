"""The full-page cache against the real stack: fast for anonymous readers,
purged by every change an editor makes, and never leaking one visitor's page.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site
from wagtailmenus.models import MainMenu, MainMenuItem

from formpages.models import FormField, FormPage
from mmn_plugins.core.models import Topic
from pages.models import StandardPage
from tests import factories


pytestmark = pytest.mark.django_db


def get(client, path, **extra):
    """GET ``path``; return the response and the number of SQL queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    return response, len(queries)


def assert_served_from_cache(client, path, **extra):
    response, queries = get(client, path, **extra)
    assert response.status_code == 200
    assert queries == 0, "expected the stored page, without touching the database"
    return response


def assert_rendered(client, path, **extra):
    response, queries = get(client, path, **extra)
    assert queries > 0, "expected a freshly rendered page, not the stored one"
    return response


@pytest.fixture
def about(home_page):
    return factories.add_page(
        home_page, StandardPage(title="About us", slug="about", introduction="Hello")
    )


def test_anonymous_reader_gets_the_stored_page_the_second_time(client, about):
    """The second anonymous view of a published page costs no query at all."""
    first = assert_rendered(client, "/en/about/")
    second = assert_served_from_cache(client, "/en/about/")

    assert second.content == first.content
    assert "About us" in second.content.decode()


def test_publishing_a_page_purges_it(client, about):
    """A reader sees the new title as soon as the editor publishes it."""
    get(client, "/en/about/")

    about.title = "Who we are"
    about.save_revision().publish()

    response = assert_rendered(client, "/en/about/")
    assert "Who we are" in response.content.decode()


def test_unpublishing_a_page_purges_it(client, about):
    """An unpublished page disappears at once instead of living on in the cache."""
    get(client, "/en/about/")

    about.unpublish()

    assert client.get("/en/about/").status_code == 404


def test_moving_a_page_purges_it(client, home_page, about):
    """After a move the old address redirects instead of serving the stored page."""
    team = factories.add_page(about, StandardPage(title="Team", slug="team"))
    network = factories.add_page(home_page, StandardPage(title="Network", slug="net"))
    get(client, "/en/about/team/")

    team.move(network, pos="last-child")

    old_address = client.get("/en/about/team/")
    assert old_address.status_code == 301  # Wagtail's automatic redirect.
    assert old_address["Location"] == "/en/net/team/"
    assert client.get("/en/net/team/").status_code == 200


def test_deleting_a_page_purges_it(client, about):
    get(client, "/en/about/")

    about.delete()

    assert client.get("/en/about/").status_code == 404


def test_saving_a_menu_purges_pages(client, about):
    """A menu item an editor adds shows on pages that were already stored."""
    get(client, "/en/")
    menu = MainMenu.get_for_site(Site.objects.get(is_default_site=True))

    MainMenuItem.objects.create(menu=menu, link_page=about, sort_order=1)

    response = assert_rendered(client, "/en/")
    assert 'href="/en/about/"' in response.content.decode()


def test_saving_a_snippet_purges_pages(client, about, locales):
    """Snippets (topics, ...) show on pages, so saving one renders pages anew."""
    get(client, "/en/about/")

    Topic.objects.create(name="Labour mobility", slug="labour", locale=locales["en"])

    assert_rendered(client, "/en/about/")


def test_scheduled_publishing_purges_pages(client, about):
    """``publish_scheduled`` publishing a revision replaces the stored page."""
    get(client, "/en/about/")
    about.title = "Embargo lifted"
    revision = about.save_revision(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert revision.approved_go_live_at is not None

    call_command("publish_scheduled")

    response = assert_rendered(client, "/en/about/")
    assert "Embargo lifted" in response.content.decode()


def test_scheduled_expiry_purges_pages(client, about):
    """A page whose expiry passed is gone once ``publish_scheduled`` runs."""
    get(client, "/en/about/")
    type(about).objects.filter(pk=about.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    call_command("publish_scheduled")

    assert client.get("/en/about/").status_code == 404


def test_language_prefix_keeps_languages_apart(client, french_home_page):
    """The English page stored first is never served to a French reader."""
    get(client, "/en/")
    get(client, "/fr/")

    english = assert_served_from_cache(client, "/en/")
    french = assert_served_from_cache(client, "/fr/")

    assert '<html lang="en"' in english.content.decode()
    assert '<html lang="fr"' in french.content.decode()
    assert "Accueil" in french.content.decode()


def test_member_page_is_never_stored_nor_shown_to_others(client, member, about):
    """A member's page (log-out form, their CSRF token) stays theirs."""
    member_client = Client()
    member_client.force_login(member)

    for _view in range(2):
        mine = assert_rendered(member_client, "/en/about/")
        assert "Log out" in mine.content.decode()
        assert "csrfmiddlewaretoken" in mine.content.decode()

    theirs = assert_rendered(client, "/en/about/")
    assert "Log out" not in theirs.content.decode()
    assert "csrfmiddlewaretoken" not in theirs.content.decode()


def test_member_never_gets_the_anonymous_copy(client, member, about):
    """A member who arrives after an anonymous reader sees their own page."""
    get(client, "/en/about/")
    assert_served_from_cache(client, "/en/about/")
    client.force_login(member)

    response = assert_rendered(client, "/en/about/")

    assert "Log out" in response.content.decode()


def test_page_with_a_form_is_never_stored(home_page):
    """Each reader of a form page gets a page with their own CSRF token."""
    factories.add_page(
        home_page,
        FormPage(
            title="Contact us",
            slug="contact",
            form_fields=[FormField(label="Message", field_type="multiline")],
        ),
    )
    first_reader, second_reader = Client(), Client()

    first = assert_rendered(first_reader, "/en/contact/")
    second = assert_rendered(second_reader, "/en/contact/")

    assert "csrfmiddlewaretoken" in first.content.decode()
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert_rendered(Client(), "/en/contact/")


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_session_or_messages_cookie_bypasses_the_cache(client, about, cookie):
    """A reader with a session or a pending message never gets the stored copy."""
    get(client, "/en/about/")
    assert_served_from_cache(client, "/en/about/")

    client.cookies[cookie] = "anything"

    assert_rendered(client, "/en/about/")


def test_preview_shows_the_draft_not_the_stored_page(client, about):
    """Wagtail's preview reaches the draft even when the live page is stored."""
    get(client, "/en/about/", HTTP_HOST="localhost")
    assert_served_from_cache(client, "/en/about/", HTTP_HOST="localhost")
    about.title = "Draft title"
    revision = about.save_revision()

    preview = revision.as_object().make_preview_request()

    assert BeautifulSoup(preview.content, "html.parser").h1.text == "Draft title"
    live = assert_served_from_cache(client, "/en/about/", HTTP_HOST="localhost")
    assert "Draft title" not in live.content.decode()
    rendered = assert_rendered(
        client, "/en/about/", HTTP_HOST="localhost", HTTP_COOKIE="sessionid=x"
    )
    assert "Draft title" not in rendered.content.decode()


def test_private_page_is_never_stored(client, about):
    """A page restricted to members sends anonymous readers to log in, uncached."""
    about.view_restrictions.create(restriction_type="login")

    for _view in range(2):
        response = assert_rendered(client, "/en/about/")
        assert response.status_code == 302
