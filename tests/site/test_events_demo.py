"""The demo's events section, built by the real demo builder from site.json."""

import json

import pytest
from django.utils import timezone
from wagtail.models import Locale

from demo import builders
from events.models import EventKind, EventPage


pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_events(home_page, french_home_page, arabic_home_page, locales):
    content = json.loads((builders.FIXTURES_DIR / "site.json").read_text("utf-8"))
    topics = builders.ensure_topics(content["topics"], locales)
    return builders.ensure_events(home_page, content["events"], topics)


def test_demo_has_events_of_every_kind_past_and_upcoming(demo_events):
    """At least 6 events covering every kind, some past and some upcoming."""
    events = EventPage.objects.child_of(demo_events).live()

    assert events.count() >= 6
    assert {event.kind for event in events} == set(EventKind.values)
    assert events.filter(ends_at__lt=timezone.now()).exists()
    assert events.filter(ends_at__gte=timezone.now()).exists()


def test_demo_events_happen_in_several_time_zones_at_sensible_hours(demo_events):
    """The events are spread over several zones and start in local working hours."""
    events = EventPage.objects.child_of(demo_events).live()

    assert len({event.time_zone for event in events}) >= 4
    assert all(8 <= event.local_starts_at.hour <= 18 for event in events)


def test_demo_events_are_translated_into_french_and_arabic(demo_events):
    """At least one event reads in French and in Arabic."""
    for language in ("fr", "ar"):
        locale = Locale.objects.get(language_code=language)
        assert EventPage.objects.live().filter(locale=locale).exists(), language
