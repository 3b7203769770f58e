"""Hostile input: escaped or refused with a reason, never a 500 or live markup.

Every item of the text, markdown and unicode groups of ``bad_inputs.json``
goes into a comment body, an edit and a flag note; the form-abuse group's
items that concern comments are played one by one.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from mmn_plugins.debates.models import DebateComment, Flag
from tests.core.markup import assert_no_live_markup

from .conftest import argue, argument_data, login, reply_data, reply_to, route


pytestmark = pytest.mark.django_db

TEXT_GROUPS = ["text_xss_html", "markdown_injection", "unicode"]


def materialise(item):
    """An item's value as text, or None when it is a recipe for something else."""
    if "value" in item:
        return item["value"]
    return _generate(item.get("gen"))


def _generate(recipe):
    if isinstance(recipe, str):
        return recipe
    if not isinstance(recipe, dict):
        return None
    if "bytes_hex" in recipe:
        return bytes.fromhex(recipe["bytes_hex"]).decode("utf-8", errors="replace")
    if "repeat" in recipe:
        return recipe["repeat"] * recipe["count"]
    if "concat" in recipe:
        parts = [_generate(part) for part in recipe["concat"]]
        return None if None in parts else "".join(parts)
    return None


def _bodies(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        "".join(str(part) for part in body.contents)
        for body in soup.select(".debate-comment__body")
    ]


@pytest.mark.parametrize("group", TEXT_GROUPS)
def test_comment_bodies_survive_every_item(debate, member_client, bad_inputs, group):
    for item in bad_inputs[group]:
        value = materialise(item)
        if value is None:
            continue
        response = member_client.post(
            route(debate, "argue"), argument_data(debate, value, "neutral")
        )
        assert response.status_code in {302, 400, 409}, item["id"]
        if response.status_code != 302:
            assert b'role="alert"' in response.content, item["id"]

    page = member_client.get(debate.url)
    assert page.status_code == 200
    for body in _bodies(page.content.decode()):
        assert_no_live_markup(body)
    for link in BeautifulSoup(page.content, "html.parser").select(
        ".debate-comment__body a"
    ):
        assert set(link["rel"]) >= {"nofollow", "ugc", "noopener"}


@pytest.mark.parametrize("group", TEXT_GROUPS)
def test_flag_notes_and_edits_survive_every_item(
    debate, member, others, bad_inputs, group
):
    target = argue(debate, others[0], "Target.")
    own = argue(debate, member, "Mine.", stance="against")
    client = login(member)
    for item in bad_inputs[group]:
        value = materialise(item)
        if value is None:
            continue
        flag = client.post(
            route(debate, "flag", target.pk), {"reason": "other", "note": value}
        )
        edit = client.post(route(debate, "edit", own.pk), {"comment": value})
        assert flag.status_code in {302, 400, 409}, item["id"]
        assert edit.status_code in {302, 400}, item["id"]
        Flag.objects.all().delete()

    page = client.get(debate.url).content.decode()
    for body in _bodies(page):
        assert_no_live_markup(body)


def test_stored_text_is_what_was_sent(debate, member_client):
    text = "<b>bold?</b> **yes** \u202eRLO عربي"

    member_client.post(route(debate, "argue"), argument_data(debate, text))

    comment = DebateComment.objects.get()
    assert comment.comment == text
    html = member_client.get(debate.url).content.decode()
    assert "&lt;b&gt;bold?&lt;/b&gt; <strong>yes</strong>" in html
    assert 'class="debate-comment__body" dir="auto"' in html


def test_length_limit_is_a_clear_error(debate, member_client, settings):
    settings.MMN_DEBATES_COMMENT_MAX_LENGTH = 100

    response = member_client.post(
        route(debate, "argue"), argument_data(debate, "x" * 101)
    )

    assert response.status_code == 400
    assert "at most 100 characters" in response.content.decode()
    assert not DebateComment.objects.exists()


def test_duplicate_of_the_last_comment_is_refused(debate, member_client):
    member_client.post(route(debate, "argue"), argument_data(debate, "Same words."))

    response = member_client.post(
        route(debate, "argue"), argument_data(debate, "Same words.")
    )

    assert response.status_code == 409
    assert "same comment" in response.content.decode()
    assert DebateComment.objects.count() == 1


# form_abuse ----------------------------------------------------------------


def test_csrf_missing_or_wrong_is_refused(debate, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    missing = client.post(route(debate, "argue"), argument_data(debate))
    wrong = client.post(
        route(debate, "argue"), argument_data(debate, csrfmiddlewaretoken="x" * 64)
    )

    assert (missing.status_code, wrong.status_code) == (403, 403)
    assert not DebateComment.objects.exists()


def test_author_fields_in_the_form_are_refused(debate, member, others, member_client):
    response = member_client.post(
        route(debate, "argue"),
        argument_data(
            debate,
            user=others[0].pk,
            user_name="admin",
            user_email="admin@example.org",
        ),
    )

    assert response.status_code == 400
    assert "your own account" in response.content.decode()
    assert not DebateComment.objects.exists()


def test_form_of_another_debate_is_refused(make, member_client):
    first, second = make(), make()

    response = member_client.post(route(first, "argue"), argument_data(second))

    assert response.status_code == 400
    assert "another debate" in response.content.decode()
    assert not DebateComment.objects.exists()


def test_reply_to_a_comment_of_another_debate_is_refused(make, member, others):
    first, second = make(), make()
    elsewhere = argue(second, member)

    response = login(others[0]).post(
        route(first, "reply", elsewhere.pk), reply_data(first, elsewhere)
    )

    assert response.status_code == 404
    assert "does not belong to this debate" in response.content.decode()
    assert DebateComment.objects.count() == 1


def test_parent_field_naming_another_comment_is_refused(debate, member, others):
    first = argue(debate, member)
    second = argue(debate, others[1], "Another.", "against")

    response = login(others[0]).post(
        route(debate, "reply", first.pk), reply_data(debate, second)
    )

    assert response.status_code == 400
    assert "another comment" in response.content.decode()
    assert DebateComment.objects.count() == 2


def test_reply_too_deep_is_refused_by_the_view(debate, member, others, settings):
    settings.MMN_DEBATES_MAX_REPLY_DEPTH = 1
    argument = argue(debate, member)
    reply = reply_to(debate, argument, others[0])

    response = login(others[1]).post(
        route(debate, "reply", reply.pk), reply_data(debate, reply)
    )

    assert response.status_code == 400
    assert "at most 1 levels" in response.content.decode()
    assert DebateComment.objects.count() == 2


def test_honeypot_is_refused(debate, member_client):
    response = member_client.post(
        route(debate, "argue"), argument_data(debate, website_url="http://spam.test")
    )

    assert response.status_code == 400
    assert not DebateComment.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_unexpected_methods_never_fail(debate, member, member_client, method):
    argument = argue(debate, member)

    for name, args in [("argue", []), ("support", [argument.pk]), ("follow", [])]:
        response = getattr(member_client, method)(route(debate, name, *args))
        assert response.status_code in {200, 302, 403, 405}, (name, method)


def test_get_on_action_urls_changes_nothing(debate, member, others):
    argument = argue(debate, member)
    client = login(others[0])

    for name, args in [("support", [argument.pk]), ("follow", []), ("argue", [])]:
        assert client.get(route(debate, name, *args)).status_code == 405
    assert argument.support_count == DebateComment.objects.get().support_count == 0


def test_json_body_is_refused_cleanly(debate, member_client):
    response = member_client.post(
        route(debate, "argue"), data='{"comment": "x"}', content_type="application/json"
    )

    assert response.status_code == 400
    assert not DebateComment.objects.exists()


def test_unknown_comment_ids_are_not_found(debate, member_client):
    for name in ("reply", "edit", "flag"):
        assert member_client.get(route(debate, name, 999999)).status_code == 404


def test_post_burst_is_rate_limited(debate, member_client, settings):
    settings.MMN_DEBATES_POST_RATE = "3/m"

    statuses = [
        member_client.post(
            route(debate, "argue"), argument_data(debate, f"Burst {n}.")
        ).status_code
        for n in range(5)
    ]

    assert statuses == [302, 302, 302, 429, 429]
    assert DebateComment.objects.count() == 3


def test_flag_burst_is_capped(make, member, others, settings):
    settings.MMN_DEBATES_FLAG_RATE = "2/h"
    debate = make()
    targets = [argue(debate, others[0], f"Target {n}.") for n in range(4)]
    client = login(member)

    statuses = [
        client.post(route(debate, "flag", t.pk), {"reason": "spam"}).status_code
        for t in targets
    ]

    assert statuses == [302, 302, 429, 429]
    assert Flag.objects.count() == 2


def test_moderation_queue_requires_csrf(debate, member, moderator):
    comment = argue(debate, member)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    response = client.post(
        reverse("mmn_debates_moderation"), {"comment": comment.pk, "action": "delete"}
    )

    assert response.status_code == 403
    assert not DebateComment.objects.get().is_removed
