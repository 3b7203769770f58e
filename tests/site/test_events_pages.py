"""The events section as readers see it: upcoming and past lists, an event page."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from formpages.models import FormPage
from tests import factories


pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
BEIRUT = zoneinfo.ZoneInfo("Asia/Beirut")


@pytest.fixture
def events_index(home_page):
    return factories.make_event_index(home_page, introduction="Meet the network.")


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def listed(response):
    titles = parse(response).select(".event-item__title")
    return [title.get_text(strip=True) for title in titles]


def test_index_lists_upcoming_events_soonest_first(client, events_index):
    """The index shows upcoming events, soonest first; past ones are left out."""
    factories.make_event(events_index, "Later", starts_in=20 * DAY)
    factories.make_event(events_index, "Sooner", starts_in=2 * DAY)
    factories.make_event(events_index, "Over", starts_in=-5 * DAY)

    response = client.get("/en/events/")

    assert response.status_code == 200
    assert listed(response) == ["Sooner", "Later"]
    past_tab = parse(response).select_one(".tabs__link[href='/en/events/past/']")
    assert past_tab.get_text(strip=True) == "Past events"


def test_an_event_under_way_is_still_upcoming(client, events_index):
    """An event that started an hour ago and has not ended is listed as upcoming."""
    factories.make_event(
        events_index, "Under way", starts_in=-datetime.timedelta(hours=1), hours=3
    )

    assert listed(client.get("/en/events/")) == ["Under way"]
    assert listed(client.get("/en/events/past/")) == []


def test_past_events_are_listed_most_recent_first(client, events_index):
    """/past/ lists the events that have ended, the most recent first."""
    factories.make_event(events_index, "Long ago", starts_in=-40 * DAY)
    factories.make_event(events_index, "Last week", starts_in=-7 * DAY)
    factories.make_event(events_index, "Coming", starts_in=7 * DAY)

    response = client.get("/en/events/past/")
    current = parse(response).select_one(".tabs__link[aria-current=page]")

    assert listed(response) == ["Last week", "Long ago"]
    assert current.get_text(strip=True) == "Past events"


def test_pagination_of_past_events_stays_on_the_past_list(client, events_index):
    """Page links of the past list are relative, so they stay on /past/."""
    events_index.items_per_page = 2
    events_index.save_revision().publish()
    for number in range(1, 6):
        factories.make_event(events_index, f"Past {number}", starts_in=-number * DAY)

    first = client.get("/en/events/past/")
    next_link = parse(first).select_one(".pagination a[rel=next]")["href"]
    third = client.get("/en/events/past/?page=3")

    assert next_link == "?page=2"
    assert listed(client.get(f"/en/events/past/{next_link}")) == ["Past 3", "Past 4"]
    assert listed(third) == ["Past 5"]


def test_empty_states_point_to_past_events(client, events_index):
    """With nothing coming up, the index says so and links the past events."""
    response = client.get("/en/events/")
    empty = parse(response).select_one(".empty")

    assert "No upcoming events" in empty.get_text()
    assert empty.a["href"] == "/en/events/past/"
    assert "No past events." in parse(client.get("/en/events/past/")).get_text()


def test_junk_page_numbers_never_break_the_lists(client, events_index, bad_inputs):
    """?page= with junk gives a list (200), never a server error."""
    factories.make_event(events_index, "Coming")
    factories.make_event(events_index, "Gone", starts_in=-3 * DAY)
    cases = bad_inputs["url_path_slug"] + bad_inputs["unicode"]
    junk = [case["value"] for case in cases if "value" in case]
    junk += ["0", "-1", "2.5", "99999999999999999999999", "١"]

    for value in junk:
        assert listed(client.get("/en/events/", {"page": value})) == ["Coming"]
        assert listed(client.get("/en/events/past/", {"page": value})) == ["Gone"]


def test_event_page_reads_in_the_events_own_time_zone(client, events_index):
    """A Beirut event shows Beirut times, with the zone named, not site times."""
    starts_at = datetime.datetime(2031, 5, 13, 9, 30, tzinfo=BEIRUT)
    factories.make_event(
        events_index,
        "Study visit",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=8),
        time_zone="Asia/Beirut",
        kind="study_visit",
    )

    html = parse(client.get("/en/events/study-visit/"))
    when = html.select_one(".event-when")
    times = when.select("time")

    assert html.select_one(".tag--kind").get_text(strip=True) == "Study visit"
    assert times[0]["datetime"] == "2031-05-13T09:30:00+03:00"
    assert times[1]["datetime"] == "2031-05-13T17:30:00+03:00"
    assert "May 13, 2031, 9:30 a.m." in times[0].get_text()
    assert times[1].get_text(strip=True) == "5:30 p.m."
    zone = when.select_one(".event-when__zone").get_text(strip=True)
    assert zone == "Asia/Beirut time (UTC+3)"


def test_event_list_dates_use_the_events_time_zone(client, events_index):
    """In the list, an event at 01:00 in Beirut is on its Beirut day."""
    starts_at = datetime.datetime(2031, 5, 14, 1, 0, tzinfo=BEIRUT)  # 13th in Brussels
    factories.make_event(
        events_index, "Early", starts_at=starts_at, time_zone="Asia/Beirut"
    )

    day = parse(client.get("/en/events/")).select_one(".event-item__day")

    assert day.get_text() == "14"


def test_event_page_shows_place_capacity_and_registration_link(client, events_index):
    """A placed event shows its address (no map), capacity and registration link."""
    factories.make_event(
        events_index,
        "Conference",
        venue="University centre",
        address="Panepistimiou 30\nSecond floor",
        city="Athens",
        country="GR",
        capacity=300,
        registration_url="https://register.example.org/conf",
        time_zone="Europe/Athens",
    )

    html = parse(client.get("/en/events/conference/"))
    address = html.select_one("address.event-address").get_text(" ", strip=True)
    facts = html.select_one(".event-facts").get_text(" ", strip=True)

    assert "University centre" in address
    assert "Panepistimiou 30 Second floor" in address
    assert "Athens, Greece" in address
    assert "300 places" in facts
    register = html.select_one(".event-actions .button--primary")
    assert register["href"] == "https://register.example.org/conf"
    assert html.select("iframe, img[src*='map']") == []


def test_online_event_links_its_meeting(client, events_index):
    """An online event shows its meeting link and no address."""
    factories.make_event(
        events_index, "Webinar", online_url="https://meet.example.org/webinar"
    )

    html = parse(client.get("/en/events/webinar/"))

    assert html.select_one(".event-online-link")["href"] == (
        "https://meet.example.org/webinar"
    )
    assert html.select("address.event-address") == []


def test_registration_form_page_comes_in_the_events_language(
    client, events_index, home_page, french_home_page
):
    """An event linked to a form page shows it, translated when it can be."""
    form = factories.add_page(home_page, FormPage(title="Register", slug="register"))
    french_form = factories.translate_page(form, "fr", title="Inscription")
    event = factories.make_event(events_index, "Training", registration_page=form)
    factories.translate_page(events_index, "fr", title="Événements")
    factories.translate_page(event, "fr", title="Formation")

    english = parse(client.get("/en/events/training/"))
    french = parse(client.get("/fr/events/training/"))

    assert english.select_one(".button--primary")["href"] == "/en/register/"
    assert french.select_one(".button--primary")["href"] == french_form.url


def test_past_event_offers_no_registration(client, events_index):
    """Once over, an event is marked past and no longer invites registration."""
    factories.make_event(
        events_index,
        "Done",
        starts_in=-3 * DAY,
        registration_url="https://register.example.org/done",
    )

    html = parse(client.get("/en/events/done/"))

    assert html.select_one(".tag--past").get_text(strip=True) == "Past event"
    assert html.select(".button--primary") == []


def test_event_page_offers_its_ical_download_and_the_way_back(client, events_index):
    """The page links its iCal file and the events section."""
    factories.make_event(events_index, "Meeting")

    html = parse(client.get("/en/events/meeting/"))

    ical = html.select_one(".event-actions a[type='text/calendar']")
    assert ical["href"] == "/en/events/meeting/ical/"
    assert html.select_one(".back-link a")["href"] == "/en/events/"


def test_arabic_event_page_reads_right_to_left(client, events_index, arabic_home_page):
    """The Arabic translation renders with lang="ar" dir="rtl" and its own title."""
    event = factories.make_event(events_index, "Meeting", time_zone="Africa/Tunis")
    factories.translate_page(events_index, "ar", title="الفعاليات")
    factories.translate_page(event, "ar", title="اجتماع")

    response = client.get("/ar/events/meeting/")
    html = parse(response)

    assert response.status_code == 200
    assert (html.html["lang"], html.html["dir"]) == ("ar", "rtl")
    assert html.h1.get_text(strip=True) == "اجتماع"


def test_an_unknown_time_zone_is_refused(events_index):
    """Editors cannot save an event in a time zone that does not exist."""
    event = factories.make_event(events_index, "Zoned")
    event.time_zone = "Mars/Olympus_Mons"

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "time_zone" in error.value.message_dict


def test_an_event_cannot_end_before_it_starts(events_index):
    """An end before the start is a form error on the end date."""
    event = factories.make_event(events_index, "Backwards")
    event.ends_at = event.starts_at - datetime.timedelta(hours=1)

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "ends_at" in error.value.message_dict
