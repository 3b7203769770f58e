"""Arguments carry a stance; replies thread below them, to a set depth."""

import pytest

from mmn_plugins.debates.models import DebateComment
from mmn_plugins.debates.participation import Refused

from .conftest import argue, argument_data, reply_data, reply_to, route


pytestmark = pytest.mark.django_db


def test_member_posts_an_argument_with_a_stance(debate, member, member_client):
    response = member_client.post(
        route(debate, "argue"), argument_data(debate, "Cities **lead**.", "against")
    )

    comment = DebateComment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#c{comment.pk}")
    assert (comment.user, comment.stance, comment.level) == (member, "against", 0)
    assert comment.user_email == member.email
    html = member_client.get(debate.url).content.decode()
    column = html[html.index('id="column-against"') : html.index('id="column-neutral"')]
    assert "Cities <strong>lead</strong>." in column


def test_replies_thread_below_their_argument(debate, member, others):
    argument = argue(debate, member)
    reply = reply_to(debate, argument, others[0])
    deeper = reply_to(debate, reply, others[1])

    assert (reply.level, reply.thread_id, reply.parent_id) == (
        1,
        argument.pk,
        argument.pk,
    )
    assert (deeper.level, deeper.thread_id) == (2, argument.pk)
    assert reply.stance == "" and deeper.stance == ""


def test_reply_beyond_the_depth_is_refused(debate, member, others, settings):
    settings.MMN_DEBATES_MAX_REPLY_DEPTH = 2
    parent = argue(debate, member)
    for user in others[:2]:
        parent = reply_to(debate, parent, user)
    assert parent.level == 2

    with pytest.raises(Refused, match="at most 2 levels"):
        reply_to(debate, parent, others[2])

    assert DebateComment.objects.count() == 3


def test_page_offers_no_reply_at_the_deepest_level(debate, member, others, settings):
    settings.MMN_DEBATES_MAX_REPLY_DEPTH = 1
    argument = argue(debate, member)
    reply = reply_to(debate, argument, others[0])
    client_html = _page_for(others[1], debate)

    assert route(debate, "reply", argument.pk) in client_html
    assert route(debate, "reply", reply.pk) not in client_html


def _page_for(user, debate):
    from .conftest import login

    return login(user).get(debate.url).content.decode()


def test_forged_stance_is_refused_and_says_why(debate, member_client):
    response = member_client.post(
        route(debate, "argue"), argument_data(debate, stance="maybe")
    )

    assert response.status_code == 400
    assert "for, against or neutral" in response.content.decode()
    assert not DebateComment.objects.exists()


def test_reply_with_a_stance_is_refused(debate, member, others):
    argument = argue(debate, member)
    client = _client(others[0])

    response = client.post(
        route(debate, "reply", argument.pk),
        reply_data(debate, argument, stance="against"),
    )

    assert response.status_code == 400
    assert "takes no stance" in response.content.decode()
    assert DebateComment.objects.count() == 1


def _client(user):
    from .conftest import login

    return login(user)


def test_reply_page_and_post(debate, member, others):
    argument = argue(debate, member, "The first argument.")
    client = _client(others[0])

    page = client.get(route(debate, "reply", argument.pk))
    response = client.post(
        route(debate, "reply", argument.pk), reply_data(debate, argument, "Indeed.")
    )

    assert page.status_code == 200
    assert "The first argument." in page.content.decode()
    assert response.status_code == 302
    reply = DebateComment.objects.get(level=1)
    assert reply.parent_id == argument.pk


def test_columns_sort_by_support_or_newest(debate, member, others, client):
    older = argue(debate, member, "Older but supported.")
    newer = argue(debate, others[0], "Newer, no support.")
    DebateComment.objects.filter(pk=older.pk).update(support_count=5)

    by_support = client.get(debate.url).content.decode()
    by_date = client.get(debate.url + "?sort_for=newest").content.decode()

    assert by_support.index("Older but supported.") < by_support.index("Newer, no")
    assert by_date.index("Newer, no") < by_date.index("Older but supported.")
    assert newer.submit_date >= older.submit_date


def test_unknown_sort_falls_back_to_support(debate, member, client):
    argue(debate, member)

    response = client.get(debate.url + "?sort_for=%3Cscript%3E&sort_against=1")

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
