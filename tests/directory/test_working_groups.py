"""Working groups: their linked activity from other plugins, and the auth
group of their people that other plugins (a private forum) rely on."""

import datetime

import pytest
from wagtail import hooks

from mmn_plugins.core.registry import WORKING_GROUP_SLOTS, Slot
from mmn_plugins.directory.models import (
    MembershipStatus,
    WorkingGroup,
    WorkingGroupFocalPoint,
)
from mmn_plugins.directory.working_groups import sync_working_groups
from tests.directory.conftest import make_organisation, make_person


pytestmark = pytest.mark.django_db


def _forum_slot(request, working_group):
    # What the forum plugin would offer: its private forum for this group.
    return Slot(
        title="Private forum",
        template="mmn_directory/tests/working_group_slot.html",
        context={"text": f"Forum of {working_group.slug}"},
    )


def test_working_group_page_shows_linked_activity(
    client, directory_page, types, tmp_path, settings
):
    (tmp_path / "mmn_directory" / "tests").mkdir(parents=True)
    (tmp_path / "mmn_directory" / "tests" / "working_group_slot.html").write_text(
        '<p class="slot-text">{{ text }}</p>'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    group = WorkingGroup.objects.create(name="Labour", slug="labour")

    without = client.get("/en/members/working-groups/labour/?plain=1")
    with hooks.register_temporarily(WORKING_GROUP_SLOTS, _forum_slot):
        with_slot = client.get("/en/members/working-groups/labour/")

    assert without.status_code == 200
    assert b"slot-text" not in without.content
    assert with_slot.status_code == 200
    assert f"Forum of {group.slug}".encode() in with_slot.content


def _users(working_group):
    working_group.refresh_from_db()
    return set(working_group.auth_group.user_set.values_list("email", flat=True))


def test_auth_group_follows_the_working_groups_people(types):
    member = make_organisation(types["ngo"])
    coordinator = make_organisation(types["academia"])
    outside = make_organisation(types["ngo"])
    make_person("staff@example.org", member)
    make_person("lead@example.org", coordinator)
    make_person("outside@example.org", outside)
    focal = make_person("focal@example.org", outside)

    group = WorkingGroup(
        name="Health", slug="health", coordinating_organisation=coordinator
    )
    group.save()
    group.member_organisations.set([member])
    group.save()
    WorkingGroupFocalPoint.objects.create(
        working_group=group, person=focal, starts_on=datetime.date(2020, 1, 1)
    )

    assert group.auth_group.name.endswith("Health")
    assert _users(group) == {
        "staff@example.org",
        "lead@example.org",
        "focal@example.org",
    }

    # A role that ends, and an organisation that stops being a member.
    staff_role = member.roles.get()
    staff_role.ends_on = datetime.date(2021, 1, 1)
    staff_role.save()
    coordinator.status = MembershipStatus.SUSPENDED
    coordinator.save()
    assert _users(group) == {"focal@example.org"}

    WorkingGroupFocalPoint.objects.filter(working_group=group).delete()
    assert _users(group) == set()


def test_daily_sync_catches_roles_that_ended_by_date(types):
    organisation = make_organisation(types["ngo"])
    person = make_person("ends@example.org", organisation)
    group = WorkingGroup(name="Ending", slug="ending")
    group.save()
    group.member_organisations.set([organisation])
    group.save()
    assert _users(group) == {"ends@example.org"}

    # The end date passes without a save (written straight to the database).
    person.roles.update(ends_on=datetime.date.today() - datetime.timedelta(days=1))
    sync_working_groups()

    assert _users(group) == set()


def test_deleting_a_working_group_deletes_its_auth_group(types):
    from django.contrib.auth.models import Group

    group = WorkingGroup.objects.create(name="Gone", slug="gone")
    auth_group_id = group.auth_group_id

    group.delete()

    assert not Group.objects.filter(pk=auth_group_id).exists()
