"""The news section as readers see it: the list, its filter, and a news page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from mmn_plugins.core.models import Topic
from news.models import NewsKind
from tests import factories


pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    return factories.make_news_index(
        home_page, introduction="News from the network and its members."
    )


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def card_titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [title.get_text(strip=True) for title in html.select(".card__title")]


def test_index_lists_news_newest_first_with_its_introduction(client, news_index):
    """The index shows its introduction, then every item, newest first."""
    factories.make_news_page(news_index, "Older news", date=days_ago(10))
    factories.make_news_page(news_index, "Newest news", date=days_ago(1))
    factories.make_news_page(
        news_index, "Middle release", date=days_ago(5), kind=NewsKind.PRESS_RELEASE
    )

    response = client.get("/en/news/")

    assert response.status_code == 200
    assert card_titles(response) == ["Newest news", "Middle release", "Older news"]
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".lead").get_text() == news_index.introduction
