"""Starting topics and replying: the flow, limits, and hostile input."""

import datetime

import pytest
from django.utils import timezone
from machina.core.db.models import get_model

from tests.core.markup import assert_no_live_markup
from tests.forum.test_bad_inputs import main_html


Topic = get_model("forum_conversation", "Topic")


def test_a_member_starts_a_topic_and_another_replies(client, member, member2, forum):
    client.force_login(member)
    response = client.post(
        f"/en/forum/{forum.pk}/new/",
        {"subject": "Evening classes", "content": "Do they work for **parents**?"},
    )
    topic = Topic.objects.get(subject="Evening classes")
    assert response["Location"] == f"/en/forum/topic/{topic.pk}/"

    client.force_login(member2)
    response = client.post(
        f"/en/forum/topic/{topic.pk}/reply/", {"content": "Yes, with childcare."}
    )
    assert response.status_code == 302
    page = client.get(response["Location"], follow=True).content.decode()
    assert "<strong>parents</strong>" in page
    assert "Yes, with childcare." in page
    topic.refresh_from_db()
    assert topic.posts_count == 2
    forum.refresh_from_db()
    assert forum.direct_posts_count == 2


def test_a_post_redirect_finds_the_right_page(client, settings, forum, member):
    settings.MMN_FORUM_POSTS_PER_PAGE = 2
    from tests.forum.conftest import make_topic_with_replies

    topic = make_topic_with_replies(forum, member, 4)
    last = topic.posts.order_by("-created", "-pk").first()
    response = client.get(f"/en/forum/post/{last.pk}/")
    assert response["Location"] == f"/en/forum/topic/{topic.pk}/?page=3#post-{last.pk}"


def test_the_length_limit_is_a_form_error(client, settings, member, forum):
    settings.MMN_FORUM_POST_MAX_LENGTH = 100
    client.force_login(member)
    response = client.post(
        f"/en/forum/{forum.pk}/new/", {"subject": "Long", "content": "x" * 101}
    )
    assert response.status_code == 400
    assert "at most 100 characters" in response.content.decode()
    assert not Topic.objects.filter(subject="Long").exists()


def test_blank_subject_or_message_is_refused(client, member, forum):
    client.force_login(member)
    response = client.post(
        f"/en/forum/{forum.pk}/new/", {"subject": "   ", "content": " \n "}
    )
    assert response.status_code == 400
    assert Topic.objects.count() == 0


@pytest.mark.parametrize(
    ("days_old", "allowed"), [(30, 10), (1, 3)], ids=["member", "new member"]
)
def test_posting_is_rate_limited_and_stricter_for_new_members(
    client, settings, member, forum, topic, days_old, allowed
):
    settings.MMN_FORUM_POST_RATE = "10/h"
    settings.MMN_FORUM_NEW_MEMBER_POST_RATE = "3/h"
    member.date_joined = timezone.now() - datetime.timedelta(days=days_old)
    member.save()
    client.force_login(member)
    statuses = [
        client.post(
            f"/en/forum/topic/{topic.pk}/reply/", {"content": f"Reply {n}"}
        ).status_code
        for n in range(allowed + 1)
    ]
    assert statuses == [302] * allowed + [429]
    refused = client.post(f"/en/forum/topic/{topic.pk}/reply/", {"content": "Kept?"})
    assert "Kept?" in refused.content.decode()  # what they wrote is not lost
    assert topic.posts.count() == 1 + allowed


def test_the_honeypot_refuses_bots(client, member, forum):
    client.force_login(member)
    response = client.post(
        f"/en/forum/{forum.pk}/new/",
        {"subject": "Buy", "content": "Cheap", "website_url": "http://spam.test"},
    )
    assert response.status_code == 400
    assert Topic.objects.count() == 0


def test_posts_carry_dir_auto_and_no_live_markup(client, member, forum):
    client.force_login(member)
    client.post(
        f"/en/forum/{forum.pk}/new/",
        {
            "subject": "<b>bold</b>",
            "content": "<script>alert(1)</script>[x](javascript:alert(1))",
        },
    )
    topic = Topic.objects.get()
    html = client.get(f"/en/forum/topic/{topic.pk}/").content.decode()
    assert 'class="forum-post__body user-content" dir="auto"' in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    body = main_html(html, ".forum-post__body > *")
    assert_no_live_markup(body)


def test_authors_edit_their_posts_and_others_cannot(client, member, member2, topic):
    post = topic.first_post
    client.force_login(member2)
    assert client.get(f"/en/forum/post/{post.pk}/edit/").status_code == 403

    client.force_login(member)
    page = client.get(f"/en/forum/topic/{topic.pk}/").content.decode()
    assert f"/en/forum/post/{post.pk}/edit/" in page
    response = client.post(
        f"/en/forum/post/{post.pk}/edit/",
        {"subject": "Language courses for adults", "content": "Updated *text*."},
    )
    assert response.status_code == 302
    post.refresh_from_db()
    topic.refresh_from_db()
    assert post.content.raw == "Updated *text*."
    assert topic.subject == "Language courses for adults"
    assert post.updates_count == 1
