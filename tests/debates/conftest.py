"""Builders for the debates' tests: an index, debates in any state, members."""

import datetime
import itertools

import pytest
from django.test import Client
from django.utils import timezone

from mmn_plugins.debates.models import DebateIndexPage, DebatePage
from mmn_plugins.debates.participation import post_comment
from tests import factories


_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _generous_rates(settings):
    # Rate limits have tests of their own; elsewhere they would only get in the way.
    settings.MMN_DEBATES_POST_RATE = "1000/m"
    settings.MMN_DEBATES_SUPPORT_RATE = "1000/m"
    settings.MMN_DEBATES_FLAG_RATE = "1000/m"
    settings.MMN_DEBATES_DUPLICATE_WINDOW_SECONDS = 60


@pytest.fixture
def index(home_page):
    return factories.add_page(
        home_page, DebateIndexPage(title="Debates", slug="debates")
    )


def make_debate(index, state="open", **fields):
    """A published debate that is ``open``, ``upcoming`` or past its ``closed`` time."""
    number = next(_numbers)
    now = timezone.now()
    opens, closes = {
        "open": (now - datetime.timedelta(days=1), now + datetime.timedelta(days=7)),
        "upcoming": (
            now + datetime.timedelta(days=2),
            now + datetime.timedelta(days=9),
        ),
        "closed": (now - datetime.timedelta(days=9), now - datetime.timedelta(days=2)),
    }[state]
    fields.setdefault("title", f"Debate {number}")
    fields.setdefault("slug", f"debate-{number}")
    fields.setdefault("question", f"Question {number}?")
    fields.setdefault("opens_at", opens)
    fields.setdefault("closes_at", closes)
    return factories.add_page(index, DebatePage(**fields))


@pytest.fixture
def make(index):
    return lambda state="open", **fields: make_debate(index, state, **fields)


@pytest.fixture
def debate(make):
    return make()


@pytest.fixture
def others(db):
    """Three more members, for flags and supports from different people."""
    return [
        factories.make_user(f"member{n}@example.org", group="Members")
        for n in range(2, 5)
    ]


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def member_client(member):
    return login(member)


def argue(debate, user, text="An argument.", stance="for", **kwargs):
    return post_comment(debate, user, text, stance=stance, **kwargs)


def reply_to(debate, parent, user, text="A reply."):
    return post_comment(debate, user, text, parent=parent)


def route(debate, name, *args):
    return debate.url + debate.reverse_subpage(name, args=args)


def argument_data(debate, text="An argument.", stance="for", **extra):
    return {
        "debate": debate.pk,
        "parent": "",
        "stance": stance,
        "comment": text,
        **extra,
    }


def reply_data(debate, parent, text="A reply.", **extra):
    return {"debate": debate.pk, "parent": parent.pk, "comment": text, **extra}
