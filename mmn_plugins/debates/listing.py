"""The debate index: open debates, then upcoming ones, then closed ones."""

from django.utils import timezone

from .models import DebateOutcome, DebatePage, Status, stance_counts


def debates_by_status(index):
    """``[(status, label, [debate, ...]), ...]`` for the debates below ``index``.

    Each debate carries ``counts`` (arguments per stance, replies, latest
    activity). Three queries whatever the number of debates.
    """
    debates = list(DebatePage.objects.child_of(index).live().public().specific())
    keys = [debate.translation_key for debate in debates]
    outcomes = {
        outcome.debate_key: outcome
        for outcome in DebateOutcome.objects.filter(debate_key__in=keys)
    }
    counts = stance_counts(keys)
    now = timezone.now()
    groups = {status: [] for status in Status.values}
    for debate in debates:
        debate.__dict__["outcome"] = outcomes.get(debate.translation_key)
        debate.current_status = debate.status_at(now, debate.outcome or False)
        debate.counts = counts.get(debate.translation_key, {})
        groups[debate.current_status].append(debate)

    groups[Status.OPEN].sort(key=lambda debate: debate.closes_at)
    groups[Status.UPCOMING].sort(key=lambda debate: debate.opens_at)
    groups[Status.CLOSED].sort(key=lambda debate: debate.closes_at, reverse=True)
    order = [Status.OPEN, Status.UPCOMING, Status.CLOSED]
    return [(status, Status(status).label, groups[status]) for status in order]
