"""A moderator closes a debate with a conclusion; it is then read only."""

import pytest

from mmn_plugins.debates.models import (
    DebateComment,
    DebateModerator,
    DebateOutcome,
    ModerationAction,
)
from mmn_plugins.debates.models import ModerationLogEntry as LogEntry

from .conftest import argue, argument_data, login, reply_to, route


pytestmark = pytest.mark.django_db


@pytest.fixture
def argued(debate, member, others):
    argue(debate, member, "For it.", "for")
    against = argue(debate, others[0], "Against it.", "against")
    argue(debate, others[1], "Unsure.", "neutral")
    reply_to(debate, against, member)
    return debate


def test_moderator_closes_with_a_conclusion(argued, moderator, client):
    response = login(moderator).post(
        route(argued, "close"), {"conclusion": "We **agree** to disagree."}
    )

    assert response.status_code == 302
    outcome = DebateOutcome.objects.get()
    counts = (outcome.for_count, outcome.against_count, outcome.neutral_count)
    assert counts == (1, 1, 1)
    assert (outcome.reply_count, outcome.participant_count) == (1, 3)
    assert outcome.concluded_by == moderator
    assert LogEntry.objects.get().action == ModerationAction.CLOSE
    html = client.get(argued.url).content.decode()
    assert html.index("We <strong>agree</strong> to disagree.") < html.index("For it.")
    assert "1 arguments for, 1 against, 1 neutral" in html


def test_conclusion_is_required(argued, moderator):
    response = login(moderator).post(route(argued, "close"), {"conclusion": "  "})

    assert response.status_code == 400
    assert not DebateOutcome.objects.exists()


def test_debate_moderator_named_on_the_page_may_close(make, member):
    debate = make()
    DebateModerator.objects.create(page=debate, user=member)

    response = login(member).post(route(debate, "close"), {"conclusion": "Done."})

    assert response.status_code == 302
    assert DebateOutcome.objects.exists()


def test_members_may_not_close(argued, member):
    response = login(member).post(route(argued, "close"), {"conclusion": "Mine."})

    assert response.status_code == 403
    assert not DebateOutcome.objects.exists()


def test_closed_debate_is_read_only(argued, moderator, member, others):
    login(moderator).post(route(argued, "close"), {"conclusion": "Closed."})
    comment = DebateComment.objects.filter(user=member).first()
    client = login(others[2])

    responses = [
        client.post(route(argued, "argue"), argument_data(argued, "Too late.")),
        client.post(route(argued, "support", comment.pk)),
        login(member).post(route(argued, "edit", comment.pk), {"comment": "Late edit"}),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403]
    assert not DebateComment.objects.filter(comment__in=["Too late.", "Late edit"])
    assert "Post your argument" not in client.get(argued.url).content.decode()


def test_a_debate_closes_once(argued, moderator):
    client = login(moderator)
    client.post(route(argued, "close"), {"conclusion": "First."})

    response = client.post(route(argued, "close"), {"conclusion": "Second."})

    assert response.status_code == 409
    assert DebateOutcome.objects.get().conclusion == "First."
