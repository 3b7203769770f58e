"""The theme's house rules, checked on the files themselves.

- CSS uses logical properties only, so Arabic mirrors with the same stylesheet.
- Nothing a page loads comes from an outside host: no CDN, web font or image
  from elsewhere, in templates, stylesheets, scripts or SVG files.
- Every file a stylesheet points to exists; the error pages render on their own.
"""

import re
from pathlib import Path

import pytest
from django.template import loader
from django.utils import translation

from tests.factories import REPO_DIR


CSS_FILES = sorted(
    [
        *REPO_DIR.glob("theme/static/**/*.css"),
        *REPO_DIR.glob("mmn_plugins/*/static/**/*.css"),
    ]
)
TEMPLATE_FILES = sorted(
    [
        *REPO_DIR.glob("theme/templates/**/*.html"),
        *REPO_DIR.glob("site/*/templates/**/*.html"),
        *REPO_DIR.glob("mmn_plugins/*/templates/**/*.html"),
    ]
)
ASSET_FILES = sorted(
    [
        *REPO_DIR.glob("theme/static/**/*.js"),
        *REPO_DIR.glob("theme/static/**/*.svg"),
        *REPO_DIR.glob("mmn_plugins/*/static/**/*.js"),
        *REPO_DIR.glob("mmn_plugins/*/static/**/*.svg"),
    ]
)

# Properties that name a physical side, and values that do.
PHYSICAL_PROPERTY = re.compile(
    r"^(?:-webkit-)?(?:"
    r"(?:margin|padding|inset|scroll-margin|scroll-padding|border)-(?:left|right)"
    r"|border-(?:top|bottom)-(?:left|right)-radius"
    r"|left|right"
    r")(?:-|$)"
)
PHYSICAL_VALUE = {
    "float": {"left", "right"},
    "clear": {"left", "right"},
    "text-align": {"left", "right"},
    "text-align-last": {"left", "right"},
    "caption-side": {"left", "right"},
}
# Shorthands whose four values run top, right, bottom, left.
BOX_SHORTHANDS = {
    "margin",
    "padding",
    "inset",
    "border-width",
    "border-style",
    "border-color",
    "scroll-margin",
    "scroll-padding",
}
OUTSIDE_REFERENCE = re.compile(
    r"""(?:\b(?:src|srcset|poster|data)\s*=\s*["']?[^"'>]*?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//"""
    r"""|<(?:use|image|script)\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?\s*["']?(?:https?:)?//)""",
    re.IGNORECASE,
)
URL_IN_SCRIPT = re.compile(r"""["'`](?:https?:)?//[\w.-]+""")


def _declarations(css):
    """Yield (selector context, property, value) of every declaration."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    for block in re.finditer(r"([^{}]*)\{([^{}]*)\}", css):
        selector = block.group(1).strip()
        for declaration in block.group(2).split(";"):
            if ":" not in declaration:
                continue
            name, value = declaration.split(":", 1)
            yield selector, name.strip().lower(), value.strip().lower()


def _tokens(value):
    """Split a CSS value on spaces that are not inside brackets."""
    tokens, depth, current = [], 0, ""
    for char in value.replace("!important", "").strip():
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char.isspace() and depth == 0:
            if current:
                tokens.append(current)
            current = ""
        else:
            current += char
    return [*tokens, current] if current else tokens


def _is_lopsided(name, value):
    """Whether a shorthand gives the left and the right side different values."""
    if name in BOX_SHORTHANDS:
        tokens = _tokens(value)
        return len(tokens) == 4 and tokens[1] != tokens[3]
    if name == "border-radius":
        corners = _tokens(value.split("/")[0])
        if len(corners) == 2:
            return corners[0] != corners[1]
        if len(corners) == 3:
            return not corners[0] == corners[1] == corners[2]
        if len(corners) == 4:
            return corners[0] != corners[1] or corners[2] != corners[3]
    return False


def physical_direction_problems(css):
    problems = []
    for selector, name, value in _declarations(css):
        if (
            PHYSICAL_PROPERTY.match(name)
            or _tokens(value)
            and _tokens(value)[0] in PHYSICAL_VALUE.get(name, ())
        ):
            problems.append(f"{selector} {{ {name}: {value} }}")
        elif _is_lopsided(name, value):
            problems.append(f"{selector} {{ {name}: {value} }} (use logical longhands)")
    return problems


def _relative(path):
    return str(Path(path).relative_to(REPO_DIR))


def test_the_rule_catches_physical_directions():
    """The checker itself flags left/right properties and lopsided shorthands."""
    css = """
      .a { margin-left: 1rem; }  .b { padding-right: 0 }  .c { left: 0; }
      .d { float: right; }  .e { text-align: left }  .f { margin: 0 1rem 0 2rem; }
      .g { border-radius: 0 4px 4px 0; }  .h { border-top-left-radius: 2px; }
      .ok { margin-inline-start: 1rem; inset-inline-end: 0; float: inline-start;
            text-align: start; margin: 0 auto; padding: 1rem 2rem 3rem;
            border-radius: var(--r) var(--r) 0 0; }
      .left:hover { color: red; }
    """
    problems = physical_direction_problems(css)

    assert len(problems) == 8, problems
    assert not any(".ok" in problem or ".left" in problem for problem in problems)


def test_there_are_stylesheets_to_check():
    """The theme's stylesheet is among the files the rules below read."""
    assert REPO_DIR / "theme/static/theme/css/theme.css" in CSS_FILES
    assert len(TEMPLATE_FILES) > 10


@pytest.mark.parametrize("css_file", CSS_FILES, ids=_relative)
def test_stylesheets_use_logical_properties_only(css_file):
    """No stylesheet names a physical side (left/right): Arabic must mirror."""
    problems = physical_direction_problems(css_file.read_text(encoding="utf-8"))

    assert not problems, "\n".join(problems)


def test_no_template_or_stylesheet_loads_from_an_outside_host():
    """src, srcset, <link href>, url() and @import point to the site itself."""
    problems = []
    for path in [*TEMPLATE_FILES, *CSS_FILES]:
        text = path.read_text(encoding="utf-8")
        for match in OUTSIDE_REFERENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{_relative(path)}:{line}: {match.group(0)[:80]}")

    assert not problems, "\n".join(problems)


def test_no_script_or_svg_reaches_an_outside_host():
    """Scripts and SVG files name no outside address (SVG's xmlns aside)."""
    problems = []
    for path in ASSET_FILES:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"""xmlns(?::\w+)?=["'][^"']*["']""", "", text)
        for match in URL_IN_SCRIPT.finditer(text):
            problems.append(f"{_relative(path)}: {match.group(0)}")

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("css_file", CSS_FILES, ids=_relative)
def test_every_file_a_stylesheet_points_to_exists(css_file):
    """Fonts, icons and images named in url() are served from the static folder."""
    css = re.sub(r"/\*.*?\*/", "", css_file.read_text(encoding="utf-8"), flags=re.S)
    targets = re.findall(r"""url\(\s*["']?([^"')]+)["']?\s*\)""", css)
    missing = [
        target
        for target in targets
        if not target.startswith("data:")
        and not (css_file.parent / target.split("#")[0].split("?")[0]).is_file()
    ]

    assert not missing, missing


def test_fonts_swap_in_and_cover_every_script_of_the_site():
    """Each @font-face shows text at once (swap) and names its unicode range;
    Latin, Greek and Arabic are all covered at the weights the theme uses."""
    css = (REPO_DIR / "theme/static/theme/css/theme.css").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\s*\{([^}]*)\}", css)

    assert faces
    assert all(
        "font-display: swap" in face and "unicode-range" in face for face in faces
    )
    for subset in ["latin", "latin-ext", "greek", "arabic"]:
        for weight in ["400", "600", "700"]:
            assert any(f"-{subset}-{weight}-normal.woff2" in face for face in faces), (
                subset,
                weight,
            )
    assert (REPO_DIR / "theme/static/theme/fonts/OFL-NotoSans.txt").is_file()
    assert (REPO_DIR / "theme/static/theme/fonts/OFL-NotoSansArabic.txt").is_file()


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_server_error_page_renders_without_context_processors(language, direction):
    """The 500 page needs no request, user or database: it renders from nothing,
    in the active language and direction, with the theme's stylesheet."""
    with translation.override(language):
        html = loader.get_template("500.html").render({})

    assert f'<html lang="{language}" dir="{direction}">' in html
    assert "/static/theme/css/theme.css" in html
    assert 'class="error-page"' in html or "error-page" in html


def test_not_found_page_is_themed(client, home_page):
    """A missing page answers 404 with the site's header and a way home."""
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "We could not find that page" in html
    assert 'href="/en/"' in html
