"""Query budgets of the news and events pages and feeds.

Every page type serves in at most QUERY_BUDGET queries, and a list's count
does not grow with the number of items shown: each list is measured with 2
and with 20 items, all with listing images and topics, in English and in
French. The full-page and fragment caches are off so that each page is
built; a first request makes the image renditions, as a reader's first visit
would.
"""

import datetime

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from formpages.models import FormPage
from mmn_plugins.core.models import Topic
from news.models import NewsKind
from tests import factories


pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12
LIST_URLS = [
    "/en/news/",
    "/en/news/?kind=press_release",
    "/en/news/feed/rss/",
    "/en/news/feed/atom/",
    "/en/news/press-releases/rss/",
    "/en/news/press-releases/atom/",
    "/en/events/",
    "/en/events/past/",
    "/en/events/ical/",
    "/fr/news/",
    "/fr/news/feed/rss/",
    "/fr/events/",
    "/fr/events/past/",
]
DETAIL_URLS = [
    "/en/news/item-0/",
    "/en/events/upcoming-event-0/",
    "/en/events/upcoming-event-0/ical/",
    "/fr/news/item-0/",
    "/fr/events/upcoming-event-0/",
]


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Measure the page as built after a publish: no stored page, no fragment.
    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    settings.MMN_CORE_FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture
def sections(home_page, french_home_page, locales):
    """News and events sections in English and French, and two topics."""
    topics = []
    for name, french_name in [("Health", "Santé"), ("Data", "Données")]:
        topic = Topic.objects.create(name=name, slug=name.lower(), locale=locales["en"])
        translation = topic.copy_for_translation(locales["fr"])
        translation.name = french_name
        translation.save()
        topics.append(topic)
    form = factories.add_page(home_page, FormPage(title="Register", slug="register"))
    factories.translate_page(form, "fr", title="Inscription")

    news = factories.make_news_index(home_page, items_per_page=20)
    events = factories.make_event_index(home_page, items_per_page=20)
    factories.translate_page(news, "fr", title="Actualités")
    factories.translate_page(events, "fr", title="Événements")
    return {"news": news, "events": events, "topics": topics, "form": form}


def add_items(sections, numbers):
    """For each number: a news item and two events (one past), in both languages."""
    for number in numbers:
        item = factories.make_news_page(
            sections["news"],
            f"Item {number}",
            kind=NewsKind.PRESS_RELEASE if number % 2 else NewsKind.NEWS,
            listing_image=wagtail_factories.ImageFactory(),
        )
        tag(item, sections["topics"])
        factories.translate_page(item, "fr", title=f"Article {number}")
        for when, days in [("Upcoming", number + 1), ("Past", -(number + 1))]:
            event = factories.make_event(
                sections["events"],
                f"{when} event {number}",
                starts_in=datetime.timedelta(days=days),
                time_zone="Asia/Beirut",
                registration_page=sections["form"],
            )
            tag(event, sections["topics"])
            factories.translate_page(event, "fr", title=f"Événement {number}")


def tag(page, topics):
    page.topics.set(topics)
    page.save_revision().publish()


def count_queries(client, url):
    client.get(url)  # Makes the renditions, fills Wagtail's own caches.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_lists_and_feeds_cost_the_same_for_2_or_20_items(client, sections):
    """Every list and feed, 2 items or 20: the same count, within the budget."""
    add_items(sections, range(2))
    with_two = {url: count_queries(client, url) for url in LIST_URLS}
    add_items(sections, range(2, 20))
    with_twenty = {url: count_queries(client, url) for url in LIST_URLS}

    assert with_twenty == with_two
    assert {url: n for url, n in with_twenty.items() if n > QUERY_BUDGET} == {}


def test_news_and_event_pages_stay_in_budget(client, sections):
    """A news page, an event page (with topics and a registration form) and an
    event's iCal download each serve within the budget, in English and French."""
    add_items(sections, range(2))

    counts = {url: count_queries(client, url) for url in DETAIL_URLS}

    assert {url: n for url, n in counts.items() if n > QUERY_BUDGET} == {}
