"""hreflang alternates in every page's head, and the multilingual sitemap."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from pages.models import StandardPage
from tests.factories import add_page, translate_page


pytestmark = pytest.mark.django_db

XHTML = "http://www.w3.org/1999/xhtml"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


@pytest.fixture
def about(home_page, french_home_page, arabic_home_page):
    page = add_page(home_page, StandardPage(title="About", slug="about"))
    translate_page(page, "ar", title="عن الشبكة", slug="an")
    add_page(home_page, StandardPage(title="English only", slug="english-only"))
    return page


def hreflangs(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        link["hreflang"]: link["href"]
        for link in soup.select('head link[rel="alternate"][hreflang]')
    }


def test_page_head_lists_each_translation_and_x_default(client, about):
    alternates = hreflangs(client.get("/ar/an/"))

    assert alternates == {
        "en": "http://testserver/en/about/",
        "ar": "http://testserver/ar/an/",
        "x-default": "http://testserver/en/about/",
    }


def test_untranslated_page_has_no_alternates(client, about):
    assert hreflangs(client.get("/en/english-only/")) == {}


def test_views_that_are_not_pages_have_every_prefix_and_a_404_none(client, about):
    login = hreflangs(client.get("/accounts/login/"))
    missing = hreflangs(client.get("/fr/no-such-page/"))

    assert login == {}  # the same address in every language: no alternates
    assert missing == {}


def test_home_page_alternates_cover_its_three_languages(client, about):
    assert set(hreflangs(client.get("/fr/"))) == {"en", "fr", "ar", "x-default"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own sitemap)
    entries = {}
    for url in root.iter(f"{{{SITEMAP}}}url"):
        links = url.iter(f"{{{XHTML}}}link")
        # Paths only: the host is the Wagtail site's, not the test client's.
        entries[urlsplit(url.find(f"{{{SITEMAP}}}loc").text).path] = {
            link.get("hreflang"): urlsplit(link.get("href")).path for link in links
        }
    return entries, response


def test_sitemap_lists_every_language_version_with_alternates(client, about):
    entries, _response = sitemap_entries(client)

    assert "/fr/" in entries
    assert entries["/ar/an/"] == {
        "en": "/en/about/",
        "ar": "/ar/an/",
        "x-default": "/en/about/",
    }
    assert entries["/en/english-only/"] == {}


def test_sitemap_leaves_out_aliases_of_other_languages(client, about, home_page):
    only = StandardPage.objects.get(slug="english-only")
    only.create_alias(
        parent=home_page.get_translation(
            home_page.locale.__class__.objects.get(language_code="fr")
        ),
        update_locale=home_page.locale.__class__.objects.get(language_code="fr"),
    )

    entries, _response = sitemap_entries(client)

    assert "/fr/english-only/" not in entries


def test_sitemap_query_count_does_not_grow_with_pages(
    client, about, home_page, django_assert_max_num_queries
):
    for number in range(12):
        page = add_page(home_page, StandardPage(title=f"P{number}", slug=f"p{number}"))
        translate_page(page, "fr", title=f"P{number} fr")

    # Site, homes, pages (base then specific per type), alternates, view
    # restrictions: a fixed number whatever the page count.
    with django_assert_max_num_queries(14):
        entries, _response = sitemap_entries(client)
    assert len(entries) > 25
