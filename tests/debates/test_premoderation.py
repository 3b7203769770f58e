"""A debate under pre-moderation shows each comment only once approved."""

import pytest
from django.urls import reverse

from mmn_plugins.debates.models import DebateComment, DebateModerator, HiddenReason

from .conftest import argue, argument_data, login, reply_to, route


pytestmark = pytest.mark.django_db


@pytest.fixture
def held(make):
    return make(pre_moderation=True)


def test_comment_waits_and_only_its_author_sees_it(held, member, member_client, client):
    response = member_client.post(
        route(held, "argue"), argument_data(held, "Held back.")
    )

    comment = DebateComment.objects.get()
    assert response.status_code == 302
    assert not comment.is_public and comment.hidden_reason == HiddenReason.PENDING
    assert "Held back." not in client.get(held.url).content.decode()
    own_view = member_client.get(held.url).content.decode()
    assert "Held back." in own_view
    assert "Waiting for a moderator" in own_view


def test_visibility_fields_in_the_form_change_nothing(held, member_client):
    member_client.post(
        route(held, "argue"),
        argument_data(held, is_public="1", is_removed="0", approved="1"),
    )

    assert not DebateComment.objects.get().is_public


def test_moderator_approves_and_followers_hear_of_it(
    held, member, others, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    login(others[0]).post(route(held, "follow"))
    comment = argue(held, member, "Please approve.")
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        login(moderator).post(
            reverse("mmn_debates_moderation"),
            {"comment": comment.pk, "action": "approve"},
        )

    assert DebateComment.objects.get(pk=comment.pk).is_public
    assert [message.to for message in mailoutbox] == [[others[0].email]]


def test_debate_moderators_skip_the_queue(held, moderator, member):
    DebateModerator.objects.create(page=held, user=member)
    held = type(held).objects.get(pk=held.pk)

    comment = argue(held, member)

    assert comment.is_public


def test_pending_reply_stays_pending_when_its_parent_changes(held, member, others):
    held.pre_moderation = False
    held.save_revision().publish()
    argument = argue(held, member)
    held.pre_moderation = True
    held.save_revision().publish()
    reply = reply_to(held, argument, others[0])
    assert not reply.is_public

    response = login(others[1]).post(route(held, "support", argument.pk))

    assert response.status_code == 302
    assert not DebateComment.objects.get(pk=reply.pk).is_public
