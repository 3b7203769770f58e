"""Roles: the groups the migrations make, and who may enter the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, GroupPagePermission

from accounts.roles import EDITORS, MEMBERS, MODEL_PERMISSIONS, MODERATORS
from tests import factories


pytestmark = pytest.mark.django_db


def dotted_permissions(group):
    return {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in group.permissions.select_related("content_type")
    }


def page_permissions(group):
    return set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    )


def test_the_three_groups_exist_once_each_after_the_migrations():
    """Members, Moderators and Editors exist, and Wagtail's are not doubled."""
    names = list(Group.objects.values_list("name", flat=True))

    for name in (MEMBERS, MODERATORS, EDITORS):
        assert names.count(name) == 1


def test_each_group_holds_its_model_permissions():
    """Every permission ``accounts.roles`` lists is granted after migrating."""
    for name, permissions in MODEL_PERMISSIONS.items():
        assert set(permissions) <= dotted_permissions(Group.objects.get(name=name))


def test_editors_edit_and_publish_pages_and_moderators_do_not():
    """Page rights go to editors; moderators look after the community."""
    editors = Group.objects.get(name=EDITORS)
    moderators = Group.objects.get(name=MODERATORS)

    assert {"add_page", "change_page", "publish_page"} <= page_permissions(editors)
    assert page_permissions(moderators) == set()
    assert not {"wagtailimages.add_image", "wagtaildocs.add_document"} & (
        dotted_permissions(moderators)
    )
    assert dotted_permissions(Group.objects.get(name=MEMBERS)) == set()


def test_wagtails_default_approval_task_goes_to_editors():
    """Pages submitted for approval reach the editors, not the moderators."""
    task = GroupApprovalTask.objects.get(name="Moderators approval")

    assert list(task.groups.values_list("name", flat=True)) == [EDITORS]


def test_an_editor_reaches_the_admin_and_edits_a_page(client, editor, home_page):
    """An editor opens the dashboard and saves a change to a page."""
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200
    edit_url = f"/admin/pages/{home_page.pk}/edit/"
    assert client.get(edit_url).status_code == 200
    permissions = home_page.permissions_for_user(editor)
    assert permissions.can_edit()
    assert permissions.can_publish()


@pytest.mark.parametrize("role", ["member", "visitor"])
def test_members_and_visitors_cannot_reach_the_admin(client, home_page, role):
    """Without admin access the dashboard sends people to a login page."""
    if role == "member":
        client.force_login(factories.make_user("m@example.org", group=MEMBERS))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert client.get(f"/admin/pages/{home_page.pk}/edit/").status_code == 302


def test_a_moderator_cannot_edit_pages(client, moderator, home_page):
    """Moderators enter the admin (for applications) but not the page editor."""
    client.force_login(moderator)

    assert client.get("/admin/").status_code == 200
    assert not home_page.permissions_for_user(moderator).can_edit()
    response = client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert response.status_code in {302, 403}
