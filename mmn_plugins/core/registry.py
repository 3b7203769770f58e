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

``DEMO_BUILDERS``
    ``fn(demo: DemoContext) -> None``. Adds the plugin's part of the demo
    network when ``manage.py load_demo`` runs. Must be safe to run twice.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from wagtail import hooks


HOME_SLOTS = "mmn_home_slots"
ORGANISATION_SLOTS = "mmn_organisation_slots"
DEMO_BUILDERS = "mmn_demo_builders"


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
