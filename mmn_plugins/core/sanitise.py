"""The one sanitiser for everything a member writes.

Forum posts, debate comments, profiles and applications are stored as written
and rendered through these functions, so no raw HTML from a member reaches a
page. Markdown is parsed with raw HTML disabled, then the result is cleaned by
nh3 against an allow-list: even a parser bug cannot let markup through.
"""

import functools

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt


ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "em", "h3", "h4", "hr", "li", "ol", "p",
    "pre", "strong", "ul", "del",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"


@functools.cache
def _markdown_parser():
    # "commonmark" with html=False renders any tag a member types as text.
    parser = MarkdownIt("commonmark", {"html": False, "breaks": True})
    parser.enable("strikethrough")
    # Images would load from wherever a member points them: no outside hosts.
    parser.disable("image")
    return parser


def render_markdown(text):
    """Render a member's Markdown as safe HTML (a subset: no images, no HTML)."""
    if not text:
        return SafeString("")
    html = _markdown_parser().render(strip_control_characters(text))
    return clean_html(html)


def clean_html(html):
    """Return ``html`` with everything outside the allow-list removed."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has just cleaned it.


def render_plain_text(text):
    """Escape ``text`` and keep its line breaks, for fields without Markdown."""
    text = strip_control_characters(text or "")
    # Browsers send a textarea's line breaks as CRLF; each is one <br>.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return mark_safe("<br>".join(escape(line) for line in lines))  # noqa: S308


def strip_control_characters(text):
    """Drop NUL and the other control characters (but tabs and line breaks).

    PostgreSQL refuses NUL in text columns, and the others (C0, DEL and C1)
    only serve to hide or garble what a reader sees. Format characters such as
    the bidirectional marks are kept: Arabic and mixed-direction text needs them.
    """
    return text.translate(_CONTROL_CHARACTERS)


_CONTROL_CHARACTERS = {
    code: None
    for code in [*range(0x20), *range(0x7F, 0xA0)]
    if chr(code) not in "\t\n\r"
}
