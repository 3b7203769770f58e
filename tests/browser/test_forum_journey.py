"""The forum in Chromium: a member starts a topic, another replies; and no
uploaded file can run script on the site's origin.

Each forum page passes axe-core (no serious or critical violation) and is
captured in English on a wide screen and in Arabic on a phone.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from machina.core.db.models import get_model
from playwright.sync_api import expect

from mmn_plugins.forum.models import ForumTranslation
from mmn_plugins.forum.permissions import install_default_permissions
from tests import factories
from tests.browser.conftest import PHONE, WIDE


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
BLOCKING_IMPACTS = {"serious", "critical"}
axe = Axe()

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _serious_violations(page):
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def _sign_in(open_page, user, path, viewport=WIDE):
    page = open_page(f"/accounts/login/?next={path}", viewport=viewport)
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", factories.TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{path}")
    return page


@pytest.fixture
def forum(db, settings, tmp_path):
    settings.MMN_FORUM_ATTACHMENTS_ROOT = str(tmp_path / "attachments")
    install_default_permissions()
    category = Forum.objects.create(name="Themes", type=Forum.FORUM_CAT)
    forum = Forum.objects.create(
        name="Education", description="Schools and *courses*.", parent=category,
        type=Forum.FORUM_POST,
    )  # fmt: skip
    ForumTranslation.objects.create(forum=category, language="ar", name="المحاور")
    ForumTranslation.objects.create(forum=forum, language="ar", name="التعليم")
    return forum


def test_a_member_starts_a_topic_and_another_replies(
    home_page, member, forum, open_page, screenshot
):
    member2 = factories.make_user("member2@example.org", group="Members")

    page = _sign_in(open_page, member, f"/en/forum/{forum.pk}/")
    page.get_by_role("link", name="Start a topic").click()
    page.get_by_label("Subject").fill("Evening classes for parents")
    page.get_by_label("Message").fill("Do evening classes with **childcare** work?")
    page.locator("input[name=attachments]").set_input_files(
        {"name": "plan.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    screenshot(page, "forum-new-topic-en-wide")
    assert _serious_violations(page) == []
    page.get_by_role("button", name="Publish the topic").click()
    expect(page.locator("h1")).to_have_text("Evening classes for parents")
    topic = Topic.objects.get(subject="Evening classes for parents")

    other = _sign_in(open_page, member2, f"/ar/forum/topic/{topic.pk}/", PHONE)
    other.locator("textarea[name=content]").fill("نعم، مع رعاية الأطفال تنجح.")
    other.locator("form.forum-form button[type=submit]").click()
    expect(other.locator(".forum-post")).to_have_count(2)
    expect(other.locator("html")).to_have_attribute("dir", "rtl")
    expect(other.locator(".forum-post").last).to_contain_text("رعاية الأطفال")
    assert _serious_violations(other) == []
    screenshot(other, "forum-topic-ar-phone")

    visitor = open_page(f"/en/forum/topic/{topic.pk}/", viewport=WIDE)
    expect(visitor.locator("strong", has_text="childcare")).to_be_visible()
    assert _serious_violations(visitor) == []
    screenshot(visitor, "forum-topic-en-wide")

    for path, viewport, name in [
        ("/en/forum/", WIDE, "forum-index-en-wide"),
        ("/ar/forum/", PHONE, "forum-index-ar-phone"),
        (f"/ar/forum/{forum.pk}/", WIDE, "forum-forum-ar-wide"),
        (f"/en/forum/{forum.pk}/", PHONE, "forum-forum-en-phone"),
    ]:
        reader = open_page(path, viewport=viewport)
        assert _serious_violations(reader) == [], path
        width = reader.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], path
        screenshot(reader, name)


def test_no_uploaded_file_runs_script_on_the_site(
    home_page, member, forum, open_page, live_server
):
    """Even a file that passed as text, and was crafted to look like a page,
    downloads as an inert attachment: opening its URL runs nothing."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from mmn_plugins.forum.posting import start_topic

    text = SimpleUploadedFile(
        "notes.txt", b"Notes\n<script>window.parent.RELSEC = 1; alert(1)</script>\n"
    )
    pdf = SimpleUploadedFile("report.pdf", PDF_BYTES + b"<script>alert(1)</script>")
    topic = start_topic(forum, member, "Files", "See them.", [text, pdf])
    attachments = list(topic.first_post.mmn_attachments.all())

    page = open_page(f"/en/forum/topic/{topic.pk}/")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for attachment in attachments:
        path = f"/en/forum/attachment/{attachment.pk}/{attachment.filename}"
        url = f"{live_server.url}{path}"
        response = page.request.get(url)
        assert response.headers["content-disposition"].startswith("attachment;")
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in response.headers["content-security-policy"]
        # Framed into a page of the site, the file still cannot reach it.
        page.evaluate(
            "url => { const f = document.createElement('iframe'); f.src = url;"
            " document.body.appendChild(f); }",
            url,
        )
    page.wait_for_timeout(1000)
    assert page.evaluate("window.RELSEC") is None
    assert dialogs == []
