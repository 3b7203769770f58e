"""The demo's news section, built by the real demo builder from site.json."""

import json

import pytest
from wagtail.models import Locale

from demo import builders
from news.models import NewsKind, NewsPage


pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_news(home_page, french_home_page, arabic_home_page, locales):
    content = json.loads((builders.FIXTURES_DIR / "site.json").read_text("utf-8"))
    topics = builders.ensure_topics(content["topics"], locales)
    return builders.ensure_news(home_page, content["news"], topics)


def test_demo_has_believable_news_and_press_releases(demo_news):
    """At least 8 items, 3 of them press releases with a press contact."""
    english = NewsPage.objects.child_of(demo_news).live()
    releases = english.filter(kind=NewsKind.PRESS_RELEASE)

    assert english.count() >= 8
    assert releases.count() >= 3
    assert all(release.press_contact_email for release in releases)
    assert all(release.boilerplate for release in releases)
    assert all(item.topics.exists() for item in english)


def test_demo_holds_one_press_release_under_embargo(demo_news):
    """One press release is scheduled for later, invisible until then."""
    scheduled = NewsPage.objects.child_of(demo_news).filter(
        live=False, go_live_at__isnull=False
    )

    assert [page.kind for page in scheduled] == [NewsKind.PRESS_RELEASE]


def test_demo_news_are_translated_into_french_and_arabic(demo_news):
    """At least two items read in French and in Arabic."""
    for language in ("fr", "ar"):
        locale = Locale.objects.get(language_code=language)
        translated = NewsPage.objects.live().filter(locale=locale)
        assert translated.count() >= 2, language


def test_building_the_demo_news_twice_changes_nothing(demo_news, home_page, locales):
    """A second run finds every item and adds none."""
    before = NewsPage.objects.count()
    content = json.loads((builders.FIXTURES_DIR / "site.json").read_text("utf-8"))
    topics = builders.ensure_topics(content["topics"], locales)

    builders.ensure_news(home_page, content["news"], topics)

    assert NewsPage.objects.count() == before
