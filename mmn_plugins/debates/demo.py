"""The debates' part of the demo network (run by ``manage.py load_demo``).

A debate index at ``/<language>/debates/`` in every language of the demo, and
five debates in English, French and Arabic: two open, one upcoming and two
closed with a conclusion, with arguments and replies from demo members
written in several languages. Debates are found again by slug, and a debate
that already has comments gets no more, so a second run changes nothing.
"""

import json
import logging
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from mmn_plugins.core import settings as core_settings

from .models import (
    DebateComment,
    DebateIndexPage,
    DebateOutcome,
    DebatePage,
    Support,
)
from .moderation import final_counts
from .participation import build_comment


logger = logging.getLogger(__name__)


# Demo members besides the site's own demo accounts, each writing in a language.
DEMO_DEBATERS = [
    ("leila", "Leila", "Mansour"),
    ("nikos", "Nikos", "Georgiou"),
    ("giulia", "Giulia", "Romano"),
    ("javier", "Javier", "Ortega"),
]
DEBATER_NAMES = ["member", "member2", *(name for name, _first, _last in DEMO_DEBATERS)]

# The debates' texts, in demo.json: for each, its slug, when it opened (days
# from now), how many days it lasts, its titles and questions by language,
# its arguments [author, language, stance, text, replies] where each reply is
# [author, language, text, replies], and for a closed debate its conclusion
# [language, text].
DEMO_CONTENT = Path(__file__).resolve().parent / "demo.json"


def load_content():
    return json.loads(DEMO_CONTENT.read_text(encoding="utf-8"))


def build_debates(demo):
    content = load_content()
    members = ensure_debaters(demo)
    indexes = ensure_indexes(demo.home_pages, content["index_titles"])
    for spec in content["debates"]:
        debate = ensure_debate(indexes, spec)
        if not debate.comments().exists():
            add_comments(debate, spec, members)
        if "conclusion" in spec:
            ensure_outcome(debate, spec, demo.users.get("moderator"))
    demo.log(
        f"Debates ready: {len(content['debates'])} debates in {len(indexes)} languages."
    )


def ensure_debaters(demo):
    """The demo's own member accounts and four more, keyed by a short name."""
    members = dict(demo.users)
    group = Group.objects.filter(
        name=core_settings.get("MMN_CORE_MEMBER_GROUP")
    ).first()
    User = get_user_model()
    for username, first_name, last_name in DEMO_DEBATERS:
        email = f"{username}@mmn.example.org"
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": email, "first_name": first_name, "last_name": last_name},
        )
        if created:
            user.set_password(demo.password)
            user.save()
        if group is not None:
            user.groups.add(group)
        _verify_address(user, email)
        members[username] = user
    return members


def _verify_address(user, email):
    # allauth, when the site has it, lets only verified addresses log in.
    if not apps.is_installed("allauth.account"):
        return
    EmailAddress = apps.get_model("account", "EmailAddress")
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )


def ensure_indexes(home_pages, titles):
    home = home_pages["en"]
    index = DebateIndexPage.objects.child_of(home).filter(slug="debates").first()
    if index is None:
        title, introduction = titles["en"]
        index = DebateIndexPage(title=title, slug="debates", introduction=introduction)
        home.add_child(instance=index)
        index.save_revision().publish()
    indexes = {"en": index}
    for code in home_pages:
        if code == "en" or code not in titles:
            continue
        locale = Locale.objects.get(language_code=code)
        translation = index.get_translation_or_none(locale)
        if translation is None:
            translation = index.copy_for_translation(locale, copy_parents=True)
            translation.title, translation.introduction = titles[code]
            translation.save_revision().publish()
        indexes[code] = translation
    return indexes


def ensure_debate(indexes, spec):
    index = indexes["en"]
    debate = DebatePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if debate is None:
        opens_at = _midday(spec["opened"])
        debate = DebatePage(
            title=spec["title"]["en"],
            slug=spec["slug"],
            question=spec["question"]["en"],
            background=[("paragraph", _background_html(spec))],
            opens_at=opens_at,
            closes_at=opens_at + timedelta(days=spec["days"]),
            pre_moderation=False,
        )
        index.add_child(instance=debate)
        debate.save_revision().publish()
    for code, title in spec["title"].items():
        if code == "en" or code not in indexes:
            continue
        locale = indexes[code].locale
        if debate.get_translation_or_none(locale) is None:
            translation = debate.copy_for_translation(locale)
            translation.title = title
            translation.question = spec["question"][code]
            translation.save_revision().publish()
    return debate


def _midday(days_from_now):
    now = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
    return now + timedelta(days=days_from_now)


def _background_html(spec):
    return (
        f"<p>{spec['question']['en']}</p>"
        "<p>Members from the network's working groups prepared this debate. "
        "Read the linked resources, then say where you stand and why.</p>"
    )


@transaction.atomic
def add_comments(debate, spec, members):
    """Post the spec's arguments and replies, spread over the debate's days."""
    moment = max(debate.opens_at, timezone.now() - timedelta(days=60))
    step = timedelta(hours=5)
    for author, language, stance, text, replies in spec["arguments"]:
        moment += step
        argument = _save(debate, members[author], text, stance, None, language, moment)
        _add_supports(argument, members, count=len(text) % 5)
        moment = _add_replies(debate, argument, replies, members, moment, step)


def _add_supports(comment, members, count):
    supporters = [
        members[name]
        for name in DEBATER_NAMES
        if name in members and members[name].pk != comment.user_id
    ]
    for user in supporters[:count]:
        Support.objects.get_or_create(comment=comment, member=user)
    DebateComment.objects.filter(pk=comment.pk).update(
        support_count=Support.objects.filter(comment=comment).count()
    )


def _add_replies(debate, parent, replies, members, moment, step):
    for author, language, text, below in replies:
        moment += step
        reply = _save(debate, members[author], text, "", parent, language, moment)
        moment = _add_replies(debate, reply, below, members, moment, step)
    return moment


def _save(debate, user, text, stance, parent, language, moment):
    comment = build_comment(
        debate, user, text, stance, parent, submit_date=moment, language=language
    )
    comment.save()
    if parent is not None:
        # Replies found the parent's thread data when saved; refresh the count.
        parent.refresh_from_db(fields=["nested_count"])
    return comment


def ensure_outcome(debate, spec, moderator):
    if DebateOutcome.objects.filter(debate_key=debate.translation_key).exists():
        return
    language, conclusion = spec["conclusion"]
    DebateOutcome.objects.create(
        debate_key=debate.translation_key,
        conclusion=conclusion,
        language=language,
        concluded_by=moderator,
        concluded_at=debate.closes_at,
        **final_counts(debate.translation_key),
    )
