"""What members do on a debate, with every rule checked in one place.

Views turn requests into calls of these functions; each function either does
its work or raises :class:`Refused` with a sentence that says why, so a
tampered form and an honest mistake both get an answer and change nothing.
Each change purges the page cache (the debate page and its index show it).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from mmn_plugins.core.cache import purge_page_cache
from mmn_plugins.core.membership import is_member
from mmn_plugins.core.sanitise import render_markdown

from . import settings as debate_settings
from .models import (
    DebateComment,
    DebatePage,
    Flag,
    Follow,
    HiddenReason,
    ModerationAction,
    ModerationLogEntry,
    Stance,
    Status,
    Support,
)


logger = logging.getLogger(__name__)


class Refused(Exception):
    """An action the rules do not allow; ``message`` tells the member why."""

    def __init__(self, message, status=400):
        super().__init__(str(message))
        self.message = message
        self.status = status


def ensure_member(user):
    if not is_member(user):
        raise Refused(_("Only members of the network take part in debates."), 403)


def ensure_open(debate):
    status = debate.status
    if status == Status.UPCOMING:
        raise Refused(_("This debate has not opened yet."), 403)
    if status == Status.CLOSED:
        raise Refused(_("This debate is closed; it is read only now."), 403)


def comment_of(debate, comment_id):
    """The comment ``comment_id`` if it belongs to ``debate``."""
    comment = DebateComment.objects.filter(pk=comment_id).first()
    if comment is None or comment.debate_key != debate.translation_key:
        raise Refused(_("This comment does not belong to this debate."), 404)
    return comment


def source_page_id(debate):
    """The oldest language version of a debate: what comments point to."""
    return (
        DebatePage.objects.filter(translation_key=debate.translation_key)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )


@transaction.atomic
def post_comment(debate, user, body, stance="", parent=None, ip_address=None):
    """Save a new argument (``parent`` None) or reply, and tell who wants to know."""
    ensure_member(user)
    ensure_open(debate)
    body = body.strip()
    _check_length(body)
    if parent is None:
        if stance not in Stance.values:
            raise Refused(_("Choose whether your argument is for, against or neutral."))
    else:
        if stance:
            raise Refused(_("A reply takes no stance; only arguments do."))
        if parent.debate_key != debate.translation_key:
            raise Refused(_("This comment does not belong to this debate."), 404)
        if not (parent.is_public and not parent.is_removed):
            raise Refused(_("This comment cannot be answered any more."), 403)
        depth = debate_settings.get("MMN_DEBATES_MAX_REPLY_DEPTH")
        if parent.level >= depth:
            raise Refused(
                _(
                    "Replies go at most %(depth)s levels below an argument; "
                    "reply to a comment higher up instead."
                )
                % {"depth": depth}
            )
    _check_not_duplicate(debate, user, body)

    pending = debate.pre_moderation and not debate.may_moderate(user)
    comment = build_comment(
        debate, user, body, stance, parent, pending=pending, ip_address=ip_address
    )
    comment.save()
    Follow.objects.get_or_create(
        debate_key=debate.translation_key,
        member=user,
        defaults={"language": comment.language},
    )
    logger.info(
        "Member %s posted comment %s in debate %s.", user.pk, comment.pk, debate.pk
    )
    purge_page_cache()
    if not pending:
        transaction.on_commit(lambda: _announce(debate, comment))
    return comment


def build_comment(
    debate, user, body, stance="", parent=None, pending=False, ip_address=None,
    submit_date=None, language=None,
):  # fmt: skip
    """An unsaved comment of ``user`` on ``debate``, keyed on its translations."""
    return DebateComment(
        content_type=ContentType.objects.get_for_model(DebatePage),
        object_pk=str(source_page_id(debate)),
        site_id=settings.SITE_ID,
        user=user,
        user_name=(user.get_full_name() or user.get_username())[:50],
        user_email=user.email,
        comment=body,
        body_html=str(render_markdown(body)),
        submit_date=submit_date or timezone.now(),
        ip_address=ip_address,
        is_public=not pending,
        hidden_reason=HiddenReason.PENDING if pending else HiddenReason.VISIBLE,
        debate_key=debate.translation_key,
        stance=stance if parent is None else "",
        language=language or debate.locale.language_code,
        parent_id=parent.pk if parent else 0,
    )


def _announce(debate, comment):
    from .notifications import announce_comment

    announce_comment(debate, comment)


def _check_length(body):
    limit = debate_settings.get("MMN_DEBATES_COMMENT_MAX_LENGTH")
    if not body:
        raise Refused(_("Write something before you send it."))
    if len(body) > limit:
        raise Refused(
            _(
                "A comment may be at most %(limit)s characters long; "
                "this one has %(length)s."
            )
            % {"limit": limit, "length": len(body)}
        )


def _check_not_duplicate(debate, user, body):
    window = debate_settings.get("MMN_DEBATES_DUPLICATE_WINDOW_SECONDS")
    last = (
        DebateComment.objects.filter(
            user=user, submit_date__gte=timezone.now() - timedelta(seconds=window)
        )
        .order_by("-submit_date", "-pk")
        .values_list("comment", flat=True)
        .first()
    )
    if last is not None and last.strip() == body:
        raise Refused(
            _("You have just posted this same comment; it is not posted twice."), 409
        )


def may_edit(comment, user, now=None):
    """Whether ``user`` may still change ``comment`` (theirs, no reply, in time)."""
    if not user.is_authenticated or comment.user_id != user.pk:
        return False
    if comment.nested_count or comment.is_removed:
        return False
    window = timedelta(seconds=debate_settings.get("MMN_DEBATES_EDIT_WINDOW_SECONDS"))
    return (now or timezone.now()) < comment.submit_date + window


def edit_comment(debate, comment, user, body):
    ensure_member(user)
    ensure_open(debate)
    if comment.user_id != user.pk:
        raise Refused(_("Members may only edit their own comments."), 403)
    if comment.nested_count:
        raise Refused(
            _("Someone has replied to this comment; it can no longer change."), 403
        )
    if not may_edit(comment, user):
        raise Refused(_("The time to edit this comment has passed."), 403)
    body = body.strip()
    _check_length(body)
    now = timezone.now()
    html = str(render_markdown(body))
    DebateComment.objects.filter(pk=comment.pk).update(
        comment=body, body_html=html, edited_at=now
    )
    comment.comment, comment.body_html, comment.edited_at = body, html, now
    purge_page_cache()
    return comment


def set_support(debate, comment, user, supported):
    """Support ``comment`` (or withdraw the support); one per member."""
    ensure_member(user)
    ensure_open(debate)
    if comment.user_id == user.pk:
        raise Refused(_("You cannot support your own comment."), 403)
    if not (comment.is_public and not comment.is_removed):
        raise Refused(_("This comment cannot be supported."), 403)
    with transaction.atomic():
        if supported:
            try:
                with transaction.atomic():
                    Support.objects.create(comment=comment, member=user)
            except IntegrityError:
                return False  # Already supported: nothing changes.
            change = 1
        else:
            deleted, _rows = Support.objects.filter(
                comment=comment, member=user
            ).delete()
            if not deleted:
                return False
            change = -1
        DebateComment.objects.filter(pk=comment.pk).update(
            support_count=F("support_count") + change
        )
    purge_page_cache()
    return True


def flag_comment(debate, comment, user, reason, note=""):
    """Record a member's flag; enough flags hide the comment pending review."""
    ensure_member(user)
    if comment.user_id == user.pk:
        raise Refused(_("You cannot flag your own comment."), 403)
    if comment.is_removed:
        raise Refused(_("This comment has already been removed."), 403)
    with transaction.atomic():
        flag, created = Flag.objects.get_or_create(
            comment=comment,
            member=user,
            defaults={"reason": reason, "note": note},
        )
        if not created:
            raise Refused(_("You have already flagged this comment."), 409)
        open_flags = (
            Flag.objects.filter(comment=comment, resolved_at=None)
            .values("member")
            .distinct()
            .count()
        )
        threshold = debate_settings.get("MMN_DEBATES_FLAGS_TO_HIDE")
        if open_flags >= threshold and comment.is_public:
            hidden = DebateComment.objects.filter(pk=comment.pk, is_public=True).update(
                is_public=False, hidden_reason=HiddenReason.FLAGGED
            )
            if hidden:
                log_action(
                    comment, None, ModerationAction.AUTO_HIDE,
                    _("%(count)s members flagged it.") % {"count": open_flags},
                )  # fmt: skip
                logger.info("Comment %s hidden after %s flags.", comment.pk, open_flags)
    purge_page_cache()
    return flag


def set_following(debate, user, follow):
    ensure_member(user)
    if follow:
        Follow.objects.get_or_create(
            debate_key=debate.translation_key,
            member=user,
            defaults={"language": debate.locale.language_code},
        )
    else:
        Follow.objects.filter(debate_key=debate.translation_key, member=user).delete()


def is_following(debate, user):
    if not user.is_authenticated:
        return False
    return Follow.objects.filter(
        debate_key=debate.translation_key, member=user
    ).exists()


def log_action(comment, actor, action, note="", debate_key=None):
    ModerationLogEntry.objects.create(
        debate_key=debate_key or comment.debate_key,
        comment=comment,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        note=str(note),
    )


def current_language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
