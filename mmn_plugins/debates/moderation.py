"""Moderators' decisions on comments and debates, each written to the log.

The admin's moderation queue and a debate's own moderators call these; every
function records a :class:`~.models.ModerationLogEntry` and purges the page
cache, so readers see the decision at once.
"""

import logging

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mmn_plugins.core.cache import purge_page_cache

from .models import (
    DebateComment,
    DebateOutcome,
    Flag,
    HiddenReason,
    ModerationAction,
    Stance,
)
from .participation import Refused, log_action


logger = logging.getLogger(__name__)


@transaction.atomic
def approve(comment, moderator, note=""):
    """Publish a comment that waited for approval, or restore a hidden one."""
    was_pending = comment.hidden_reason == HiddenReason.PENDING
    _set_visibility(comment, is_public=True, reason=HiddenReason.VISIBLE)
    _resolve_flags(comment)
    action = ModerationAction.APPROVE if was_pending else ModerationAction.RESTORE
    log_action(comment, moderator, action, note)
    if was_pending:
        from .models import DebatePage
        from .notifications import announce_comment

        debate = DebatePage.objects.filter(pk=comment.object_pk).first()
        if debate is not None:
            transaction.on_commit(lambda: announce_comment(debate, comment))


restore = approve


@transaction.atomic
def hide(comment, moderator, note=""):
    _set_visibility(comment, is_public=False, reason=HiddenReason.MODERATOR)
    _resolve_flags(comment)
    log_action(comment, moderator, ModerationAction.HIDE, note)


@transaction.atomic
def delete(comment, moderator, note=""):
    """Remove a comment for good; its replies keep their place in the thread."""
    DebateComment.objects.filter(pk=comment.pk).update(
        is_removed=True, is_public=False, hidden_reason=HiddenReason.MODERATOR
    )
    comment.is_removed, comment.is_public = True, False
    _resolve_flags(comment)
    log_action(comment, moderator, ModerationAction.DELETE, note)
    purge_page_cache()


@transaction.atomic
def dismiss_flags(comment, moderator, note=""):
    _resolve_flags(comment)
    log_action(comment, moderator, ModerationAction.DISMISS_FLAGS, note)
    purge_page_cache()


def _set_visibility(comment, is_public, reason):
    # QuerySet.update, not save(): see DebateComment's docstring.
    DebateComment.objects.filter(pk=comment.pk).update(
        is_public=is_public, is_removed=False, hidden_reason=reason
    )
    comment.is_public, comment.is_removed, comment.hidden_reason = (
        is_public,
        False,
        reason,
    )
    purge_page_cache()


def _resolve_flags(comment):
    Flag.objects.filter(comment=comment, resolved_at=None).update(
        resolved_at=timezone.now()
    )


def close_debate(debate, moderator, conclusion, language):
    """Close ``debate`` with a moderator's ``conclusion`` and freeze its counts."""
    if not debate.may_moderate(moderator):
        raise Refused(_("Only this debate's moderators may close it."), 403)
    conclusion = (conclusion or "").strip()
    if not conclusion:
        raise Refused(_("Write the conclusion before you close the debate."))
    if debate.outcome is not None:
        raise Refused(_("This debate is already closed."), 409)
    counts = final_counts(debate.translation_key)
    with transaction.atomic():
        outcome, created = DebateOutcome.objects.get_or_create(
            debate_key=debate.translation_key,
            defaults={
                "conclusion": conclusion,
                "language": language,
                "concluded_by": moderator,
                **counts,
            },
        )
        if not created:
            raise Refused(_("This debate is already closed."), 409)
        log_action(
            None, moderator, ModerationAction.CLOSE, conclusion[:200],
            debate_key=debate.translation_key,
        )  # fmt: skip
    debate.__dict__["outcome"] = outcome
    logger.info("Moderator %s closed debate %s.", moderator.pk, debate.pk)
    purge_page_cache()

    from .notifications import announce_conclusion

    transaction.on_commit(lambda: announce_conclusion(debate, outcome))
    return outcome


def final_counts(debate_key):
    """The counts a closed debate keeps: arguments per stance, replies, people."""
    shown = DebateComment.debate_objects.shown().filter(debate_key=debate_key)
    return shown.aggregate(
        for_count=Count("pk", filter=Q(level=0, stance=Stance.FOR)),
        against_count=Count("pk", filter=Q(level=0, stance=Stance.AGAINST)),
        neutral_count=Count("pk", filter=Q(level=0, stance=Stance.NEUTRAL)),
        reply_count=Count("pk", filter=Q(level__gt=0)),
        participant_count=Count("user", distinct=True),
    )
