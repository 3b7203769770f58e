"""A reader's journeys in Chromium: both text directions, the phone menu, login."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.builders import build_home, build_menus, build_news
from tests.browser.conftest import PHONE, WIDE
from tests.factories import TEST_PASSWORD


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _brand_centre(page):
    box = page.locator(".brand").bounding_box()
    return box["x"] + box["width"] / 2


def test_english_home_page_reads_left_to_right(home_page, open_page):
    """The English home page says lang="en" dir="ltr"; the brand sits on the left."""
    build_home(home_page)

    page = open_page("/en/", viewport=WIDE)

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_have_text("Working together on migration")
    assert _brand_centre(page) < WIDE["width"] / 3


def test_arabic_home_page_reads_right_to_left_and_mirrors(home_page, open_page):
    """The Arabic home page says dir="rtl", and its layout mirrors the English one.

    The brand sits at the inline start, which is the right-hand side, and the
    site tools at the inline end, on the left.
    """
    build_home(home_page)

    page = open_page("/ar/", viewport=WIDE, language="ar")

    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("نعمل معًا في قضايا الهجرة")
    assert _brand_centre(page) > WIDE["width"] * 2 / 3
    account_links = page.locator(".account-links").bounding_box()
    assert account_links["x"] + account_links["width"] < WIDE["width"] / 3
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= WIDE["width"], "the mirrored page scrolls sideways"


def test_phone_menu_stays_folded_until_the_toggle_is_pressed(home_page, open_page):
    """On a phone the menu hides behind "Menu"; the button says whether it is open."""
    home, _arabic = build_home(home_page)
    pages = build_news(home)
    build_menus(home, [pages["news_index"][0]])

    page = open_page("/en/", viewport=PHONE)
    toggle = page.get_by_role("button", name="Menu")
    news_link = page.locator(".main-nav").get_by_role("link", name="News")

    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(news_link).to_be_hidden()
    expect(page.locator(".language-switcher")).to_be_hidden()

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(news_link).to_be_visible()
    expect(page.locator(".language-switcher")).to_be_visible()
    box = news_link.bounding_box()
    assert box["height"] >= 44, "menu links are comfortable touch targets"

    news_link.click()
    expect(page).to_have_url(f"{page.url.split('/en/')[0]}/en/news/")

    page.get_by_role("button", name="Menu").click()
    page.get_by_role("button", name="Menu").click()
    expect(page.locator(".main-nav")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_member_logs_in_with_email_and_password(home_page, member, open_page):
    """A member types their e-mail and password into the form and is logged in:
    the header then offers "Log out" instead of "Log in"."""
    page = open_page("/accounts/login/", viewport=PHONE)

    page.get_by_label(re.compile(r"\be-?mail\b", re.IGNORECASE)).fill(member.email)
    page.get_by_label(re.compile(r"\bpassword\b", re.IGNORECASE)).fill(TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()

    page.wait_for_load_state()
    if page.locator(".nav-toggle").is_visible():
        page.locator(".nav-toggle").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    expect(page.get_by_role("link", name="Log in")).to_have_count(0)
