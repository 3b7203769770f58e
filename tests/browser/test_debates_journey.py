"""The debate journey in Chromium: a member argues, another replies, in Arabic too."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mmn_plugins.debates.models import DebateComment, DebateIndexPage, DebatePage
from tests import factories

from .conftest import PHONE, WIDE


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _log_in(open_page, user, viewport):
    page = open_page("/accounts/login/", viewport=viewport)
    page.get_by_label(re.compile(r"\be-?mail\b", re.IGNORECASE)).fill(user.email)
    page.get_by_label(re.compile(r"\bpassword\b", re.IGNORECASE)).fill(
        factories.TEST_PASSWORD
    )
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    return page


def test_member_argues_and_another_replies_in_arabic(
    home_page, arabic_home_page, member, open_page, screenshot
):
    other = factories.make_user("leila@example.org", group="Members")
    index = factories.add_page(
        home_page, DebateIndexPage(title="Debates", slug="debates")
    )
    now = timezone.now()
    debate = factories.add_page(
        index,
        DebatePage(
            title="Language courses from day one?",
            slug="language-courses",
            question="Should asylum seekers learn the language before a decision?",
            opens_at=now - datetime.timedelta(days=1),
            closes_at=now + datetime.timedelta(days=6),
        ),
    )
    arabic = factories.translate_page(debate, "ar", title="دروس اللغة منذ اليوم الأول؟")

    page = _log_in(open_page, member, WIDE)
    page.goto(debate.url, wait_until="networkidle")
    page.get_by_role("radio", name="For").check()
    page.get_by_label("Your comment").fill("Language is the **first** key to work.")
    page.get_by_role("button", name="Post your argument").click()
    page.wait_for_load_state("networkidle")
    argument = DebateComment.objects.get()
    expect(page.locator(f"#c{argument.pk} strong")).to_have_text("first")
    screenshot(page, "debates-argument-en-wide")

    reader = _log_in(open_page, other, PHONE)
    reader.goto(arabic.url, wait_until="networkidle")
    expect(reader.locator("html")).to_have_attribute("dir", "rtl")
    reader.locator(f"#c{argument.pk} a[href$='/reply/{argument.pk}/']").click()
    reader.locator("textarea[name=comment]").fill("اللغة مهمة، لكن العمل أيضاً.")
    reader.locator("main form.debate-form button[type=submit]").click()
    reader.wait_for_load_state("networkidle")

    reply = DebateComment.objects.get(level=1)
    assert (reply.parent_id, reply.language, reply.user) == (argument.pk, "ar", other)
    expect(reader.locator(f"#c{reply.pk} .debate-comment__body")).to_have_attribute(
        "dir", "auto"
    )
    expect(reader.locator(f"#c{argument.pk}")).to_be_visible()
    screenshot(reader, "debates-reply-ar-phone")
    reader.set_viewport_size(WIDE)
    screenshot(reader, "debates-reply-ar-wide")
    page.set_viewport_size(PHONE)
    page.goto(debate.url, wait_until="networkidle")
    screenshot(page, "debates-thread-en-phone")
