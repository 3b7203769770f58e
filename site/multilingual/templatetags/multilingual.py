"""Template tags for the reader's languages.

``{% language_versions as versions %}`` gives the language switcher its
targets; ``{% hreflang_links %}`` writes the ``<link rel="alternate">``
elements of the page's head; ``{% translation_notice %}`` tells a reader who
followed the switcher to a page that is not translated yet why they are where
they are.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from ..languages import (
    active_language,
    requested_untranslated_language,
    versions_for_request,
)


register = template.Library()


@dataclass(frozen=True)
class SwitcherEntry:
    code: str
    name: str
    url: str
    switch_url: str
    available: bool


@register.simple_tag(takes_context=True)
def language_versions(context):
    """Each language's entry in the switcher, through the view that sets the cookie."""
    request = context.get("request")
    if request is None:
        return []
    entries = []
    for version in versions_for_request(request, context.get("page")):
        switch_url = reverse("switch_language", args=[version.code])
        entries.append(
            SwitcherEntry(
                code=version.code,
                name=version.name,
                url=version.url,
                switch_url=f"{switch_url}?{urlencode({'next': version.url})}",
                available=version.available,
            )
        )
    return entries


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for every real language version.

    Only addresses that carry their language have alternates: an address
    without a prefix (accounts) is the same in every language.
    """
    request = context.get("request")
    if request is None or context.get("no_language_alternates"):
        return ""
    versions = [
        version
        for version in versions_for_request(request, context.get("page"))
        if version.available
    ]
    if len({version.url for version in versions}) < 2:
        return ""
    default = next(
        (v for v in versions if v.code == settings.LANGUAGE_CODE), versions[0]
    )
    alternates = [(v.code, request.build_absolute_uri(v.url)) for v in versions]
    alternates.append(("x-default", request.build_absolute_uri(default.url)))
    return render_to_string(
        "multilingual/hreflang_links.html", {"alternates": alternates}
    )


@register.simple_tag(takes_context=True)
def translation_notice(context):
    """The notice for ``?untranslated=<code>``, in the language asked for."""
    request = context.get("request")
    wanted = requested_untranslated_language(request)
    if wanted is None:
        return ""
    current = active_language()
    return render_to_string(
        "multilingual/translation_notice.html",
        {
            "wanted": wanted,
            "current": current,
            # Landed on a translated ancestor, or on the page in its own
            # language because the wanted language has no page at all here.
            "on_ancestor": wanted == current,
        },
    )
