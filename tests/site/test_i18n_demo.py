"""The demo's translations are wagtail-localize synced translations.

Built from the site's own demo builders (without the plugins', which take
long) and ``fixtures/demo/site.json``, then recorded as ``load_demo`` does.
"""

import json

import pytest
from wagtail.models import Page
from wagtail_localize.models import Translation

from demo import builders
from demo.translations import ensure_synced_translations


pytestmark = pytest.mark.django_db

CONTENT = json.loads((builders.FIXTURES_DIR / "site.json").read_text(encoding="utf-8"))


@pytest.fixture
def demo_home(db):
    locales = builders.ensure_locales()
    topics = builders.ensure_topics(CONTENT["topics"], locales)
    home = builders.ensure_home_pages(CONTENT["home"], locales)["en"]
    builders.ensure_standard_pages(home, CONTENT["about"])
    builders.ensure_news(home, CONTENT["news"], topics)
    builders.ensure_events(home, CONTENT["events"], topics)
    ensure_synced_translations(home)
    return home


def synced_languages(page):
    """Languages of ``page``'s complete wagtail-localize translations."""
    languages = set()
    for translation in Translation.objects.filter(
        source__object_id=page.translation_key, enabled=True
    ).select_related("target_locale"):
        done, total = translation.get_progress()
        if done == total:
            languages.add(translation.target_locale.language_code)
    return languages


def test_demo_pages_are_synced_translations_that_read_as_the_fixture(demo_home):
    """Home in five languages; about, two news items and an event in French
    and Arabic at least; built once (it takes a while), checked several ways."""
    about = Page.objects.get(slug="about", locale=demo_home.locale)
    news = Page.objects.filter(locale=demo_home.locale, content_type__model="newspage")
    events = Page.objects.filter(
        locale=demo_home.locale, content_type__model="eventpage"
    )

    assert synced_languages(demo_home) == {"fr", "ar", "el", "it", "es"}
    assert {"fr", "ar"} <= synced_languages(about)
    assert sum({"fr", "ar"} <= synced_languages(page) for page in news) >= 2
    assert sum({"fr", "ar"} <= synced_languages(page) for page in events) >= 1

    # They read as the fixture says (the translations were published from the
    # string translations, not left as the hand-made copies).
    for language in ["fr", "ar", "el", "it", "es"]:
        translated = demo_home.get_translation(
            demo_home.locale.__class__.objects.get(language_code=language)
        ).specific
        expected = CONTENT["home"][language]

        assert translated.live
        assert translated.title == expected["title"]
        assert translated.hero_title == expected["hero_title"]
        labels = [figure.value["label"] for figure in translated.figures]
        assert labels == [label for _number, label in expected["figures"]]

    # A second load_demo records nothing more.
    assert ensure_synced_translations(demo_home) == 0
