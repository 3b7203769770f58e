"""Reporting posts, hiding them after enough reports, and the moderators' side."""

from mmn_plugins.forum.models import ModerationAction, PostReport, ReportStatus


def _report(client, user, post, reason="spam"):
    client.force_login(user)
    return client.post(
        f"/en/forum/post/{post.pk}/report/", {"reason": reason, "details": "Ad."}
    )


def test_a_member_reports_a_post_with_a_reason(client, member2, topic):
    post = topic.first_post
    response = _report(client, member2, post, reason="abuse")
    assert response.status_code == 302
    report = PostReport.objects.get()
    assert (report.reporter, report.reason, report.status) == (member2, "abuse", "open")


def test_a_report_needs_a_valid_reason(client, member2, topic):
    client.force_login(member2)
    response = client.post(
        f"/en/forum/post/{topic.first_post_id}/report/", {"reason": "<script>"}
    )
    assert response.status_code == 400
    assert not PostReport.objects.exists()


def test_members_cannot_report_their_own_posts_and_visitors_cannot_report(
    client, member, topic
):
    assert (
        client.get(f"/en/forum/post/{topic.first_post_id}/report/").status_code == 302
    )
    assert _report(client, member, topic.first_post).status_code == 403


def test_post_is_hidden_after_reports_from_different_members(
    client, settings, member2, member3, moderator, topic, reply_post
):
    settings.MMN_FORUM_REPORTS_TO_HIDE = 2
    post = reply_post
    _report(client, member3, post)
    _report(client, member3, post)  # the same member twice counts once
    post.refresh_from_db()
    assert post.approved
    assert PostReport.objects.count() == 1

    from tests import factories

    member4 = factories.make_user("member4@example.org", group="Members")
    _report(client, member4, post)
    post.refresh_from_db()
    assert not post.approved
    assert ModerationAction.objects.get().kind == "auto_hidden"

    client.logout()
    assert (
        b"With evening classes."
        not in client.get(f"/en/forum/topic/{topic.pk}/").content
    )

    # In the moderators' queue, with its reports.
    client.force_login(moderator)
    queue = client.get("/en/forum/moderation/").content.decode()
    assert "With evening classes." in queue
    assert "Spam or advertising" in queue

    # A moderator shows it again: the reports are dismissed and logged.
    client.post(
        f"/en/forum/post/{post.pk}/moderate/", {"action": "restore", "note": "OK"}
    )
    post.refresh_from_db()
    assert post.approved
    assert set(PostReport.objects.values_list("status", flat=True)) == {
        ReportStatus.DISMISSED
    }
    assert ModerationAction.objects.filter(
        kind="restored", moderator=moderator
    ).exists()


def test_hiding_the_first_post_hides_the_topic(
    client, member2, moderator, topic, forum
):
    client.force_login(moderator)
    client.post(f"/en/forum/post/{topic.first_post_id}/moderate/", {"action": "hide"})
    client.force_login(member2)
    assert client.get(f"/en/forum/topic/{topic.pk}/").status_code == 404
    assert b"Language courses" not in client.get(f"/en/forum/{forum.pk}/").content
    client.force_login(moderator)
    assert client.get(f"/en/forum/topic/{topic.pk}/").status_code == 200


def test_the_queue_is_for_moderators_only(client, member2):
    client.force_login(member2)
    assert client.get("/en/forum/moderation/").status_code == 403


def test_the_admin_shows_reports_and_the_log(
    client, settings, moderator, member2, topic
):
    settings.MMN_FORUM_REPORTS_TO_HIDE = 1
    _report(client, member2, topic.first_post)
    client.force_login(moderator)
    reports = client.get("/admin/forum/reports/")
    assert reports.status_code == 200
    assert "Spam or advertising" in reports.content.decode()
    log = client.get("/admin/forum/moderation-log/")
    assert "Hidden after reports" in log.content.decode()
    menu = client.get("/admin/").content.decode()
    assert "/en/forum/moderation/" in menu or "forum/moderation/" in menu
