"""Members edit their own comment until a reply or the end of the window."""

import datetime

import pytest
from django.utils import timezone

from mmn_plugins.debates.models import DebateComment

from .conftest import argue, login, reply_to, route


pytestmark = pytest.mark.django_db


@pytest.fixture
def argument(debate, member):
    return argue(debate, member, "First words.")


def _text(comment):
    return DebateComment.objects.get(pk=comment.pk).comment


def test_member_edits_within_the_window(debate, argument, member_client):
    assert (
        route(debate, "edit", argument.pk)
        in member_client.get(debate.url).content.decode()
    )

    response = member_client.post(
        route(debate, "edit", argument.pk), {"comment": "Better words."}
    )

    assert response.status_code == 302
    assert _text(argument) == "Better words."
    html = member_client.get(debate.url).content.decode()
    assert "Better words." in html
    assert ">edited<" in html


def test_no_edit_after_the_window(debate, argument, member_client, settings):
    settings.MMN_DEBATES_EDIT_WINDOW_SECONDS = 60
    DebateComment.objects.filter(pk=argument.pk).update(
        submit_date=timezone.now() - datetime.timedelta(minutes=5)
    )

    response = member_client.post(
        route(debate, "edit", argument.pk), {"comment": "Late."}
    )

    assert response.status_code == 403
    assert "time to edit" in response.content.decode()
    assert _text(argument) == "First words."


def test_no_edit_once_someone_replied(debate, argument, member_client, others):
    reply_to(debate, argument, others[0])

    response = member_client.post(
        route(debate, "edit", argument.pk), {"comment": "Changed."}
    )

    assert response.status_code == 403
    assert "replied" in response.content.decode()
    assert _text(argument) == "First words."


def test_no_edit_of_another_members_comment(debate, argument, others):
    response = login(others[0]).post(
        route(debate, "edit", argument.pk), {"comment": "Hijacked."}
    )

    assert response.status_code == 403
    assert _text(argument) == "First words."


def test_edit_is_held_to_the_length_limit(debate, argument, member_client, settings):
    settings.MMN_DEBATES_COMMENT_MAX_LENGTH = 20

    response = member_client.post(
        route(debate, "edit", argument.pk), {"comment": "x" * 21}
    )

    assert response.status_code == 400
    assert _text(argument) == "First words."
