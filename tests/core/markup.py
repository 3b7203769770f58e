"""Checks that a piece of HTML holds no live markup, for every plugin's tests.

Site-free on purpose: the reuse harness (``tests/reuse``) imports it too.
"""

import json
from pathlib import Path

from bs4 import BeautifulSoup

from mmn_plugins.core.sanitise import ALLOWED_ATTRIBUTES, ALLOWED_TAGS


BAD_INPUTS_PATH = Path(__file__).resolve().parents[3] / "shared" / "bad_inputs.json"

# Elements that run code, load from elsewhere or take input, whatever the
# allow-list says: finding one is a failure with a plain message.
DANGEROUS_ELEMENTS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "svg",
    "math", "form", "input", "button", "textarea", "select", "base", "meta",
    "link", "img", "noscript", "template",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
REQUIRED_LINK_REL = {"nofollow", "ugc", "noopener"}
# html5lib wraps a fragment in a document of its own.
DOCUMENT_ELEMENTS = {"html", "head", "body"}


# html5lib is written in Python and takes seconds over a very long text; past
# this size the checks use Python's own parser. The corpus's short items, where
# parsers could disagree on tricky markup, are all read the browser's way.
HTML5LIB_MAX_LENGTH = 50_000


def parse(html):
    """Parse ``html`` as a browser would (html5lib follows the HTML standard)."""
    html = str(html)
    parser = "html5lib" if len(html) <= HTML5LIB_MAX_LENGTH else "html.parser"
    return BeautifulSoup(html, parser)


def assert_no_live_markup(html):
    """Fail unless ``html`` is inert: allowed tags and attributes, safe links."""
    soup = parse(html)
    for element in soup.find_all(True):
        assert element.name not in DANGEROUS_ELEMENTS, f"<{element.name}> in {html!r}"
        assert element.name in ALLOWED_TAGS | DOCUMENT_ELEMENTS, (
            f"<{element.name}> is outside the allow-list in {html!r}"
        )
        allowed = ALLOWED_ATTRIBUTES.get(element.name, set()) | {"rel"}
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), f"{name}= in {html!r}"
            assert name in allowed, f"{element.name}[{name}] in {html!r}"
            if name in URL_ATTRIBUTES:
                assert not _normalised_url(value).startswith(DANGEROUS_SCHEMES), (
                    f"{name}={value!r} in {html!r}"
                )
    for link in soup.find_all("a"):
        assert set(link.get("rel", [])) >= REQUIRED_LINK_REL, f"rel in {link}"


def visible_text(html):
    """What a reader sees, with ``<br>`` read as the line break it stands for."""
    # Inside an element, so that the parser keeps leading whitespace.
    container = parse(f"<div>{html}</div>").div
    for line_break in container.find_all("br"):
        line_break.replace_with("\n")
    return container.get_text()


def _normalised_url(value):
    # Browsers ignore ASCII whitespace and controls anywhere in a scheme.
    return "".join(char for char in str(value) if ord(char) > 0x20).lower()


def load_bad_inputs():
    return json.loads(BAD_INPUTS_PATH.read_text(encoding="utf-8"))


def bad_input_values(group):
    """``(id, value, expect)`` of every item of ``group`` that is text.

    Items given as raw bytes (``bytes_hex``) are left out: they test how the
    server decodes a request, which a function taking ``str`` never sees.
    """
    items = []
    for item in load_bad_inputs()[group]:
        if "value" in item:
            items.append((item["id"], item["value"], item["expect"]))
        elif "bytes_hex" not in item["gen"]:
            items.append((item["id"], realise(item["gen"]), item["expect"]))
    return items


def realise(recipe):
    """Build the text a ``gen`` recipe of the corpus describes."""
    if isinstance(recipe, str):
        return recipe
    if "repeat" in recipe:
        return recipe["repeat"] * recipe["count"]
    return "".join(realise(part) for part in recipe["concat"])
