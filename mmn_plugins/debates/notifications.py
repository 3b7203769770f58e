"""E-mails to members, each in the language they use on the debate.

A member's language is the one they wrote their comment in (for replies and
conclusions) or the one of the page where they followed the debate. Each
message goes to one recipient: nobody learns who else follows a debate.
Links are absolute, on the Wagtail site's own domain (``Page.get_full_url``).
"""

import logging

from django.contrib.auth import get_user_model
from django.utils.text import Truncator

from mmn_plugins.core.notifications import send_templated_email

from .models import DebateComment, Follow


logger = logging.getLogger(__name__)


def comment_link(debate, language, comment=None):
    page = debate.translation_in(language)
    url = page.get_full_url() or ""
    return f"{url}#c{comment.pk}" if comment is not None else url


def announce_comment(debate, comment):
    """Tell the parent's author of a reply, or the followers of a new argument."""
    if comment.level > 0:
        _tell_parent_author(debate, comment)
    else:
        _tell_followers(debate, comment)


def _tell_parent_author(debate, reply):
    parent = DebateComment.objects.filter(pk=reply.parent_id).first()
    author = parent.user if parent is not None else None
    if author is None or author.pk == reply.user_id or not author.email:
        return
    language = parent.language or debate.locale.language_code
    send_templated_email(
        "mmn_debates/emails/reply",
        _context(debate, reply, language, author),
        [author.email],
        language=language,
    )


def _tell_followers(debate, argument):
    follows = (
        Follow.objects.filter(debate_key=debate.translation_key)
        .exclude(member_id=argument.user_id)
        .select_related("member")
    )
    for follow in follows:
        member = follow.member
        if not member.email or not member.is_active:
            continue
        language = follow.language or debate.locale.language_code
        send_templated_email(
            "mmn_debates/emails/new_argument",
            _context(debate, argument, language, member),
            [member.email],
            language=language,
        )


def announce_conclusion(debate, outcome):
    """Tell everyone who took part that the debate has a conclusion."""
    languages = {}
    comments = (
        DebateComment.objects.filter(debate_key=debate.translation_key)
        .exclude(user=None)
        .order_by("submit_date")
        .values_list("user_id", "language")
    )
    for user_id, language in comments:
        languages[user_id] = language  # The latest comment's language wins.
    for member in get_user_model().objects.filter(pk__in=languages, is_active=True):
        if not member.email:
            continue
        language = languages[member.pk] or debate.locale.language_code
        page = debate.translation_in(language)
        send_templated_email(
            "mmn_debates/emails/conclusion",
            {
                "debate": page,
                "outcome": outcome,
                "member": member,
                "url": comment_link(debate, language),
            },
            [member.email],
            language=language,
        )
    logger.info(
        "Told %d participants of debate %s about its conclusion.",
        len(languages),
        debate.pk,
    )


def _context(debate, comment, language, recipient):
    return {
        "debate": debate.translation_in(language),
        "comment": comment,
        "excerpt": Truncator(comment.comment).chars(400),
        "author_name": comment.user_name,
        "member": recipient,
        "url": comment_link(debate, language, comment),
    }
