"""Writing to the forum: new topics and replies, with their attachments.

Views call these once the form is valid and the permission checked; the
subscribers hear of the new post once the transaction has committed.
"""

import logging

from django.db import transaction
from machina.core.db.models import get_model

from . import settings as forum_settings
from .attachments import clean_filename
from .models import PostAttachment, TopicSubscription
from .search import reindex_topic_posts


logger = logging.getLogger(__name__)

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


def _reply_subject(topic):
    return f"Re: {topic.subject}"[:255]


@transaction.atomic
def start_topic(forum, user, subject, content, files=(), language="en"):
    """Create a topic with its first post; its author follows it."""
    topic = Topic.objects.create(
        forum=forum, poster=user, subject=subject, type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED, approved=True,
    )  # fmt: skip
    post = Post.objects.create(
        topic=topic, poster=user, subject=subject, content=content, approved=True
    )
    _attach(post, files)
    TopicSubscription.objects.get_or_create(
        user=user, topic=topic, defaults={"language": language}
    )
    logger.info("Member %s started topic %s in forum %s.", user.pk, topic.pk, forum.pk)
    _notify_after_commit(post)
    return topic


@transaction.atomic
def reply(topic, user, content, files=()):
    post = Post.objects.create(
        topic=topic,
        poster=user,
        subject=_reply_subject(topic),
        content=content,
        approved=True,
    )
    _attach(post, files)
    logger.info("Member %s replied in topic %s.", user.pk, topic.pk)
    _notify_after_commit(post)
    return post


def _attach(post, files):
    for uploaded in files[: forum_settings.get("MMN_FORUM_ATTACHMENTS_PER_POST")]:
        PostAttachment.objects.create(
            post=post,
            file=uploaded,
            filename=clean_filename(uploaded.name),
            size=uploaded.size,
        )


def _notify_after_commit(post):
    from .tasks import notify_subscribers

    post_id = post.pk
    transaction.on_commit(lambda: notify_subscribers.enqueue(post_id=post_id))


@transaction.atomic
def edit(post, user, cleaned_data):
    """Save a corrected post; a first post also renames its topic."""
    post.content = cleaned_data["content"]
    post.updates_count += 1
    post.updated_by = user
    subject = cleaned_data.get("subject")
    renames_topic = (
        subject
        and post.topic.first_post_id == post.pk
        and subject != post.topic.subject
    )
    if renames_topic:
        post.subject = subject
    post.save()
    if renames_topic:
        reindex_topic_posts(post.topic, except_post=post)
    logger.info("Member %s edited forum post %s.", user.pk, post.pk)
    return post
