"""Visitors read; members take part; moderators moderate; nobody else writes."""

import pytest

from mmn_plugins.debates.models import DebateComment, Flag, Follow

from .conftest import argue, argument_data, login, route


pytestmark = pytest.mark.django_db


@pytest.fixture
def argument(debate, member):
    return argue(debate, member, "Members only write.")


def _writes(debate, argument):
    return [
        (route(debate, "argue"), argument_data(debate, "Someone else.")),
        (
            route(debate, "reply", argument.pk),
            {"debate": debate.pk, "parent": argument.pk, "comment": "Hi"},
        ),
        (route(debate, "support", argument.pk), {}),
        (route(debate, "flag", argument.pk), {"reason": "spam"}),
        (route(debate, "follow"), {}),
        (route(debate, "close"), {"conclusion": "Closed by a stranger."}),
    ]


def _nothing_changed():
    return (
        DebateComment.objects.count() == 1
        and not Flag.objects.exists()
        and not Follow.objects.exclude(member__email="member@example.org").exists()
    )


def test_visitor_reads_and_is_sent_to_log_in(debate, argument, client):
    html = client.get(debate.url).content.decode()
    assert "Members only write." in html
    assert "Log in to take part" in html

    for url, data in _writes(debate, argument):
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]
    assert _nothing_changed()


@pytest.mark.parametrize("role", ["editor", "moderator", "outsider"])
def test_signed_in_non_members_cannot_take_part(debate, argument, role, request):
    if role == "outsider":
        from tests import factories

        user = factories.make_user("outsider@example.org")
    else:
        user = request.getfixturevalue(role)
    client = login(user)

    for url, data in _writes(debate, argument)[:5]:
        response = client.post(url, data)
        assert response.status_code == 403, url
    assert _nothing_changed()
    assert "Post your argument" not in client.get(debate.url).content.decode()


def test_moderator_may_close_but_editor_may_not(debate, editor, moderator):
    assert not debate.may_moderate(editor)
    assert debate.may_moderate(moderator)


def test_member_takes_part(debate, argument, others):
    client = login(others[0])

    for url, data in _writes(debate, argument)[:5]:
        assert client.post(url, data).status_code == 302, url

    assert DebateComment.objects.count() == 3
    assert Flag.objects.count() == 1
