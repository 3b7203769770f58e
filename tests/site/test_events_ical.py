"""iCal files of events, parsed back with icalendar."""

import datetime
import zoneinfo

import icalendar
import pytest

from tests import factories


pytestmark = pytest.mark.django_db

BEIRUT = zoneinfo.ZoneInfo("Asia/Beirut")


@pytest.fixture
def events_index(home_page):
    return factories.make_event_index(home_page)


@pytest.fixture
def study_visit(events_index):
    starts_at = datetime.datetime(2031, 5, 13, 9, 30, tzinfo=BEIRUT)
    return factories.make_event(
        events_index,
        "Study visit",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=8),
        time_zone="Asia/Beirut",
        introduction="A day with the reception teams.",
        venue="Reception centre",
        address="Rue Hamra 112",
        city="Beirut",
        country="LB",
    )


def calendar_of(response):
    return icalendar.Calendar.from_ical(response.content)


def test_event_download_is_an_ical_attachment(client, study_visit):
    """/ical/ answers text/calendar as a file named after the event."""
    response = client.get("/en/events/study-visit/ical/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="study-visit.ics"'


def test_event_keeps_its_time_zone_with_a_vtimezone(client, study_visit):
    """Times carry TZID=Asia/Beirut, described by a VTIMEZONE, and mean 09:30 there."""
    calendar = calendar_of(client.get("/en/events/study-visit/ical/"))
    event = calendar.walk("VEVENT")[0]

    assert event["DTSTART"].params["TZID"] == "Asia/Beirut"
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Beirut"]
    starts_at = event.decoded("DTSTART")
    assert starts_at == datetime.datetime(2031, 5, 13, 9, 30, tzinfo=BEIRUT)
    assert starts_at.astimezone(datetime.UTC).hour == 6
    assert event.decoded("DTEND") - starts_at == datetime.timedelta(hours=8)


def test_event_carries_summary_place_link_and_description(client, study_visit):
    """SUMMARY, LOCATION, URL and DESCRIPTION describe the event."""
    event = calendar_of(client.get("/en/events/study-visit/ical/")).walk("VEVENT")[0]

    assert str(event["SUMMARY"]) == "Study visit"
    assert str(event["LOCATION"]) == "Reception centre, Rue Hamra 112, Beirut, Lebanon"
    assert str(event["URL"]) == "http://testserver/en/events/study-visit/"
    description = str(event["DESCRIPTION"])
    assert "A day with the reception teams." in description
    assert "http://testserver/en/events/study-visit/" in description
    assert event.get("DTSTAMP") is not None


def test_online_event_gives_its_link_as_location(client, events_index):
    """An online event without a place names its meeting link as the location."""
    factories.make_event(
        events_index, "Webinar", online_url="https://meet.example.org/w"
    )

    event = calendar_of(client.get("/en/events/webinar/ical/")).walk("VEVENT")[0]

    assert str(event["LOCATION"]) == "https://meet.example.org/w"
    assert "https://meet.example.org/w" in str(event["DESCRIPTION"])


def test_uid_is_stable_and_shared_by_download_and_feed(
    client, study_visit, events_index
):
    """An event keeps one UID across downloads and the feed; events differ."""
    other = factories.make_event(events_index, "Other")

    first = calendar_of(client.get("/en/events/study-visit/ical/"))
    study_visit.save_revision().publish()  # An edit does not change the UID.
    second = calendar_of(client.get("/en/events/study-visit/ical/"))
    feed = calendar_of(client.get("/en/events/ical/"))

    uid = str(first.walk("VEVENT")[0]["UID"])
    assert str(second.walk("VEVENT")[0]["UID"]) == uid
    feed_uids = {
        str(event["UID"]): str(event["SUMMARY"]) for event in feed.walk("VEVENT")
    }
    assert feed_uids[uid] == "Study visit"
    assert len(set(feed_uids)) == 2
    assert str(other.translation_key) not in uid


def test_feed_holds_upcoming_events_only(client, events_index, study_visit):
    """The section's iCal feed lists upcoming events, with a calendar name."""
    factories.make_event(events_index, "Soon", starts_in=datetime.timedelta(days=1))
    factories.make_event(events_index, "Over", starts_in=-datetime.timedelta(days=9))

    response = client.get("/en/events/ical/")
    calendar = calendar_of(response)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert summaries == ["Soon", "Study visit"]
    assert str(calendar["X-WR-CALNAME"]) == "Events"
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    assert "Asia/Beirut" in zones


def test_index_announces_its_ical_feed(client, events_index):
    """The index names its feed in a <link rel="alternate" type="text/calendar">."""
    html = client.get("/en/events/").content.decode()

    assert (
        '<link rel="alternate" type="text/calendar" title="Upcoming events (iCal)" '
        'href="/en/events/ical/">'
    ) in html


def test_unicode_slug_gives_an_encoded_filename(client, events_index):
    """An Arabic slug becomes an RFC 6266 filename*, not a broken header."""
    factories.make_event(events_index, "Arabic", slug="اجتماع")

    response = client.get("/en/events/اجتماع/ical/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
