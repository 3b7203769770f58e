"""Query budgets that do not grow with comments; a page cache that never leaks."""

import pytest
from django.test import Client

from mmn_plugins.debates.models import DebateComment
from mmn_plugins.debates.participation import build_comment

from .conftest import argue, argument_data, login, route


pytestmark = pytest.mark.django_db


def add_comments(debate, users, count):
    """``count`` comments in threads of four (an argument and three replies)."""
    parent = None
    for number in range(count):
        if number % 4 == 0:
            parent = None
        stance = ["for", "against", "neutral"][number % 3] if parent is None else ""
        comment = build_comment(
            debate, users[number % len(users)], f"Comment {number}", stance, parent
        )
        comment.save()
        parent = comment


def _queries(client, url, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("reader", ["visitor", "member"])
def test_page_queries_do_not_grow_with_comments(
    make, member, others, reader, django_assert_max_num_queries, settings
):
    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    few, many = make(), make()
    add_comments(few, [member, *others], 4)
    add_comments(many, [member, *others], 80)
    client = login(member) if reader == "member" else Client()
    for debate in (few, many, few, many):  # Warm the caches of sites and routes.
        client.get(debate.url)

    small = _queries(client, few.url, django_assert_max_num_queries, 40)
    large = _queries(client, many.url, django_assert_max_num_queries, 40)

    assert large == small


def test_index_queries_do_not_grow_with_debates(
    make, index, member, client, django_assert_max_num_queries, settings
):
    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    debate = make()
    add_comments(debate, [member], 8)
    client.get(index.url)  # Warm the caches of sites, menus and routes.
    client.get(index.url)
    small = _queries(client, index.url, django_assert_max_num_queries, 30)
    for state in ["open", "upcoming", "closed", "open", "closed"]:
        add_comments(make(state), [member], 4)

    client.get(index.url)
    client.get(index.url)
    large = _queries(client, index.url, django_assert_max_num_queries, 30)

    assert large == small


def test_index_shows_counts_and_latest_activity(debate, index, member, others, client):
    argue(debate, member, stance="for")
    argue(debate, others[0], stance="against")
    argue(debate, others[1], stance="against")

    html = client.get(index.url).content.decode()

    assert "1 for · 2 against · 0 neutral" in html
    assert "Latest activity" in html


def test_visitors_get_a_cached_page_that_a_new_comment_purges(debate, member):
    visitor = Client()
    first = visitor.get(debate.url).content.decode()
    assert "Brand new argument." not in first

    login(member).post(
        route(debate, "argue"), argument_data(debate, "Brand new argument.")
    )

    assert "Brand new argument." in visitor.get(debate.url).content.decode()


def test_a_members_page_is_never_served_to_a_visitor(debate, member, others):
    argue(debate, others[0], "Someone's argument.")
    member_html = login(member).get(debate.url)
    assert "csrfmiddlewaretoken" in member_html.content.decode()

    visitor_html = Client().get(debate.url).content.decode()

    assert "csrfmiddlewaretoken" not in visitor_html
    assert "Follow this debate" not in visitor_html
    assert "Log in to take part" in visitor_html


def test_moderation_purges_the_cached_page(debate, member, moderator):
    comment = argue(debate, member, "Soon hidden.")
    assert "Soon hidden." in Client().get(debate.url).content.decode()

    login(moderator).post(
        "/admin/debates/moderation/", {"comment": comment.pk, "action": "hide"}
    )

    assert "Soon hidden." not in Client().get(debate.url).content.decode()
    assert not DebateComment.objects.get().is_public
