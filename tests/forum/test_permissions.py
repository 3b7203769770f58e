"""Who may read, write and moderate: visitors, outsiders, members, moderators."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from machina.core.db.models import get_model

from mmn_plugins.core.registry import Audience
from mmn_plugins.forum.permissions import forum_audience
from tests import factories


UserForumPermission = get_model("forum_permission", "UserForumPermission")
GroupForumPermission = get_model("forum_permission", "GroupForumPermission")


def test_visitors_read_public_forums_but_cannot_write(client, forum, topic):
    assert client.get("/en/forum/").status_code == 200
    assert client.get(f"/en/forum/{forum.pk}/").status_code == 200
    page = client.get(f"/en/forum/topic/{topic.pk}/")
    assert page.status_code == 200
    assert "How do you <em>teach</em>?" in page.content.decode()
    assert b"Sign in to reply" in page.content

    response = client.get(f"/en/forum/{forum.pk}/new/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    response = client.post(f"/en/forum/topic/{topic.pk}/reply/", {"content": "Hi"})
    assert response.status_code == 302
    assert topic.posts.count() == 1


def test_signed_in_accounts_outside_the_network_cannot_write(
    client, outsider, forum, topic
):
    client.force_login(outsider)
    assert client.get(f"/en/forum/topic/{topic.pk}/").status_code == 200
    assert client.get(f"/en/forum/{forum.pk}/new/").status_code == 403
    response = client.post(f"/en/forum/topic/{topic.pk}/reply/", {"content": "Hi"})
    assert response.status_code == 403
    assert topic.posts.count() == 1


def test_members_start_topics_and_reply(client, member, forum, topic):
    client.force_login(member)
    page = client.get(f"/en/forum/{forum.pk}/")
    assert b"Start a topic" in page.content
    response = client.post(
        f"/en/forum/{forum.pk}/new/", {"subject": "Mentoring", "content": "Ideas?"}
    )
    assert response.status_code == 302
    assert forum.topics.filter(subject="Mentoring").exists()


def test_private_forum_is_hidden_from_everyone_but_its_group(
    client, member, member2, private_forum, working_group, moderator
):
    member.groups.add(working_group)
    url = f"/en/forum/{private_forum.pk}/"

    assert client.get(url).status_code == 302  # visitors are asked to sign in
    assert "Labour working group" not in client.get("/en/forum/").content.decode()

    client.force_login(member2)
    assert client.get(url).status_code == 404
    assert "Labour working group" not in client.get("/en/forum/").content.decode()
    assert client.get(f"/en/forum/{private_forum.pk}/new/").status_code == 404

    client.force_login(member)
    assert client.get(url).status_code == 200
    assert "Labour working group" in client.get("/en/forum/").content.decode()
    response = client.post(
        f"/en/forum/{private_forum.pk}/new/", {"subject": "Draft", "content": "Here."}
    )
    assert response.status_code == 302

    client.force_login(moderator)
    assert client.get(url).status_code == 200


def test_moderators_see_moderation_controls_members_do_not(
    client, member2, moderator, topic
):
    client.force_login(member2)
    assert b'value="hide"' not in client.get(f"/en/forum/topic/{topic.pk}/").content
    post = topic.first_post
    response = client.post(f"/en/forum/post/{post.pk}/moderate/", {"action": "hide"})
    assert response.status_code == 403

    client.force_login(moderator)
    assert b'value="hide"' in client.get(f"/en/forum/topic/{topic.pk}/").content
    client.post(f"/en/forum/post/{post.pk}/moderate/", {"action": "hide"})
    post.refresh_from_db()
    assert not post.approved


def test_moderators_lock_topics_and_members_cannot_reply_then(
    client, member2, moderator, topic
):
    client.force_login(moderator)
    client.post(f"/en/forum/topic/{topic.pk}/lock/", {"lock": "1"})
    client.force_login(member2)
    response = client.post(f"/en/forum/topic/{topic.pk}/reply/", {"content": "Late"})
    assert response.status_code == 403


def test_the_command_is_idempotent(db, category):
    call_command("setup_forum_permissions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (UserForumPermission.objects.count(), GroupForumPermission.objects.count())
    call_command("setup_forum_permissions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        UserForumPermission.objects.count(),
        GroupForumPermission.objects.count(),
    )
    assert counts[0] > 0 and counts[1] > 0


def test_the_command_makes_a_forum_private(db, forum, working_group):
    call_command(
        "setup_forum_permissions",
        private_forum=forum.pk,
        group=[working_group.name],
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    audience, group_ids = forum_audience(forum)
    assert audience == Audience.GROUPS
    assert working_group.pk in group_ids
    assert Group.objects.get(name="Moderators").pk in group_ids


def test_audiences_of_public_and_members_only_forums(db, forum):
    assert forum_audience(forum) == (Audience.PUBLIC, ())
    anonymous = UserForumPermission.objects.get(
        anonymous_user=True, forum=None, permission__codename="can_read_forum"
    )
    UserForumPermission.objects.create(
        anonymous_user=True, forum=forum, permission=anonymous.permission,
        has_perm=False,
    )  # fmt: skip
    assert forum_audience(forum) == (Audience.MEMBERS, ())


def test_moderators_get_the_admin_screens(client, moderator, forum_permissions):
    client.force_login(moderator)
    assert client.get("/admin/forum/reports/").status_code == 200
    assert client.get("/admin/forum/moderation-log/").status_code == 200
    member = factories.make_user("plain@example.org", group="Members")
    client.force_login(member)
    assert client.get("/admin/forum/reports/").status_code in {
        302,
        403,
    }


def test_readable_forums_follow_permission_changes_at_once(
    client, member, forum, working_group
):
    """The cached answer of who reads what goes stale with any permission change."""
    from mmn_plugins.forum.permissions import make_private

    client.force_login(member)
    assert client.get(f"/en/forum/{forum.pk}/").status_code == 200
    make_private(forum, [working_group])
    assert client.get(f"/en/forum/{forum.pk}/").status_code == 404
    member.groups.add(working_group)
    assert client.get(f"/en/forum/{forum.pk}/").status_code == 200
