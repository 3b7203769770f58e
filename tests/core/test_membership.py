"""Who counts as a member, and how an author is shown beside a post."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail import hooks

from mmn_plugins.core.membership import is_member
from mmn_plugins.core.registry import (
    MEMBER_CHECKS,
    PERSON_SUMMARIES,
    PersonSummary,
    person_summaries,
)
from tests import factories


pytestmark = pytest.mark.django_db


def fresh(user):
    """The same account as a new request would load it (no kept answer)."""
    return type(user).objects.get(pk=user.pk)


def test_visitors_and_accounts_outside_the_members_group_are_not_members():
    outsider = factories.make_user("outsider@example.org")

    assert not is_member(AnonymousUser())
    assert not is_member(None)
    assert not is_member(outsider)


def test_the_members_group_and_staff_are_members(member, settings):
    staff = factories.make_user("staff@example.org", is_staff=True)

    assert is_member(member)
    assert is_member(staff)

    settings.MMN_CORE_MEMBER_GROUP = "Another group"
    assert not is_member(fresh(member))


def test_a_deactivated_account_is_no_longer_a_member(member):
    member.is_active = False
    member.save()

    assert not is_member(fresh(member))


def test_a_plugin_may_vouch_for_an_account():
    vouched = factories.make_user("vouched@example.org")

    def vouch_for_example_org(user):
        return user.email.endswith("@example.org")

    with hooks.register_temporarily(MEMBER_CHECKS, vouch_for_example_org):
        assert is_member(vouched)


def test_the_answer_is_kept_for_the_rest_of_the_request(
    member, django_assert_num_queries
):
    is_member(member)

    with django_assert_num_queries(0):
        assert is_member(member)


def test_authors_without_a_plugin_summary_get_their_account_name():
    named = factories.make_user("named@example.org", first_name="Nadia", last_name="K")
    unnamed = factories.make_user("leila.h@example.org")

    summaries = person_summaries([named, unnamed, None])

    assert summaries[named.pk] == PersonSummary(name="Nadia K")
    assert summaries[unnamed.pk].name == "leila.h"
    assert set(summaries) == {named.pk, unnamed.pk}


def test_a_plugin_summary_wins_and_is_asked_once_for_all_authors():
    first = factories.make_user("first@example.org")
    second = factories.make_user("second@example.org")
    calls = []

    def summarise_first_only(user_ids):
        calls.append(sorted(user_ids))
        return {first.pk: PersonSummary(name="Focal point", organisation_name="Org")}

    with hooks.register_temporarily(PERSON_SUMMARIES, summarise_first_only):
        summaries = person_summaries([first, second])

    assert calls == [sorted([first.pk, second.pk])]
    assert summaries[first.pk].organisation_name == "Org"
    assert summaries[second.pk].name == "second"
