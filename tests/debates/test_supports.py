"""One support per member and comment, withdrawable; never one's own."""

import pytest

from mmn_plugins.debates.models import DebateComment, Support

from .conftest import argue, login, route


pytestmark = pytest.mark.django_db


@pytest.fixture
def argument(debate, member):
    return argue(debate, member)


def _count(comment):
    return DebateComment.objects.get(pk=comment.pk).support_count


def test_member_supports_once(debate, argument, others):
    client = login(others[0])

    client.post(route(debate, "support", argument.pk))
    client.post(route(debate, "support", argument.pk))

    assert _count(argument) == 1
    assert Support.objects.filter(comment=argument).count() == 1
    html = client.get(debate.url).content.decode()
    assert "Withdraw support" in html


def test_support_is_withdrawn(debate, argument, others):
    client = login(others[0])
    client.post(route(debate, "support", argument.pk))

    client.post(route(debate, "support", argument.pk), {"action": "withdraw"})
    client.post(route(debate, "support", argument.pk), {"action": "withdraw"})

    assert _count(argument) == 0
    assert not Support.objects.exists()


def test_supports_from_several_members_add_up(debate, argument, others):
    for user in others:
        login(user).post(route(debate, "support", argument.pk))

    assert _count(argument) == 3


def test_own_comment_cannot_be_supported(debate, argument, member_client):
    response = member_client.post(route(debate, "support", argument.pk))

    assert response.status_code == 403
    assert "your own comment" in response.content.decode()
    assert _count(argument) == 0


def test_support_by_get_changes_nothing(debate, argument, others):
    response = login(others[0]).get(route(debate, "support", argument.pk))

    assert response.status_code == 405
    assert _count(argument) == 0
