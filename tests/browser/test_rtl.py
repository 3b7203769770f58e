"""Arabic mirrors the whole layout; English does not.

Every page type of the site and of the directory and library plugins is opened
in English and Arabic, on a wide screen and a phone, captured in
``tests/artifacts/screenshots/rtl-*.png``, and checked: the direction of the
header, navigation, main content, footer, form fields and tables; the brand
sits at the start of the header's line (left in English, right in Arabic);
nothing scrolls sideways; member-written text carries ``dir="auto"``.
"""

import pytest
from playwright.sync_api import expect

from mmn_plugins.directory.models import DirectoryPage, OrganisationType
from mmn_plugins.library.models import LibraryPage
from pages.models import StandardPage
from tests import factories
from tests.browser import builders
from tests.browser.conftest import PHONE, WIDE
from tests.directory.conftest import describe, make_organisation
from tests.library.conftest import make_resource


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What must follow the page's direction wherever it appears. Fields where
# members type their own text carry dir="auto" and follow what is typed.
KEY_ELEMENTS = [
    ".site-header", "nav.main-nav", "main", ".site-footer", ".language-switcher",
    "main input:not([type=hidden]):not([dir])", "main select:not([dir])",
    "main textarea:not([dir])", "main table", "main th", "main td",
]  # fmt: skip


def _build_plugins(home):
    directory = factories.add_page(home, DirectoryPage(title="Members", slug="members"))
    factories.translate_page(directory, "ar", title="الأعضاء")
    kind = OrganisationType.objects.create(
        name="NGO, platform or network", slug="ngo", locale=home.locale
    )
    organisation = make_organisation(
        kind, country="LB", name="Beirut Reception Network", slug="beirut-reception",
        city="Beirut",
    )  # fmt: skip
    # Written by the member in Arabic: it must read right to left on any page.
    describe(organisation, "شبكة للاستقبال والتوجيه في بيروت منذ عام 2012.", "ar")
    library = factories.add_page(home, LibraryPage(title="E-library", slug="library"))
    factories.translate_page(library, "ar", title="المكتبة")
    resource = make_resource(library, title="Guide to reception services")
    resource_ar = factories.translate_page(resource, "ar", title="دليل خدمات الاستقبال")
    return {
        "directory": (directory.get_url(), "/ar/members/"),
        "organisation": (
            "/en/members/beirut-reception/",
            "/ar/members/beirut-reception/",
        ),
        "library": (library.get_url(), "/ar/library/"),
        "resource": (resource.get_url(), resource_ar.get_url()),
    }


def _build_site(home):
    builders.build_home(home)
    standard, standard_ar = builders.build_standard_page(home)
    news = builders.build_news(home)
    form_page, form_ar = builders.build_form_page(home)
    events = builders.build_events(home, registration_page=form_page)
    paths = {
        "home": ("/en/", "/ar/"),
        "standard": (standard.get_url(), standard_ar.get_url()),
        "news": tuple(page.get_url() for page in news["news_page"]),
        "event": tuple(page.get_url() for page in events["event_page"]),
        "form": (form_page.get_url(), form_ar.get_url()),
        "login": ("/accounts/login/", "/accounts/login/"),
    }
    return paths


def _directions(page):
    """``{selector: [computed direction of each match]}``."""
    return page.evaluate(
        """(selectors) => Object.fromEntries(selectors.map((selector) => [
            selector,
            [...document.querySelectorAll(selector)].map(
                (element) => getComputedStyle(element).direction),
        ]))""",
        KEY_ELEMENTS,
    )


def _problems(page, language, where):
    expected = "rtl" if language == "ar" else "ltr"
    problems = []
    for selector, directions in _directions(page).items():
        wrong = [direction for direction in directions if direction != expected]
        if wrong:
            problems.append(f"{where}: {selector} is {wrong[0]}, not {expected}")
    width = page.viewport_size["width"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        problems.append(f"{where}: the page is {scroll_width}px wide")
    brand = page.locator(".brand").bounding_box()
    brand_centre = brand["x"] + brand["width"] / 2
    on_the_right = brand_centre > width / 2
    if on_the_right != (language == "ar"):
        problems.append(f"{where}: the brand is not at the start of the header")
    return problems


def test_every_page_type_mirrors_in_arabic(home_page, open_page, screenshot):
    paths = _build_site(home_page)
    paths.update(_build_plugins(home_page))
    builders.build_menus(home_page, home_page.get_children().live().specific())

    problems = []
    for page_type, (english, arabic) in paths.items():
        for language, path in [("en", english), ("ar", arabic)]:
            page = open_page(path, viewport=WIDE, language=language)
            expect(page.locator("html")).to_have_attribute(
                "dir", "rtl" if language == "ar" else "ltr"
            )
            for size_name, viewport in [("wide", WIDE), ("phone", PHONE)]:
                page.set_viewport_size(viewport)
                screenshot(page, f"rtl-{page_type}-{language}-{size_name}")
                problems += _problems(
                    page, language, f"{page_type} {language} {size_name}"
                )
            page.close()

    assert not problems, "\n".join(problems)


def test_member_text_reads_in_its_own_direction_on_an_english_page(
    home_page, open_page
):
    """The Arabic description on the English profile runs right to left."""
    _build_plugins(home_page)

    page = open_page("/en/members/beirut-reception/", viewport=WIDE, language="en")
    description = page.locator(".organisation__description")

    expect(description).to_have_attribute("dir", "auto")
    assert (
        description.evaluate("(element) => getComputedStyle(element).direction")
        == "rtl"
    )
    # A field a member types in follows what they type, here Arabic.
    page.goto("/en/members/")
    field = page.locator("#directory-q")
    field.fill("بيروت")
    assert field.evaluate("(element) => getComputedStyle(element).direction") == "rtl"


def test_switcher_notice_reaches_the_reader_in_arabic(home_page, open_page):
    """From an English-only page, Arabic leads to the Arabic home page, which
    says in Arabic that the page asked for is not translated yet."""
    builders.build_home(home_page)
    factories.add_page(
        home_page, StandardPage(title="Only English", slug="only-english")
    )

    page = open_page("/en/only-english/", viewport=PHONE, language="en")
    page.locator(".nav-toggle").click()
    page.locator(".language-switcher summary").click()
    page.locator('.language-switcher a[lang="ar"]').click()
    page.wait_for_load_state("networkidle")

    assert page.url.endswith("/ar/?untranslated=ar")
    notice = page.locator(".translation-notice")
    expect(notice).to_be_visible()
    expect(notice).to_have_attribute("dir", "rtl")
    # The choice sticks: the site's root now leads to Arabic.
    page.goto("/")
    assert page.url.endswith("/ar/")
