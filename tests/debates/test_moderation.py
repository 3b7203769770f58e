"""Moderators work through a queue in the Wagtail admin; every action is logged."""

import pytest
from django.urls import reverse

from mmn_plugins.debates.models import (
    DebateComment,
    Flag,
    HiddenReason,
    ModerationAction,
    ModerationLogEntry,
)

from .conftest import argue, login, route


pytestmark = pytest.mark.django_db

QUEUE = "mmn_debates_moderation"


@pytest.fixture
def flagged(debate, member, others, settings):
    settings.MMN_DEBATES_FLAGS_TO_HIDE = 2
    comment = argue(debate, member, "Flag me.")
    for user in others[:2]:
        login(user).post(route(debate, "flag", comment.pk), {"reason": "abuse"})
    return DebateComment.objects.get(pk=comment.pk)


def _act(client, comment, action, note=""):
    return client.post(
        reverse(QUEUE), {"comment": comment.pk, "action": action, "note": note}
    )


def test_queue_lists_flagged_comments_with_reasons(flagged, moderator):
    html = login(moderator).get(reverse(QUEUE)).content.decode()

    assert "Flag me." in html
    assert "Abusive, hateful or harassing" in html


def test_restore_puts_the_comment_back_and_logs_it(flagged, moderator, client, debate):
    _act(login(moderator), flagged, "restore", "Fair criticism.")

    comment = DebateComment.objects.get(pk=flagged.pk)
    assert comment.is_public and comment.hidden_reason == HiddenReason.VISIBLE
    assert not Flag.objects.filter(resolved_at=None).exists()
    assert "Flag me." in client.get(debate.url).content.decode()
    entry = ModerationLogEntry.objects.filter(action=ModerationAction.RESTORE).get()
    assert (entry.actor, entry.note) == (moderator, "Fair criticism.")
    assert "Flag me." not in login(moderator).get(reverse(QUEUE)).content.decode()


def test_hide_and_delete_are_logged(debate, member, moderator, client):
    comment = argue(debate, member, "Moderate me.")
    moderator_client = login(moderator)

    _act(moderator_client, comment, "hide")
    assert "Moderate me." not in client.get(debate.url).content.decode()
    _act(moderator_client, comment, "delete")

    comment = DebateComment.objects.get(pk=comment.pk)
    assert comment.is_removed and not comment.is_public
    actions = list(ModerationLogEntry.objects.values_list("action", flat=True))
    assert actions == [ModerationAction.DELETE, ModerationAction.HIDE]
    log = moderator_client.get(reverse("mmn_debates_moderation_log")).content.decode()
    assert "Deleted" in log and "Hidden" in log


def test_unknown_action_changes_nothing(flagged, moderator):
    response = _act(login(moderator), flagged, "publish_everything")

    assert response.status_code == 302
    assert not ModerationLogEntry.objects.exclude(action=ModerationAction.AUTO_HIDE)


@pytest.mark.parametrize("role", ["member", "editor"])
def test_queue_is_for_moderators_only(flagged, role, request):
    user = request.getfixturevalue(role)

    client = login(user)
    page = client.get(reverse(QUEUE))
    action = _act(client, flagged, "restore")

    assert page.status_code in {302, 403}
    assert action.status_code in {302, 403}
    assert not DebateComment.objects.get(pk=flagged.pk).is_public


def test_queue_shows_in_the_admin_menu_for_moderators(moderator):
    html = login(moderator).get("/admin/").content.decode()

    assert reverse(QUEUE) in html
