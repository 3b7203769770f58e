"""Query budgets of the site's public pages.

Every public page type renders with at most ``QUERY_BUDGET`` SQL queries when
the full-page cache and the template fragment cache are out of the way (a
logged-in member's view, or the first view after a purge), and its count does
not grow with the number of items it shows. The counts are taken on the second
view, the steady state: the first one fills the menus' and page lookups'
caches, as any earlier visitor would.
"""

import datetime

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from formpages.models import FormField, FormPage
from mmn_plugins.core.models import Topic
from pages.models import StandardPage
from tests import factories


pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12


@pytest.fixture(autouse=True)
def _page_and_fragment_caches_off(settings):
    # Fragments would hide the queries of whatever they hold: the budget is for
    # the rendering itself.
    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    settings.MMN_CORE_FRAGMENT_CACHE_SECONDS = 0


def queries_for(client, path):
    """Queries of a steady-state view of ``path`` (a first view warms up)."""
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def topics(locales):
    return [
        Topic.objects.create(name=name, slug=name.lower(), locale=locales["en"])
        for name in ("Asylum", "Labour")
    ]


@pytest.fixture
def site_tree(home_page):
    """Sections and menus as editors build them."""
    site = Site.objects.get(is_default_site=True)
    news = factories.make_news_index(home_page)
    events = factories.make_event_index(home_page)
    about = factories.add_page(home_page, StandardPage(title="About", slug="about"))
    contact = factories.add_page(
        home_page,
        FormPage(
            title="Contact",
            slug="contact",
            form_fields=[
                FormField(label="Name", field_type="singleline"),
                FormField(label="Message", field_type="multiline"),
            ],
        ),
    )
    main_menu = MainMenu.get_for_site(site)
    footer = FlatMenu.objects.create(site=site, handle="footer", title="Footer")
    for order, page in enumerate([about, news, events, contact]):
        MainMenuItem.objects.create(menu=main_menu, link_page=page, sort_order=order)
        FlatMenuItem.objects.create(menu=footer, link_page=page, sort_order=order)
    return {
        "home": home_page,
        "news": news,
        "events": events,
        "about": about,
        "contact": contact,
    }


def add_news(index, count, topics, start=0):
    for number in range(start, start + count):
        page = factories.make_news_page(
            index,
            f"News item {number}",
            introduction="What happened, in a sentence.",
            listing_image=wagtail_factories.ImageFactory(),
            date=timezone.localdate() - datetime.timedelta(days=number),
            kind="press_release" if number % 3 == 0 else "news",
        )
        page.topics.set(topics)
        page.save_revision().publish()


def add_events(index, count, start=0):
    for number in range(start, start + count):
        factories.make_event(
            index,
            f"Event {number}",
            starts_in=datetime.timedelta(days=number + 1),
            city="Tunis",
            listing_image=wagtail_factories.ImageFactory(),
        )


def add_children(parent, count, start=0):
    for number in range(start, start + count):
        factories.add_page(
            parent, StandardPage(title=f"Child {number}", slug=f"child-{number}")
        )


@pytest.mark.parametrize("section", ["home", "about", "news", "events", "contact"])
def test_public_pages_keep_within_the_budget(client, site_tree, topics, section):
    """Home, standard, news index, event index and form pages, with content."""
    add_news(site_tree["news"], 4, topics)
    add_events(site_tree["events"], 4)

    assert queries_for(client, site_tree[section].url) <= QUERY_BUDGET


def test_news_page_keeps_within_the_budget(client, site_tree, topics):
    add_news(site_tree["news"], 2, topics)
    news_page = site_tree["news"].get_children().live().first()

    assert queries_for(client, news_page.url) <= QUERY_BUDGET


def test_event_page_keeps_within_the_budget(client, site_tree):
    add_events(site_tree["events"], 2)
    event_page = site_tree["events"].get_children().live().first()

    assert queries_for(client, event_page.url) <= QUERY_BUDGET


def test_news_index_count_does_not_grow_with_items(client, site_tree, topics):
    """Twenty news items cost no more queries than two."""
    add_news(site_tree["news"], 2, topics)
    with_two = queries_for(client, site_tree["news"].url)

    add_news(site_tree["news"], 18, topics, start=2)
    with_twenty = queries_for(client, site_tree["news"].url)

    assert with_twenty == with_two


def test_event_index_count_does_not_grow_with_items(client, site_tree):
    add_events(site_tree["events"], 2)
    with_two = queries_for(client, site_tree["events"].url)

    add_events(site_tree["events"], 18, start=2)
    with_twenty = queries_for(client, site_tree["events"].url)

    assert with_twenty == with_two


def test_home_page_count_does_not_grow_with_items(client, site_tree, topics):
    """The home page shows as many news and events as editors ask for."""
    home = site_tree["home"]
    home.featured_news_count = home.upcoming_events_count = 20
    home.save_revision().publish()
    add_news(site_tree["news"], 2, topics)
    add_events(site_tree["events"], 2)
    with_two = queries_for(client, "/en/")

    add_news(site_tree["news"], 18, topics, start=2)
    add_events(site_tree["events"], 18, start=2)
    with_twenty = queries_for(client, "/en/")

    assert with_twenty == with_two


def test_standard_page_count_does_not_grow_with_child_pages(client, site_tree):
    about = site_tree["about"]
    add_children(about, 2)
    with_two = queries_for(client, about.url)

    add_children(about, 18, start=2)
    with_twenty = queries_for(client, about.url)

    assert with_twenty == with_two
