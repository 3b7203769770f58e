"""The fixed-window rate limit every public form calls before doing any work."""

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.test import RequestFactory

from mmn_plugins.core import ratelimit
from mmn_plugins.core.ratelimit import client_identity, is_rate_limited, parse_rate


class FrozenClock:
    """Stands in for the ``time`` module inside ``ratelimit`` only.

    Waiting out a real window would make the suite a minute slower; the cache
    itself keeps its real clock.
    """

    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    frozen = FrozenClock(1_800_000_000.0)  # The start of a minute and an hour.
    monkeypatch.setattr(ratelimit, "time", frozen)
    return frozen


def post(address="203.0.113.5", user=None, **headers):
    request = RequestFactory().post("/contact/", REMOTE_ADDR=address, **headers)
    request.user = user or AnonymousUser()
    return request


def attempts(make_request, scope="contact", rate="3/m", count=4):
    """Whether each of ``count`` requests was refused."""
    return [is_rate_limited(make_request(), scope, rate) for _attempt in range(count)]


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        ("5/m", (5, 60)),
        ("5/10m", (5, 600)),
        ("20/h", (20, 3600)),
        ("100/day", (100, 86400)),
        ("2/s", (2, 1)),
        (" 3 / M ", (3, 60)),
    ],
)
def test_rates_read_as_count_per_period(rate, expected):
    """Rates are written like django-ratelimit's: a count per (multiple of a) unit."""
    assert parse_rate(rate) == expected


@pytest.mark.parametrize("rate", ["5", "five/m", "5/w", "5/m10", "", "/m"])
def test_a_rate_that_cannot_be_read_is_a_clear_error(rate):
    """A mistyped rate in a setting fails loudly with an example of the format."""
    with pytest.raises(ValueError, match="such as '5/m'"):
        parse_rate(rate)


def test_requests_beyond_the_rate_are_refused(clock):
    """Three posts a minute pass; the fourth within the minute is refused."""
    assert attempts(post) == [False, False, False, True]


def test_a_new_window_starts_a_new_count(clock):
    """After the window, the same visitor may post again."""
    attempts(post)

    clock.now += 60

    assert attempts(post) == [False, False, False, True]


def test_scopes_are_counted_apart(clock):
    """Filling in the contact form does not use up the feedback form's allowance."""
    attempts(post, scope="contact")

    assert attempts(post, scope="feedback", count=1) == [False]


def test_each_address_has_its_own_count(clock):
    """One busy visitor does not lock out another address."""
    attempts(lambda: post("203.0.113.5"))

    assert attempts(lambda: post("198.51.100.7"), count=1) == [False]


@pytest.mark.django_db
def test_a_member_is_counted_across_addresses(clock):
    """A logged-in member keeps one count, whichever network they post from."""
    member = User.objects.create_user("member", "member@example.org", "x" * 12)
    addresses = iter(["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"])

    refused = attempts(lambda: post(next(addresses), user=member))

    assert refused == [False, False, False, True]
    assert client_identity(post(user=member)) == f"user:{member.pk}"


def test_forwarded_header_is_ignored_unless_configured(clock):
    """Without MMN_CORE_CLIENT_IP_HEADER a client cannot pick its own identity."""
    forged = iter(f"192.0.2.{n}" for n in range(10))

    refused = attempts(lambda: post(HTTP_X_FORWARDED_FOR=next(forged)))

    assert refused == [False, False, False, True]


def test_configured_header_tells_clients_behind_the_proxy_apart(clock, settings):
    """Behind a load balancer every request comes from its address; the header
    it appends names the client."""
    settings.MMN_CORE_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    balancer = "10.0.0.2"

    attempts(lambda: post(balancer, HTTP_X_FORWARDED_FOR="203.0.113.5"))

    other_client = post(balancer, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert is_rate_limited(other_client, "contact", "3/m") is False
    assert client_identity(other_client) == "ip:198.51.100.7"


def test_addresses_a_client_writes_into_the_header_are_not_trusted(clock, settings):
    """The proxy appends the address it saw; whatever the client sent before it
    is ignored, so forging the header does not reset the count."""
    settings.MMN_CORE_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    forged = iter(f"192.0.2.{n}, 203.0.113.5" for n in range(10))

    refused = attempts(lambda: post("10.0.0.2", HTTP_X_FORWARDED_FOR=next(forged)))

    assert refused == [False, False, False, True]


def test_proxy_count_reads_the_address_the_outer_proxy_saw(settings):
    """With a CDN in front of the load balancer, the client is second from the right."""
    settings.MMN_CORE_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.MMN_CORE_CLIENT_IP_PROXY_COUNT = 2
    header = "192.0.2.66, 203.0.113.5, 10.0.0.9"

    assert client_identity(post("10.0.0.2", HTTP_X_FORWARDED_FOR=header)) == (
        "ip:203.0.113.5"
    )


def test_an_empty_header_falls_back_to_the_connection_address(settings):
    """A request that reached the site without the header is still counted."""
    settings.MMN_CORE_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"

    assert client_identity(post("203.0.113.9")) == "ip:203.0.113.9"
