"""Subjects and posts meet the shared corpus of hostile input.

Groups: text (``text_xss_html``), markdown (``markdown_injection``),
``unicode`` and ``form_abuse``. Each value is posted as a topic subject, a
topic body and a reply; the page never errors, never shows live markup, and
stores the text exactly, or refuses it with a form error.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from machina.core.db.models import get_model

from mmn_plugins.core.sanitise import strip_control_characters
from tests.core.markup import assert_no_live_markup


Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


def _value(item):
    if "value" in item:
        return item["value"]
    recipe = item.get("gen") or {}
    if "repeat" in recipe:
        return recipe["repeat"] * recipe["count"]
    if "concat" in recipe:
        return "".join(
            part
            if isinstance(part, str)
            else part.get("repeat", "") * part.get("count", 1)
            for part in recipe["concat"]
        )
    return None


def main_html(html, selector):
    soup = BeautifulSoup(html, "html.parser")
    return "".join(str(element) for element in soup.select(selector))


def _live_markup_in_page(html):
    """Anything in the forum's part of the page that would run."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("main")
    found = []
    for script in main.find_all("script"):
        found.append(str(script)[:60])
    for tag in main.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"{tag.name}[{name}]")
            if name in {"href", "src", "action", "formaction", "xlink:href"}:
                scheme = "".join(c for c in value if ord(c) > 32).lower()
                if scheme.startswith(("javascript:", "vbscript:", "data:")):
                    found.append(f"{tag.name}[{name}]")
        if tag.name in {"iframe", "object", "embed", "svg", "math", "style"}:
            found.append(tag.name)
    return found


@pytest.mark.parametrize("group", ["text_xss_html", "markdown_injection", "unicode"])
def test_subjects_and_posts_survive_the_corpus(
    client, settings, member, forum, bad_inputs, group
):
    settings.MMN_FORUM_POST_RATE = "1000/m"
    settings.MMN_FORUM_NEW_MEMBER_POST_RATE = "1000/m"
    client.force_login(member)
    for item in bad_inputs[group]:
        value = _value(item)
        if not value:
            continue
        response = client.post(
            f"/en/forum/{forum.pk}/new/", {"subject": value[:150], "content": value}
        )
        assert response.status_code in {302, 400}, item["id"]
        if response.status_code == 400:
            assert not _live_markup_in_page(response.content.decode()), item["id"]
            continue
        topic = Topic.objects.latest("pk")
        post = topic.first_post
        # Stored as written, but for the control characters core's forms strip.
        assert post.content.raw == strip_control_characters(value), item["id"]
        reply = client.post(f"/en/forum/topic/{topic.pk}/reply/", {"content": value})
        assert reply.status_code in {302, 400}, item["id"]
        for url in [
            f"/en/forum/topic/{topic.pk}/",
            f"/en/forum/{forum.pk}/",
            "/en/forum/",
        ]:
            page = client.get(url)
            assert page.status_code == 200, (item["id"], url)
            html = page.content.decode()
            assert not _live_markup_in_page(html), (item["id"], url)
            assert_no_live_markup(main_html(html, ".forum-post__body > *") or "<p></p>")


def test_form_abuse(client, member, member2, forum, topic, bad_inputs):
    """The form-abuse items that apply to a forum: CSRF, mass assignment,
    unexpected methods, anonymous writes, a body too big, a burst of posts."""
    ids = {item["id"] for item in bad_inputs["form_abuse"]}
    reply_url = f"/en/forum/topic/{topic.pk}/reply/"

    # csrf-missing, csrf-wrong: a client that enforces CSRF is refused.
    assert {"csrf-missing", "csrf-wrong"} <= ids
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member2)
    assert strict.post(reply_url, {"content": "x"}).status_code == 403
    wrong_token = {"content": "x", "csrfmiddlewaretoken": "a" * 64}
    assert strict.post(reply_url, wrong_token).status_code == 403

    # csrf-get-side-effect and unexpected-methods: GET writes nothing.
    client.force_login(member2)
    client.get(reply_url, {"content": "via GET"})
    client.get(f"/en/forum/topic/{topic.pk}/subscription/", {"subscribe": "1"})
    assert topic.posts.count() == 1
    assert client.put(reply_url).status_code in {400, 405}
    assert (
        client.get(f"/en/forum/post/{topic.first_post_id}/moderate/").status_code == 405
    )

    # mass-assign-author / -status / -visibility: extra fields are ignored.
    client.post(
        reply_url,
        {"content": "Mine", "poster": member.pk, "approved": "0", "topic": 999},
    )
    post = Post.objects.latest("pk")
    assert post.poster == member2 and post.approved and post.topic == topic

    # idor-edit-other: a member cannot moderate another's post.
    response = client.post(
        f"/en/forum/post/{topic.first_post_id}/moderate/", {"action": "hide"}
    )
    assert response.status_code == 403

    # anon-write: a visitor's post goes to the sign-in page, stores nothing.
    client.logout()
    before = Post.objects.count()
    assert client.post(reply_url, {"content": "anon"}).status_code == 302
    assert Post.objects.count() == before

    # body-too-big: far past the length limit is a form error, not a 500.
    client.force_login(member2)
    response = client.post(reply_url, {"content": "x" * 200_000})
    assert response.status_code == 400
