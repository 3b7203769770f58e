"""A debate's status comes from its window, and a conclusion closes it for good."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mmn_plugins.debates.models import DebateComment, DebateOutcome, Status

from .conftest import argument_data, route


pytestmark = pytest.mark.django_db


def test_status_follows_the_window(make):
    debate = make("open")
    assert debate.status == Status.OPEN
    assert debate.status_at(debate.opens_at - datetime.timedelta(seconds=1)) == (
        Status.UPCOMING
    )
    assert debate.status_at(debate.closes_at) == Status.CLOSED
    assert make("upcoming").status == Status.UPCOMING
    assert make("closed").status == Status.CLOSED


def test_a_conclusion_closes_a_debate_inside_its_window(debate, moderator):
    DebateOutcome.objects.create(
        debate_key=debate.translation_key, conclusion="Done.", concluded_by=moderator
    )

    assert type(debate).objects.get(pk=debate.pk).status == Status.CLOSED


def test_a_debate_must_close_after_it_opens(debate):
    debate.closes_at = debate.opens_at - datetime.timedelta(hours=1)

    with pytest.raises(ValidationError):
        debate.full_clean()


@pytest.mark.parametrize("state", ["upcoming", "closed"])
def test_no_comment_outside_the_window(make, member_client, state):
    debate = make(state)
    page = member_client.get(debate.url).content.decode()
    assert "Post your argument" not in page

    response = member_client.post(route(debate, "argue"), argument_data(debate))

    assert response.status_code == 403
    assert DebateComment.objects.count() == 0
    message = "not opened yet" if state == "upcoming" else "read only"
    assert message in response.content.decode()


def test_open_debate_offers_the_form_to_members(debate, member_client):
    html = member_client.get(debate.url).content.decode()

    assert "Post your argument" in html
    assert 'name="user_name"' not in html
    assert 'name="user_email"' not in html
    assert 'name="email"' not in html


def test_index_lists_open_then_upcoming_then_closed(make, client):
    closed = make("closed", title="Closed one")
    upcoming = make("upcoming", title="Upcoming one")
    open_debate = make("open", title="Open one")
    open_debate.closes_at = timezone.now() + datetime.timedelta(days=3)

    html = client.get(open_debate.get_parent().url).content.decode()

    positions = [html.index(d.title) for d in (open_debate, upcoming, closed)]
    assert positions == sorted(positions)
