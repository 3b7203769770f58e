"""The search page in Chromium: the header's box, results, facets, in en and ar.

The page passes axe-core (no serious or critical violation) and is captured in
English and Arabic on a phone and a wide screen.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from mmn_plugins.search.indexing import rebuild
from tests import factories

from .conftest import PHONE, WIDE


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BLOCKING_IMPACTS = {"serious", "critical"}
axe = Axe()


@pytest.fixture
def searchable(home_page, locales):
    news_index = factories.make_news_index(home_page)
    titles = [
        (
            "Labour migration pathways: the policy paper",
            "Eleven pilot schemes compared.",
        ),
        (
            "Migration and health: a working group meets",
            "Clinics, rights and migration.",
        ),
        ("Training on migration data", "Two days on counting migration well."),
    ]
    news = [
        factories.make_news_page(news_index, title, introduction=text)
        for title, text in titles
    ]
    factories.translate_page(
        news[0], "ar", title="مسارات هجرة العمل: ورقة السياسات",
        introduction="مقارنة بين أحد عشر برنامجًا تجريبيًا للهجرة.",
    )  # fmt: skip
    rebuild()


def _serious_violations(page):
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def test_search_from_the_header_in_english_and_arabic(
    searchable, open_page, screenshot
):
    page = open_page("/en/")
    page.fill("#site-search", "migration")
    page.locator(".search-form button[type=submit]").click()
    page.wait_for_url("**/en/search/?q=migration")

    assert page.locator(".mmn-search__hit").count() == 3
    assert page.locator(".mmn-search__snippet mark").count() >= 2
    assert _serious_violations(page) == []
    screenshot(page, "search-en-wide")
    screenshot(open_page("/en/search/?q=migration", viewport=PHONE), "search-en-phone")

    arabic = open_page("/ar/search/?q=هجرة", viewport=PHONE, language="ar")
    assert arabic.locator("html").get_attribute("dir") == "rtl"
    assert arabic.locator(".mmn-search__hit").count() == 1
    assert _serious_violations(arabic) == []
    screenshot(arabic, "search-ar-phone")
    screenshot(
        open_page("/ar/search/?q=هجرة", viewport=WIDE, language="ar"),
        "search-ar-wide",
    )

    nothing = open_page("/en/search/?q=migration+zanzibar")
    assert (
        nothing.locator(".mmn-search__empty a")
        .first.inner_text()
        .startswith("“migration” alone")
    )
