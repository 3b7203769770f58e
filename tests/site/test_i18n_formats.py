"""Dates, numbers and country names follow the page's language."""

import datetime

import pytest
from django.utils import timezone

from tests import factories


pytestmark = pytest.mark.django_db


@pytest.fixture
def event(home_page, french_home_page, arabic_home_page):
    index = factories.make_event_index(home_page)
    factories.translate_page(index, "fr", title="Événements")
    factories.translate_page(index, "ar", title="الفعاليات")
    starts = timezone.make_aware(datetime.datetime(2027, 3, 15, 9, 0))
    event = factories.make_event(
        index, "Study visit", starts_at=starts, city="Beirut", country="LB"
    )
    return {
        language: factories.translate_page(event, language, title=title)
        for language, title in [("fr", "Visite d'étude"), ("ar", "زيارة دراسية")]
    } | {"en": event}


@pytest.mark.parametrize(
    "language, country, month",
    [("en", "Lebanon", "March"), ("fr", "Liban", "mars"), ("ar", "لبنان", "مارس")],
)
def test_event_shows_country_and_month_in_the_page_language(
    client, event, language, country, month
):
    html = client.get(event[language].get_url()).content.decode()

    assert country in html
    assert month in html
