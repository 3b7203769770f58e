"""The language switcher, the notice for untranslated pages, and the guard
that keeps every page under its own language's prefix."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from pages.models import StandardPage
from tests.factories import add_page, translate_page


pytestmark = pytest.mark.django_db


def switcher_targets(response):
    """``{language: next URL}`` of the switcher's links, and their notes."""
    soup = BeautifulSoup(response.content, "html.parser")
    targets, notes = {}, {}
    for link in soup.select(".language-switcher a"):
        query = parse_qs(urlsplit(link["href"]).query)
        targets[link["lang"]] = query["next"][0]
        note = link.select_one(".language-switcher__missing")
        notes[link["lang"]] = note.get_text(strip=True) if note else ""
    return targets, notes


@pytest.fixture
def about_tree(home_page, french_home_page, arabic_home_page):
    """About (en, fr) with a child Team (en only)."""
    about = add_page(home_page, StandardPage(title="About", slug="about"))
    about_fr = translate_page(about, "fr", title="À propos", slug="a-propos")
    team = add_page(about, StandardPage(title="Team", slug="team"))
    return {"about": about, "about_fr": about_fr, "team": team}


def test_switcher_links_each_language_to_the_page_translation(client, about_tree):
    targets, notes = switcher_targets(client.get("/en/about/"))

    assert targets["en"] == "/en/about/"
    assert targets["fr"] == "/fr/a-propos/"
    assert notes["fr"] == ""


def test_switcher_falls_back_to_the_nearest_translated_ancestor(client, about_tree):
    """Team has no French or Arabic version: French goes to About's French
    version, Arabic (no Arabic About) to the Arabic home page; each says so in
    its own language."""
    targets, notes = switcher_targets(client.get("/en/about/team/"))

    assert targets["en"] == "/en/about/team/"
    assert targets["fr"] == "/fr/a-propos/?untranslated=fr"
    assert targets["ar"] == "/ar/?untranslated=ar"
    assert notes["fr"] and notes["ar"] and notes["en"] == ""
    # The language without a home page at all stays on the page, with notice.
    assert targets["el"] == "/en/about/team/?untranslated=el"


def test_arrival_shows_the_notice_in_the_reader_language(client, about_tree, settings):
    response = client.get("/fr/a-propos/?untranslated=fr")
    soup = BeautifulSoup(response.content, "html.parser")
    notice = soup.select_one(".translation-notice")

    assert notice is not None
    assert notice["lang"] == "fr"
    assert "fran" in notice.get_text().lower()  # names the language, in French


def test_notice_ignores_unknown_languages(client, about_tree):
    response = client.get("/en/about/?untranslated=<script>")

    assert b"translation-notice" not in response.content


def test_page_of_another_language_is_never_shown_under_this_prefix(client, about_tree):
    """Greek has no home page, so Wagtail would route /el/ through the English
    tree: the reader is sent to the English page, told it has no Greek version."""
    response = client.get("/el/about/team/")

    assert response.status_code == 302
    assert response["Location"] == "/en/about/team/?untranslated=el"


def test_missing_translation_under_a_translated_home_is_a_404(client, about_tree):
    assert client.get("/fr/a-propos/team/").status_code == 404


def test_alias_of_another_language_page_counts_as_untranslated(client, about_tree):
    """wagtail-localize's synchronised trees make aliases: English text in a
    French tree. The switcher skips them and the alias sends readers on."""
    team = about_tree["team"]
    alias = team.create_alias(
        parent=about_tree["about_fr"], update_locale=about_tree["about_fr"].locale
    )
    assert alias.live

    targets, _notes = switcher_targets(client.get("/en/about/team/"))
    response = client.get(alias.get_url())

    assert targets["fr"] == "/fr/a-propos/?untranslated=fr"
    assert response.status_code == 302
    assert response["Location"] == "/en/about/team/?untranslated=fr"


def test_views_that_are_not_pages_swap_the_prefix(client, about_tree):
    targets, _notes = switcher_targets(client.get("/ar/no-such-page/"))

    assert targets["fr"] == "/fr/no-such-page/"
    assert targets["en"] == "/en/no-such-page/"


def test_unprefixed_views_keep_their_address(client, about_tree):
    targets, _notes = switcher_targets(client.get("/accounts/login/"))

    assert set(targets.values()) == {"/accounts/login/"}


def test_switching_remembers_the_language(client, about_tree, settings):
    response = client.get("/language/fr/", {"next": "/fr/a-propos/"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/a-propos/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    # The root now sends this reader to French, whatever the browser says.
    root = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert root["Location"] == "/fr/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x"])
def test_switching_never_leaves_the_site(client, about_tree, target):
    response = client.get("/language/ar/", {"next": target})

    assert response["Location"] == "/ar/"


def test_switching_to_an_unknown_language_is_refused(client, about_tree, settings):
    response = client.get("/language/xx/", {"next": "/en/"})

    assert response.status_code == 400
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_first_visit_follows_accept_language(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,fr;q=0.8,en;q=0.5")

    assert response["Location"] == "/ar/"
    assert "Accept-Language" in response["Vary"]


def test_switcher_targets_cost_no_query_once_cached(
    client, about_tree, django_assert_max_num_queries, settings
):
    from django.test import RequestFactory

    from multilingual.languages import versions_for_request

    request = RequestFactory().get("/en/about/team/")
    team = about_tree["team"]
    # Ancestors, translations, the page's locale, and the two site lookups a
    # real request gets from the page cache middleware: however deep the page.
    with django_assert_max_num_queries(5):
        versions_for_request(request, team)
    again = RequestFactory().get("/en/about/team/")
    with django_assert_max_num_queries(0):
        versions_for_request(again, team)
