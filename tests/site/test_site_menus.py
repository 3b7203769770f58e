"""The site's main and footer menus follow the reader's language cheaply."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from pages.models import StandardPage
from tests import factories


pytestmark = pytest.mark.django_db

# A session cookie keeps the full-page cache out of the way: these tests are
# about rendering the menus, not about serving a stored page.
BYPASS_PAGE_CACHE = {"HTTP_COOKIE": "sessionid=not-a-session"}


def add_section(home, title, slug):
    return factories.add_page(home, StandardPage(title=title, slug=slug))


def main_menu_with(*pages, **item_fields):
    menu = MainMenu.get_for_site(Site.objects.get(is_default_site=True))
    for order, page in enumerate(pages):
        MainMenuItem.objects.create(
            menu=menu, link_page=page, sort_order=order, **item_fields
        )
    return menu


def main_menu_links(response):
    html = BeautifulSoup(response.content, "html.parser")
    nav = html.select_one("nav.main-nav")
    return [(link.get_text(strip=True), link["href"]) for link in nav.select("a")]


def main_menu_classes(response):
    html = BeautifulSoup(response.content, "html.parser")
    return {
        item.a.get_text(strip=True): set(item["class"])
        for item in html.select("nav.main-nav li")
    }


@pytest.fixture
def sections(home_page, french_home_page):
    about = add_section(home_page, "About us", "about")
    news = add_section(home_page, "News", "news")
    factories.translate_page(about, "fr", title="À propos", slug="a-propos")
    return {"about": about, "news": news}


def test_menu_links_each_page_in_the_readers_language(client, sections):
    """A French reader sees the French title and address of a translated page."""
    main_menu_with(sections["about"])

    english = main_menu_links(client.get("/en/", **BYPASS_PAGE_CACHE))
    french = main_menu_links(client.get("/fr/", **BYPASS_PAGE_CACHE))

    assert english == [("About us", "/en/about/")]
    assert french == [("À propos", "/fr/a-propos/")]


def test_page_without_translation_is_hidden(client, sections):
    """The untranslated news section stays out of the French menu only."""
    main_menu_with(sections["about"], sections["news"])

    english = main_menu_links(client.get("/en/", **BYPASS_PAGE_CACHE))
    french = main_menu_links(client.get("/fr/", **BYPASS_PAGE_CACHE))

    assert [text for text, _href in english] == ["About us", "News"]
    assert [text for text, _href in french] == ["À propos"]


def test_unpublished_page_is_hidden(client, sections):
    """Unpublishing a page takes it out of the menu at once."""
    main_menu_with(sections["about"], sections["news"])
    assert len(main_menu_links(client.get("/en/", **BYPASS_PAGE_CACHE))) == 2

    sections["news"].unpublish()

    links = main_menu_links(client.get("/en/", **BYPASS_PAGE_CACHE))
    assert links == [("About us", "/en/about/")]


def test_custom_link_text_and_custom_url(client, sections):
    """Custom text names a page in its own language; custom URLs keep theirs."""
    menu = main_menu_with(sections["about"], link_text="Who we are")
    MainMenuItem.objects.create(
        menu=menu, link_url="/en/forum/", link_text="Forum", sort_order=5
    )

    english = main_menu_links(client.get("/en/", **BYPASS_PAGE_CACHE))
    french = main_menu_links(client.get("/fr/", **BYPASS_PAGE_CACHE))

    assert english == [("Who we are", "/en/about/"), ("Forum", "/en/forum/")]
    assert french == [("À propos", "/fr/a-propos/"), ("Forum", "/en/forum/")]


def test_current_page_and_its_section_are_marked_active(client, sections):
    """On a page inside "About us", that section is the active ancestor."""
    team = add_section(sections["about"], "Our team", "team")
    main_menu_with(sections["about"], sections["news"])

    on_about = main_menu_classes(client.get("/en/about/", **BYPASS_PAGE_CACHE))
    on_team = main_menu_classes(client.get(team.url, **BYPASS_PAGE_CACHE))

    assert "is-active" in on_about["About us"]
    assert not on_about["News"] & {"is-active", "is-active-ancestor"}
    assert "is-active-ancestor" in on_team["About us"]
    html = BeautifulSoup(
        client.get("/en/about/", **BYPASS_PAGE_CACHE).content, "html.parser"
    )
    assert html.select_one('nav.main-nav a[aria-current="page"]').text == "About us"


def test_footer_menu_renders_the_flat_menu(client, sections):
    """The footer shows the "footer" flat menu of the site, localised."""
    footer = FlatMenu.objects.create(
        site=Site.objects.get(is_default_site=True), handle="footer", title="Footer"
    )
    FlatMenuItem.objects.create(menu=footer, link_page=sections["about"])

    html = BeautifulSoup(client.get("/fr/", **BYPASS_PAGE_CACHE).content, "html.parser")
    links = [(a.text, a["href"]) for a in html.select("footer .footer-nav a")]
    assert links == [("À propos", "/fr/a-propos/")]


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **BYPASS_PAGE_CACHE)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_menu_items(client, home_page):
    """Two items or ten, building the menus costs the same number of queries."""
    pages = [add_section(home_page, f"Section {n}", f"section-{n}") for n in range(10)]
    menu = main_menu_with(*pages[:2])
    count_queries(client, "/en/")  # Warm Django's content-type cache.

    cache.clear()
    with_two = count_queries(client, "/en/")
    for order, page in enumerate(pages[2:], start=2):
        MainMenuItem.objects.create(menu=menu, link_page=page, sort_order=order)
    cache.clear()
    with_ten = count_queries(client, "/en/")

    assert len(main_menu_links(client.get("/en/", **BYPASS_PAGE_CACHE))) == 10
    assert with_ten == with_two


def test_cached_menu_costs_no_query(client, sections):
    """Once built, a menu is read from the cache: a second view saves queries."""
    main_menu_with(sections["about"], sections["news"])
    first = count_queries(client, "/en/about/")
    second = count_queries(client, "/en/about/")

    assert second <= first - 4  # Items and translations, for both menus.


def test_publishing_a_page_refreshes_the_cached_menu(client, sections):
    """A newly published translation appears in its language's menu at once."""
    main_menu_with(sections["about"], sections["news"])
    french = main_menu_links(client.get("/fr/", **BYPASS_PAGE_CACHE))
    assert [text for text, _href in french] == ["À propos"]

    factories.translate_page(sections["news"], "fr", title="Actualités", slug="actu")

    french = main_menu_links(client.get("/fr/", **BYPASS_PAGE_CACHE))
    assert french == [("À propos", "/fr/a-propos/"), ("Actualités", "/fr/actu/")]


def test_saving_a_menu_refreshes_the_cached_menu(client, sections):
    """An item an editor adds shows on the next view, cache or not."""
    menu = main_menu_with(sections["about"])
    assert len(main_menu_links(client.get("/en/", **BYPASS_PAGE_CACHE))) == 1

    MainMenuItem.objects.create(menu=menu, link_page=sections["news"], sort_order=9)

    links = main_menu_links(client.get("/en/", **BYPASS_PAGE_CACHE))
    assert links == [("About us", "/en/about/"), ("News", "/en/news/")]
