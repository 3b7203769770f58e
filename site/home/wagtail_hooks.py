"""Spare every page view the section lookup that wagtailmenus makes eagerly.

wagtailmenus registers a ``before_serve_page`` hook that records the page being
served and, at once, its "section root": the ancestor at
``WAGTAILMENUS_SECTION_ROOT_DEPTH``, read with two queries (the ancestor, then
its specific page). Only wagtailmenus' own menu tags read that section root,
through its context processor, which works it out itself, lazily, when the
hook left none. The site draws its menus with ``home.templatetags.site_menus``
instead, so on most pages the two queries are wasted.

The hook is swapped for one that records the current page alone. Wagtail
offers no way to unregister a hook, hence the edit of its registry.
"""

from wagtail import hooks
from wagtailmenus import wagtail_hooks as wagtailmenus_hooks


BEFORE_SERVE_PAGE = "before_serve_page"


def record_current_page(page, request, serve_args, serve_kwargs):
    """What wagtailmenus' hook records, less the section root it would query."""
    request.META["WAGTAILMENUS_CURRENT_PAGE"] = page


def _swap_wagtailmenus_hook():
    # FIXME: hooks._hooks is Wagtail's private registry, edited because there is
    # no public way to unregister a hook. Should it change shape, nothing is
    # swapped and pages only pay wagtailmenus' two queries again.
    eager_hook = wagtailmenus_hooks.wagtailmenu_params_helper
    registered = hooks._hooks.get(BEFORE_SERVE_PAGE, [])
    for position, (function, order) in enumerate(registered):
        if function is eager_hook:
            registered[position] = (record_current_page, order)


_swap_wagtailmenus_hook()
