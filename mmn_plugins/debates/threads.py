"""A debate's comments as the page shows them: one column per stance.

Everything is read in a fixed number of queries whatever the number of
comments: the comments with their authors, the reader's supports, and the
authors' summaries from the ``PERSON_SUMMARIES`` meeting point. Bodies come
already rendered (see ``DebateComment.body_html``).
"""

from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import ngettext

from mmn_plugins.core.registry import person_summaries

from .models import DebateComment, HiddenReason, Stance, Support
from .participation import may_edit


SORTS = ("supported", "newest")


@dataclass
class Column:
    stance: str
    label: str
    sort: str
    threads: list = field(default_factory=list)

    @property
    def sort_parameter(self):
        return f"sort_{self.stance}"

    @property
    def argument_count(self):
        return len(self.threads)


def sort_for(request, stance):
    value = request.GET.get(f"sort_{stance}", "")
    return value if value in SORTS else SORTS[0]


def debate_columns(debate, request, now=None):
    """The three stance columns, each a list of threads (a list of comments).

    A thread starts with its argument, then the replies in reading order.
    Hidden, waiting and removed comments are left out with every reply below
    them, except that authors see their own comments that wait for approval.
    """
    user = request.user
    comments = list(
        DebateComment.debate_objects.filter(debate_key=debate.translation_key)
        .select_related("user")
        .order_by("thread_id", "order")
    )
    visible = _visible(comments, user)
    _attach_authors(visible)
    prepare_comments(visible, debate.get_url(request))
    _attach_reader_state(visible, user, now)

    threads = {}
    for comment in visible:
        threads.setdefault(comment.thread_id, []).append(comment)
    columns = [
        Column(stance, label, sort_for(request, stance))
        for stance, label in Stance.choices
    ]
    by_stance = {column.stance: column for column in columns}
    for thread in threads.values():
        column = by_stance.get(thread[0].stance)
        if column is not None:
            column.threads.append(thread)
    for column in columns:
        column.threads.sort(key=_thread_key(column.sort))
    return columns


def _thread_key(sort):
    if sort == "newest":
        return lambda thread: (-thread[0].submit_date.timestamp(), -thread[0].pk)
    return lambda thread: (
        -thread[0].support_count,
        -thread[0].submit_date.timestamp(),
        -thread[0].pk,
    )


def _visible(comments, user):
    """Comments to show in thread order, skipping whatever is below a hidden one."""
    shown = []
    hidden_below = None  # Level of the hidden comment whose replies are skipped.
    for comment in comments:
        if hidden_below is not None:
            if comment.level > hidden_below:
                continue
            hidden_below = None
        if (
            comment.is_public
            and not comment.is_removed
            or (
                comment.hidden_reason == HiddenReason.PENDING
                and user.is_authenticated
                and comment.user_id == user.pk
            )
        ):
            shown.append(comment)
        else:
            hidden_below = comment.level
    return shown


def _attach_authors(comments):
    summaries = person_summaries(comment.user for comment in comments)
    for comment in comments:
        comment.author = summaries.get(comment.user_id)


def _attach_labels(comments):
    """Dates and counts in words, worked out once per day and per count.

    A long debate shows the same few days and support counts many times; the
    localised day is formatted once per day, not once per comment.
    """
    days, supports = {}, {}
    for comment in comments:
        moment = timezone.localtime(comment.submit_date)
        day = moment.date()
        if day not in days:
            days[day] = formats.date_format(day, "DATE_FORMAT")
        comment.date_iso = moment.isoformat()
        comment.date_label = f"{days[day]} {moment:%H:%M}"
        count = comment.support_count
        if count not in supports:
            supports[count] = ngettext(
                "%(count)s support", "%(count)s supports", count
            ) % {"count": count}
        comment.support_label = supports[count]


def prepare_comments(comments, base_url):
    """Give each comment what its template prints: dates, counts, links."""
    _attach_labels(comments)
    _attach_links(comments, base_url)


def _attach_links(comments, base_url):
    """Each comment's anchor, classes and action URLs, as plain strings.

    Built here rather than in the template: a template localises every number
    it prints, which for a thousand comments costs more than the rest.
    """
    for comment in comments:
        pk = str(comment.pk)
        comment.anchor = f"c{pk}"
        comment.css_class = f"debate-comment debate-comment--level-{comment.level}"
        if comment.is_waiting:
            comment.css_class += " debate-comment--waiting"
        comment.reply_url = f"{base_url}reply/{pk}/"
        comment.edit_url = f"{base_url}edit/{pk}/"
        comment.flag_url = f"{base_url}flag/{pk}/"
        comment.support_url = f"{base_url}support/{pk}/"


def _attach_reader_state(comments, user, now):
    supported = set()
    if user.is_authenticated and comments:
        supported = set(
            Support.objects.filter(
                member=user, comment__debate_key=comments[0].debate_key
            ).values_list("comment_id", flat=True)
        )
    for comment in comments:
        comment.is_supported = comment.pk in supported
        comment.is_own = user.is_authenticated and comment.user_id == user.pk
        comment.may_edit = may_edit(comment, user, now)
