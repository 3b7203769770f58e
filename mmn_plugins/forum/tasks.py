"""Background work of the forum: telling subscribers about new posts."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from machina.core.db.models import get_model
from wagtail.models import Site

from mmn_plugins.core.notifications import send_templated_email
from mmn_plugins.core.registry import person_summaries

from . import permissions
from .models import ForumSubscription, TopicSubscription
from .names import localised_names


logger = logging.getLogger(__name__)

Post = get_model("forum_conversation", "Post")


def site_root_url():
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def recipients_of(post):
    """(user, language) pairs to tell about ``post``: its topic's and forum's
    subscribers who may still read the forum, never its author."""
    topic = post.topic
    languages = {}
    forum_rows = ForumSubscription.objects.filter(forum_id=topic.forum_id)
    topic_rows = TopicSubscription.objects.filter(topic=topic)
    # A topic subscription is the more specific choice: its language wins.
    for row in [*forum_rows, *topic_rows]:
        languages[row.user_id] = row.language
    languages.pop(post.poster_id, None)
    users = (
        get_user_model()
        .objects.filter(pk__in=languages, is_active=True)
        .exclude(email="")
    )
    readers = []
    for user in users:
        if permissions.can_read(permissions._FakeRequest(user), topic.forum):
            readers.append((user, languages[user.pk]))
    return readers


@task()
def notify_subscribers(post_id):
    """E-mail each subscriber about a new post, in the language they chose."""
    post = (
        Post.objects.select_related("topic__forum", "poster")
        .filter(pk=post_id, approved=True)
        .first()
    )
    if post is None:
        return 0
    sent = 0
    root = site_root_url()
    author = person_summaries([post.poster])[post.poster_id].name
    for user, language in recipients_of(post):
        with translation.override(language):
            path = reverse("mmn_forum:post", kwargs={"pk": post.pk})
            forum_name = localised_names([post.topic.forum], language)[
                post.topic.forum_id
            ].name
        send_templated_email(
            "mmn_forum/emails/new_post",
            {
                "post": post,
                "author": author,
                "topic": post.topic,
                "forum_name": forum_name,
                "url": f"{root}{path}",
                "is_new_topic": post.topic.first_post_id == post.pk,
            },
            recipients=[user.email],
            language=language,
        )
        sent += 1
    logger.info("Told %d subscriber(s) about forum post %s.", sent, post_id)
    return sent
