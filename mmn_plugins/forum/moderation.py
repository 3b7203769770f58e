"""Reports, hiding and the moderation log.

A member reports a post with a reason; the report waits in the moderators'
queue. When ``MMN_FORUM_REPORTS_TO_HIDE`` different members have reported
the same post, it is hidden (machina's ``approved`` flag off) until a
moderator either upholds the reports (it stays hidden) or dismisses them (it
shows again). Every decision is written to the moderation log.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from mmn_plugins.core.cache import purge_page_cache

from . import settings as forum_settings
from .models import ModerationAction, ModerationActionKind, PostReport, ReportStatus
from .search import reindex_topic_posts


logger = logging.getLogger(__name__)


def _log(kind, post, moderator=None, note=""):
    return ModerationAction.objects.create(
        kind=kind,
        post=post,
        topic=post.topic,
        topic_subject=post.topic.subject,
        moderator=moderator,
        note=note,
    )


def _set_visible(post, visible):
    post.approved = visible
    # machina recounts the topic and the forum, and hides a topic whose first
    # post is hidden.
    post.save()
    if post.topic.first_post_id == post.pk:
        reindex_topic_posts(post.topic, except_post=post)
    purge_page_cache()


@transaction.atomic
def report_post(post, reporter, reason, details=""):
    """Record ``reporter``'s report; hide the post once enough members agree.

    Returns the report, or None when this member had already reported it.
    """
    try:
        with transaction.atomic():
            report = PostReport.objects.create(
                post=post, reporter=reporter, reason=reason, details=details
            )
    except IntegrityError:
        return None
    logger.info("Member %s reported forum post %s (%s).", reporter.pk, post.pk, reason)
    threshold = forum_settings.get("MMN_FORUM_REPORTS_TO_HIDE")
    reporters = (
        PostReport.objects.open()
        .filter(post=post)
        .values("reporter")
        .distinct()
        .count()
    )
    if post.approved and threshold and reporters >= threshold:
        _set_visible(post, False)
        _log(
            ModerationActionKind.AUTO_HIDDEN,
            post,
            note=f"{reporters} reports",
        )
        logger.warning("Forum post %s hidden after %d reports.", post.pk, reporters)
    return report


def _close_reports(post, status, moderator):
    return (
        PostReport.objects.open()
        .filter(post=post)
        .update(status=status, reviewed_by=moderator, reviewed_at=timezone.now())
    )


@transaction.atomic
def hide_post(post, moderator, note=""):
    """Hide ``post`` and uphold its open reports."""
    _close_reports(post, ReportStatus.UPHELD, moderator)
    if post.approved:
        _set_visible(post, False)
    _log(ModerationActionKind.HIDDEN, post, moderator, note)


@transaction.atomic
def restore_post(post, moderator, note=""):
    """Show ``post`` again and dismiss its open reports."""
    dismissed = _close_reports(post, ReportStatus.DISMISSED, moderator)
    was_hidden = not post.approved
    if was_hidden:
        _set_visible(post, True)
    kind = ModerationActionKind.DISMISSED
    if was_hidden:
        kind = ModerationActionKind.RESTORED
    if was_hidden or dismissed:
        _log(kind, post, moderator, note)


@transaction.atomic
def set_locked(topic, moderator, locked):
    topic.status = topic.TOPIC_LOCKED if locked else topic.TOPIC_UNLOCKED
    topic._simple_save()
    ModerationAction.objects.create(
        kind=ModerationActionKind.LOCKED if locked else ModerationActionKind.UNLOCKED,
        topic=topic,
        topic_subject=topic.subject,
        moderator=moderator,
    )
    purge_page_cache()
