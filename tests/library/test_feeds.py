"""RSS and Atom feeds of new resources, optionally filtered like the list."""

import defusedxml.ElementTree as ET
import pytest


pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_lists_new_resources(client, make):
    make(title="First")
    make(title="Second", summary="What is new.")

    response = client.get("/en/library/feed/rss/")

    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Second", "First"]
    assert channel.find("item").findtext("description") == "What is new."
    assert channel.find("item").findtext("link").startswith("http://")


def test_atom_feed_takes_the_lists_filters(client, make):
    make(title="A report", resource_type="report")
    make(title="A video", resource_type="video")

    response = client.get("/en/library/feed/atom/?type=video")

    root = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert titles == ["A video"]


def test_library_page_announces_its_feeds(client, make):
    html = client.get("/en/library/?type=video").content.decode()

    assert 'type="application/rss+xml"' in html
    assert "/en/library/feed/atom/?type=video" in html
