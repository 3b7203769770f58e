import pytest
from bs4 import BeautifulSoup

from pages.models import StandardPage
from tests.factories import add_page


pytestmark = pytest.mark.django_db


def test_robots_txt_keeps_crawlers_out_of_private_areas(client, home_page):
    """robots.txt closes the admin and accounts and points to the sitemap."""
    response = client.get("/robots.txt")
    text = response.content.decode()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Disallow: /accounts/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemap_lists_published_pages_only(client, home_page):
    """Published pages are in the sitemap; drafts are not."""
    add_page(home_page, StandardPage(title="About", slug="about"))
    add_page(home_page, StandardPage(title="Draft", slug="draft"), publish=False)

    response = client.get("/sitemap.xml")
    locations = [
        loc.get_text()
        for loc in BeautifulSoup(response.content, "html.parser").find_all("loc")
    ]

    assert response.status_code == 200
    assert any(location.endswith("/en/about/") for location in locations)
    assert not any("draft" in location for location in locations)
