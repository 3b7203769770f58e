"""RSS and Atom feeds of news and of press releases, parsed back as XML."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from mmn_plugins.core.models import Topic
from news.models import NewsKind
from tests import factories


pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news_index(home_page):
    return factories.make_news_index(home_page, introduction="News of the network.")


@pytest.fixture
def items(news_index, locales):
    topic = Topic.objects.create(name="Health", slug="health", locale=locales["en"])
    story = factories.make_news_page(
        news_index,
        "Story",
        introduction="A story <b>with</b> markup.",
        date=timezone.localdate() - datetime.timedelta(days=2),
    )
    story.topics.set([topic])
    story.save_revision().publish()
    release = factories.make_news_page(
        news_index,
        "Release",
        kind=NewsKind.PRESS_RELEASE,
        date=timezone.localdate() - datetime.timedelta(days=1),
    )
    return {"story": story, "release": release}


def parse_xml(response):
    return ET.fromstring(response.content)  # noqa: S314 - the site's own output.


def rss_items(response):
    channel = parse_xml(response).find("channel")
    return channel, channel.findall("item")


def test_rss_feed_lists_every_item_newest_first_with_absolute_links(client, items):
    """The news RSS feed holds news and press releases, newest first."""
    response = client.get("/en/news/feed/rss/")
    channel, entries = rss_items(response)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert channel.findtext("title") == "News"
    assert channel.findtext("link") == "http://testserver/en/news/"
    assert channel.findtext("language") == "en"
    assert [entry.findtext("title") for entry in entries] == ["Release", "Story"]
    assert [entry.findtext("link") for entry in entries] == [
        "http://testserver/en/news/release/",
        "http://testserver/en/news/story/",
    ]
    story = entries[1]
    assert story.findtext("description") == "A story <b>with</b> markup."
    assert [category.text for category in story.findall("category")] == ["Health"]
    assert story.findtext("pubDate")


def test_atom_feed_is_valid_atom_with_the_same_items(client, items):
    """The news Atom feed carries the same items, with absolute links."""
    response = client.get("/en/news/feed/atom/")
    feed = parse_xml(response)
    entries = feed.findall(f"{ATOM}entry")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.findtext(f"{ATOM}title") == "News"
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Release",
        "Story",
    ]
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert links == [
        "http://testserver/en/news/release/",
        "http://testserver/en/news/story/",
    ]
    assert all(entry.findtext(f"{ATOM}updated") for entry in entries)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_press_release_feeds_hold_press_releases_only(client, items, kind):
    """The press-release feeds leave the news items out."""
    response = client.get(f"/en/news/press-releases/{kind}/")
    root = parse_xml(response)
    if kind == "rss":
        titles = [item.findtext("title") for item in root.find("channel").iter("item")]
        feed_title = root.find("channel").findtext("title")
    else:
        titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
        feed_title = root.findtext(f"{ATOM}title")

    assert response.status_code == 200
    assert titles == ["Release"]
    assert feed_title == "News: press releases"


def test_feeds_leave_out_drafts(client, news_index):
    """A draft is in no feed."""
    factories.make_news_page(news_index, "Published")
    factories.make_news_page(news_index, "Draft", publish=False)

    _channel, entries = rss_items(client.get("/en/news/feed/rss/"))

    assert [entry.findtext("title") for entry in entries] == ["Published"]


def test_french_feed_is_in_french(client, items, news_index, french_home_page):
    """The French section's feed says it is French and links French pages."""
    factories.translate_page(news_index, "fr", title="Actualités")
    factories.translate_page(items["release"], "fr", title="Communiqué")

    response = client.get("/fr/news/press-releases/rss/")
    channel, entries = rss_items(response)

    assert channel.findtext("language") == "fr"
    assert channel.findtext("title").startswith("Actualités")
    assert [entry.findtext("title") for entry in entries] == ["Communiqué"]
    assert entries[0].findtext("link") == "http://testserver/fr/news/release/"
