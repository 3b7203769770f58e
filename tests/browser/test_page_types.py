"""Every page type passes axe-core and is captured in both directions and sizes.

axe-core (bundled by ``axe-playwright-python``) runs on the English page on a
wide screen and the Arabic page on a phone; a serious or critical violation
fails the test. Each page is captured in English and Arabic at 390x844 and
1440x900, in ``tests/artifacts/screenshots/`` (gitignored).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser import builders
from tests.browser.conftest import PHONE, WIDE


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BLOCKING_IMPACTS = {"serious", "critical"}
AXE_RUNS = {("en", "wide"), ("ar", "phone")}
axe = Axe()


def _home(home):
    return builders.build_home(home)


def _standard_page(home):
    return builders.build_standard_page(home)


def _news_section(name):
    def build(home):
        builders.build_home(home)
        return builders.build_news(home)[name]

    return build


def _event_section(name):
    def build(home):
        builders.build_home(home)
        form_page, _arabic = builders.build_form_page(home)
        return builders.build_events(home, registration_page=form_page)[name]

    return build


def _form_page(home):
    return builders.build_form_page(home)


def _paths(english, arabic):
    return english.get_url(), arabic.get_url()


PAGE_TYPES = {
    "home": _home,
    "standard": _standard_page,
    "news-index": _news_section("news_index"),
    "news": _news_section("news_page"),
    "press-release": _news_section("press_release"),
    "event-index": _event_section("event_index"),
    "event": _event_section("event_page"),
    "form": _form_page,
    "login": None,
    "404": None,
}
FIXED_PATHS = {
    "login": ("/accounts/login/", "/accounts/login/"),
    "404": ("/en/no-such-page/", "/ar/no-such-page/"),
}


def _serious_violations(page):
    results = axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_is_accessible_in_both_directions(
    page_type, home_page, open_page, screenshot
):
    """axe finds no serious or critical violation (English on a wide screen,
    Arabic on a phone), and no page scrolls sideways at either size."""
    build = PAGE_TYPES[page_type]
    if build is None:
        builders.build_home(home_page)
        paths = FIXED_PATHS[page_type]
    else:
        paths = _paths(*build(home_page))
    builders.build_menus(home_page, home_page.get_children().live().specific())

    problems = []
    for language, path in zip(["en", "ar"], paths, strict=True):
        # One load per language: the wide layout first, then the same page
        # narrowed to a phone. axe runs on English wide and Arabic phone, so
        # each direction and each layout is checked once.
        page = open_page(path, viewport=WIDE, language=language)
        expect(page.locator("html")).to_have_attribute(
            "dir", "rtl" if language == "ar" else "ltr"
        )
        for size_name, viewport in [("wide", WIDE), ("phone", PHONE)]:
            page.set_viewport_size(viewport)
            screenshot(page, f"{page_type}-{language}-{size_name}")
            where = f"{language} {size_name} {path}"
            if (language, size_name) in AXE_RUNS:
                problems += [f"{where}: {text}" for text in _serious_violations(page)]
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > viewport["width"]:
                problems.append(f"{where}: the page is {scroll_width}px wide")

    assert not problems, "\n".join(problems)
