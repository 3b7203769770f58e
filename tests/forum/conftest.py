"""Builders for the forum's tests: a forum tree, its permissions, posts."""

import pytest
from django.contrib.auth.models import Group
from machina.core.db.models import get_model

from mmn_plugins.forum import permissions
from mmn_plugins.forum.posting import reply, start_topic
from tests import factories


Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_attachment_folder(settings, tmp_path):
    settings.MMN_FORUM_ATTACHMENTS_ROOT = str(tmp_path / "forum-attachments")
    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    # Tests that post a lot are not about rate limits; those that are set them.
    settings.MMN_FORUM_POST_RATE = "1000/m"
    settings.MMN_FORUM_NEW_MEMBER_POST_RATE = "1000/m"


@pytest.fixture
def forum_permissions(db):
    return permissions.install_default_permissions()


@pytest.fixture
def category(forum_permissions):
    return Forum.objects.create(name="Themes", type=Forum.FORUM_CAT)


@pytest.fixture
def forum(category):
    return Forum.objects.create(
        name="Education", description="Schools and courses.", parent=category,
        type=Forum.FORUM_POST,
    )  # fmt: skip


@pytest.fixture
def working_group(db):
    return Group.objects.create(name="Working group: Labour")


@pytest.fixture
def private_forum(category, working_group):
    private = Forum.objects.create(
        name="Labour working group", parent=category, type=Forum.FORUM_POST
    )
    permissions.make_private(private, [working_group])
    return private


@pytest.fixture
def member2(db):
    return factories.make_user("member2@example.org", group="Members")


@pytest.fixture
def member3(db):
    return factories.make_user("member3@example.org", group="Members")


@pytest.fixture
def outsider(db):
    """Signed in, but in no member organisation: reads like a visitor."""
    return factories.make_user("outsider@example.org")


@pytest.fixture
def topic(forum, member):
    return start_topic(forum, member, "Language courses", "How do you *teach*?")


@pytest.fixture
def reply_post(topic, member2):
    return reply(topic, member2, "With evening classes.")


def make_topic_with_replies(forum, author, count, subject="A long talk"):
    topic = start_topic(forum, author, subject, "First post.")
    for number in range(count):
        reply(topic, author, f"Reply {number}.")
    return topic
