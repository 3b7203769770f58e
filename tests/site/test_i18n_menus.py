"""Menu items whose page has no translation: hidden or marked, as editors choose."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site
from wagtailmenus.models import MainMenu, MainMenuItem

from multilingual.models import LanguageSettings, UntranslatedMenuItems
from pages.models import StandardPage
from tests import factories


pytestmark = pytest.mark.django_db


@pytest.fixture
def menu(home_page, french_home_page):
    about = factories.add_page(home_page, StandardPage(title="About", slug="about"))
    news = factories.add_page(home_page, StandardPage(title="News", slug="news"))
    factories.translate_page(about, "fr", title="À propos", slug="a-propos")
    main_menu = MainMenu.get_for_site(Site.objects.get(is_default_site=True))
    for order, page in enumerate([about, news]):
        MainMenuItem.objects.create(menu=main_menu, link_page=page, sort_order=order)
    return main_menu


def menu_links(response):
    nav = BeautifulSoup(response.content, "html.parser").select_one("nav.main-nav")
    return [
        (link.contents[0].strip(), link["href"], link.get("lang"))
        for link in nav.select("a")
    ]


def choose(value):
    site = Site.objects.get(is_default_site=True)
    settings = LanguageSettings.for_site(site)
    settings.untranslated_menu_items = value
    settings.save()


def test_untranslated_items_are_hidden_by_default(client, menu):
    assert menu_links(client.get("/fr/")) == [("À propos", "/fr/a-propos/", None)]


def test_editors_can_show_untranslated_items_marked(client, menu):
    choose(UntranslatedMenuItems.MARK)

    response = client.get("/fr/")
    links = menu_links(response)
    mark = BeautifulSoup(response.content, "html.parser").select_one(
        "nav.main-nav .menu-untranslated"
    )

    assert links == [
        ("À propos", "/fr/a-propos/", None),
        ("News", "/en/news/", "en"),
    ]
    assert mark["lang"] == "fr"  # the note is in the reader's language
    assert "(" in mark.get_text()


def test_changing_the_choice_shows_at_once(client, menu):
    assert len(menu_links(client.get("/fr/"))) == 1
    choose(UntranslatedMenuItems.MARK)
    assert len(menu_links(client.get("/fr/"))) == 2


def test_reading_the_choice_creates_no_settings_record(client, menu):
    """Creating it on first read would purge the page cache the same view
    fills, so every first view's cached menus and page would be lost."""
    client.get("/fr/")

    assert not LanguageSettings.objects.exists()
