"""Where the plugins meet, without importing one another.

Each meeting point is a Wagtail hook with a name defined here. A plugin
registers functions under these names in its ``wagtail_hooks.py``; a page or
command that offers the meeting point asks this module for what is registered.
When no plugin registers anything, the meeting point is simply empty.

``HOME_SLOTS`` / ``ORGANISATION_SLOTS``
    ``fn(request, **context) -> Slot | None``. A block another plugin fills on
    the home page (latest resources, open debates, newest members) or on an
    organisation's profile (its resources, its forum activity). A slot that
    reads the same for every reader of a language says ``cacheable=True`` and
    gives its context as a function: the rendered slot is then kept in the
    cache until the content changes, and the function runs only when it is
    not (see ``mmn_core.templatetags.mmn_core.mmn_slots``).

``WORKING_GROUP_SLOTS``
    ``fn(request, working_group) -> Slot | None``, like the organisation slots:
    a working group's linked activity (its private forum, its debates, its
    resources) on the working group's page.

``DEMO_BUILDERS``
    ``fn(demo: DemoContext) -> None``. Adds the plugin's part of the demo
    network when ``manage.py load_demo`` runs. Must be safe to run twice.

``MEMBER_CHECKS``
    ``fn(user) -> bool``. Says whether a signed-in account is a member of the
    network beyond core's own rule (see :func:`mmn_plugins.core.membership.is_member`);
    the directory registers one for people with a current role in a member
    organisation.

``PERSON_SUMMARIES``
    ``fn(user_ids: list[int]) -> dict[int, PersonSummary]``. How a person is
    shown beside what they wrote (forum posts, debate comments): name, photo,
    organisation. Called once per page for all authors, so it must answer in
    a fixed number of queries. See :func:`person_summaries`.

``SEARCH_SOURCES``
    ``fn() -> SearchSource``. What a plugin contributes to the site-wide
    search: a kind of result and how to turn one of its records into
    :class:`SearchDocument` rows. The search plugin indexes them; without it
    nothing is called.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.template.loader import render_to_string
from wagtail import hooks


HOME_SLOTS = "mmn_home_slots"
ORGANISATION_SLOTS = "mmn_organisation_slots"
WORKING_GROUP_SLOTS = "mmn_working_group_slots"
DEMO_BUILDERS = "mmn_demo_builders"
MEMBER_CHECKS = "mmn_member_checks"
PERSON_SUMMARIES = "mmn_person_summaries"
SEARCH_SOURCES = "mmn_search_sources"


@dataclass
class Slot:
    """A block of content one plugin offers to a page it does not own.

    ``context`` is the template's context, or a function returning it (or
    ``None`` when, after all, the slot has nothing to show). ``cacheable``
    promises that the slot looks the same to every reader of a language on
    a host: no form, no name, nothing from the session. ``cache_vary_on``
    names what else the rendered slot depends on (an organisation's pk on a
    profile, say).
    """

    title: str
    template: str
    context: dict | Callable[[], dict | None] = field(default_factory=dict)
    order: int = 100
    cacheable: bool = False
    cache_vary_on: tuple = ()

    def render(self, request=None):
        """The slot's HTML; empty when a context function found nothing."""
        context = self.context() if callable(self.context) else self.context
        if context is None:
            return ""
        return render_to_string(self.template, context, request=request)


def collect_slots(hook_name, request, **context):
    """Ask every function registered under ``hook_name`` for its slot."""
    slots = []
    for provide_slot in hooks.get_hooks(hook_name):
        slot = provide_slot(request, **context)
        if slot is not None:
            slots.append(slot)
    return sorted(slots, key=lambda slot: slot.order)


@dataclass
class DemoContext:
    """What ``load_demo`` hands to each plugin's demo builder.

    ``home_pages`` maps a language code to that language's home page, so a
    plugin can put its index page under it; ``users`` maps a role name
    ("administrator", "editor", "moderator", "member", ...) to the demo account.
    """

    password: str
    home_pages: dict
    users: dict
    stdout: object
    style: object = None

    def log(self, message):
        self.stdout.write(message)


def run_demo_builders(demo):
    for build in hooks.get_hooks(DEMO_BUILDERS):
        build(demo)


@dataclass(frozen=True)
class PersonSummary:
    """How an author is shown beside what they wrote.

    ``photo_url`` is a URL on the site's own host (never an outside avatar);
    ``organisation_name`` and ``profile_url`` are empty when unknown.
    """

    name: str
    photo_url: str = ""
    organisation_name: str = ""
    organisation_url: str = ""
    profile_url: str = ""


def person_summaries(users):
    """Map each user's pk to a :class:`PersonSummary`.

    Plugins registered under ``PERSON_SUMMARIES`` answer first (the first
    answer for a user wins); everyone else gets their account's full name, or
    the part of their e-mail address before the "@".
    """
    users = {user.pk: user for user in users if user is not None}
    summaries = {}
    for summarise in hooks.get_hooks(PERSON_SUMMARIES):
        missing = [pk for pk in users if pk not in summaries]
        if not missing:
            break
        summaries.update(summarise(missing))
    for pk, user in users.items():
        if pk not in summaries:
            name = user.get_full_name() or user.get_username().split("@")[0]
            summaries[pk] = PersonSummary(name=name)
    return summaries


class Audience:
    """Who may see a search document."""

    PUBLIC = "public"
    MEMBERS = "members"
    GROUPS = "groups"  # only the auth groups listed in ``group_ids``


@dataclass(frozen=True)
class SearchDocument:
    """One thing the site-wide search can find, in one language.

    ``key`` is unique within its kind and stable across saves ("42", or
    "42:fr" when one record gives one document per language). ``body`` is
    plain text (no markup). ``url`` is the path a result links to. ``facets``
    maps a facet name ("type", "topic", "country", "language") to the list of
    codes the document carries; :attr:`SearchSource.facet_label` turns a code
    into words in the active language.
    """

    kind: str
    key: str
    language: str
    title: str
    body: str
    url: str
    audience: str = Audience.PUBLIC
    group_ids: tuple = ()
    facets: dict = field(default_factory=dict)
    date: datetime | None = None


@dataclass
class SearchSource:
    """A kind of search result one plugin contributes.

    ``models`` are re-indexed when one of their instances is saved or deleted.
    ``documents(instance)`` returns the documents of one instance, or nothing
    when no one may find it any more (unpublished, hidden, deleted).
    ``all_instances()`` yields every instance, for a full rebuild.
    ``facet_label(facet, code)`` names a facet value for the reader.
    """

    kind: str
    label: str
    models: tuple
    documents: Callable[[object], Iterable[SearchDocument]]
    all_instances: Callable[[], Iterable]
    facet_label: Callable[[str, str], str] = lambda facet, code: code
    order: int = 100


def search_sources():
    """Every registered :class:`SearchSource`, in display order."""
    sources = [provide() for provide in hooks.get_hooks(SEARCH_SOURCES)]
    return sorted(sources, key=lambda source: source.order)
