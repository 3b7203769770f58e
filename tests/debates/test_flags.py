"""Flags carry a reason; enough flags from different members hide a comment."""

import pytest

from mmn_plugins.debates.models import (
    DebateComment,
    Flag,
    HiddenReason,
    ModerationAction,
    ModerationLogEntry,
)

from .conftest import argue, login, reply_to, route


pytestmark = pytest.mark.django_db


@pytest.fixture
def argument(debate, member):
    return argue(debate, member, "A disputed claim.")


def _flag(debate, comment, user, reason="abuse", note=""):
    return login(user).post(
        route(debate, "flag", comment.pk), {"reason": reason, "note": note}
    )


def test_flag_is_recorded_with_its_reason(debate, argument, others):
    response = _flag(debate, argument, others[0], "spam", "Selling shoes.")

    assert response.status_code == 302
    flag = Flag.objects.get()
    assert (flag.member, flag.reason, flag.note) == (
        others[0],
        "spam",
        "Selling shoes.",
    )
    assert DebateComment.objects.get(pk=argument.pk).is_public


def test_flag_needs_a_known_reason(debate, argument, others):
    response = _flag(debate, argument, others[0], reason="because")

    assert response.status_code == 400
    assert not Flag.objects.exists()


def test_three_members_hide_a_comment_pending_review(debate, argument, others, client):
    for user in others:
        _flag(debate, argument, user)

    comment = DebateComment.objects.get(pk=argument.pk)
    assert not comment.is_public
    assert comment.hidden_reason == HiddenReason.FLAGGED
    assert "A disputed claim." not in client.get(debate.url).content.decode()
    entry = ModerationLogEntry.objects.get()
    assert entry.action == ModerationAction.AUTO_HIDE and entry.actor is None


def test_one_member_flagging_twice_counts_once(debate, argument, others, settings):
    settings.MMN_DEBATES_FLAGS_TO_HIDE = 2

    _flag(debate, argument, others[0])
    response = _flag(debate, argument, others[0])

    assert response.status_code == 409
    assert "already flagged" in response.content.decode()
    assert DebateComment.objects.get(pk=argument.pk).is_public


def test_threshold_is_a_setting(debate, argument, others, settings):
    settings.MMN_DEBATES_FLAGS_TO_HIDE = 1

    _flag(debate, argument, others[0])

    assert not DebateComment.objects.get(pk=argument.pk).is_public


def test_replies_of_a_hidden_comment_are_hidden_too(debate, argument, others, client):
    reply = reply_to(debate, argument, others[0], "A reply below.")
    assert reply.level == 1
    for user in others:
        _flag(debate, argument, user)

    html = client.get(debate.url).content.decode()

    assert "A reply below." not in html


def test_own_comment_cannot_be_flagged(debate, argument, member_client):
    response = member_client.post(
        route(debate, "flag", argument.pk), {"reason": "spam"}
    )

    assert response.status_code == 403
    assert not Flag.objects.exists()


def test_flag_page_by_get_changes_nothing(debate, argument, others):
    response = login(others[0]).get(route(debate, "flag", argument.pk))

    assert response.status_code == 200
    assert not Flag.objects.exists()
