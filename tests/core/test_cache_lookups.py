"""Site and page lookups remembered under the page cache generation.

A member's view skips the page cache, so these tests log a member in: what is
left to check is that remembering which page a path leads to saves queries and
never serves a page that moved, went offline or became private.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import StandardPage
from tests import factories


pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def team(home_page):
    about = factories.add_page(home_page, StandardPage(title="About", slug="about"))
    return factories.add_page(about, StandardPage(title="Our team", slug="team"))


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries)


def test_second_view_finds_the_page_with_fewer_queries(member_client, team):
    """Wagtail's walk down the page tree is replaced by one query."""
    first, first_queries = queries_for(member_client, "/en/about/team/")
    second, second_queries = queries_for(member_client, "/en/about/team/")

    assert first.status_code == second.status_code == 200
    assert "Our team" in second.content.decode()
    assert second_queries <= first_queries - 3


def test_unpublished_page_is_not_found_although_its_route_was_kept(member_client, team):
    member_client.get("/en/about/team/")

    team.unpublish()

    assert member_client.get("/en/about/team/").status_code == 404


def test_moved_page_leaves_its_old_address(member_client, home_page, team):
    member_client.get("/en/about/team/")
    network = factories.add_page(home_page, StandardPage(title="Net", slug="net"))

    team.move(network, pos="last-child")

    old_address = member_client.get("/en/about/team/")
    assert old_address.status_code == 301  # Wagtail's automatic redirect.
    assert old_address["Location"] == "/en/net/team/"
    assert member_client.get("/en/net/team/").status_code == 200


def test_page_made_private_checks_its_readers_again(client, team):
    """A remembered route still goes through Wagtail's view restrictions."""
    assert client.get("/en/about/team/", HTTP_COOKIE="sessionid=x").status_code == 200

    team.view_restrictions.create(restriction_type="password", password="secret")

    response = client.get("/en/about/team/", HTTP_COOKIE="sessionid=x")
    assert 'name="password"' in response.content.decode()
