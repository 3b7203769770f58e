"""iCalendar (RFC 5545) files of events: one event's download, or a feed.

Times keep the event's own time zone (``DTSTART;TZID=Asia/Beirut``), with a
VTIMEZONE describing it, so calendar applications show a Beirut study visit
at the right hour wherever the reader is. Each event's UID is built from its
translation key: the same event keeps the same UID across downloads, feeds
and translations, so a calendar updates it instead of adding a copy.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import Site


PRODUCT_ID = "-//Mediterranean Migration Network//Events//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often subscribed calendar applications should fetch the feed again.
REFRESH_INTERVAL = datetime.timedelta(hours=6)


def calendar_of(events, request, name=None):
    """A calendar holding ``events``; with a ``name``, a feed to subscribe to."""
    events = list(events)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add(
            "refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"}
        )
        calendar.add("x-published-ttl", REFRESH_INTERVAL)

    uid_domain = Site.find_for_request(request).hostname or "localhost"
    for event in events:
        calendar.add_component(_event_component(event, request, uid_domain))

    if events:
        # Transitions from a year before the first event to a year after the
        # last, rather than icalendar's default of 1970 to 2038.
        calendar.add_missing_timezones(
            first_date=min(event.local_starts_at for event in events).date()
            - datetime.timedelta(days=366),
            last_date=max(event.local_ends_at for event in events).date()
            + datetime.timedelta(days=366),
        )
    return calendar


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _event_component(event, request, uid_domain):
    url = request.build_absolute_uri(event.get_url(request))
    component = Event()
    component.add("uid", f"event-{event.translation_key}@{uid_domain}")
    component.add("dtstamp", event.last_published_at or timezone.now())
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    component.add("dtstart", event.local_starts_at)
    component.add("dtend", event.local_ends_at)
    component.add("summary", event.title)
    component.add("description", _description(event, url))
    component.add("url", url)
    component.add("categories", [str(event.get_kind_display())])
    component.add("status", "CONFIRMED")
    location = _location(event)
    if location:
        component.add("location", location)
    return component


def _location(event):
    if event.has_place:
        return ", ".join(event.location_parts())
    return event.online_url


def _description(event, url):
    paragraphs = [event.introduction]
    if event.is_online:
        paragraphs.append(_("Online: %(url)s") % {"url": event.online_url})
    paragraphs.append(_("Details and registration: %(url)s") % {"url": url})
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
