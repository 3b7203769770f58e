"""E-mails in the member's language, with absolute https links to the site."""

import pytest
from django.utils import translation
from wagtail.models import Site

from mmn_plugins.debates.models import Follow

from .conftest import argue, login, reply_to, route


pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _https_site(home_page):
    Site.objects.filter(root_page=home_page).update(
        hostname="mmn.example.org", port=443
    )


@pytest.fixture
def french(debate, locales):
    from tests import factories

    return factories.translate_page(debate, "fr", title="Débat en français")


def test_reply_tells_the_parent_author(
    debate, member, others, mailoutbox, django_capture_on_commit_callbacks
):
    argument = argue(debate, member, "My point.")

    with django_capture_on_commit_callbacks(execute=True):
        reply = reply_to(debate, argument, others[0], "Your point is weak.")

    [message] = mailoutbox
    assert message.to == [member.email]
    assert "Your point is weak." in message.body
    assert f"https://mmn.example.org{debate.url}#c{reply.pk}" in message.body


def test_no_mail_when_replying_to_oneself(
    debate, member, mailoutbox, django_capture_on_commit_callbacks
):
    argument = argue(debate, member)

    with django_capture_on_commit_callbacks(execute=True):
        reply_to(debate, argument, member, "Adding to my own point.")

    assert mailoutbox == []


def test_reply_mail_is_in_the_language_the_author_wrote_in(
    debate, french, member, others, mailoutbox, django_capture_on_commit_callbacks
):
    argument = argue(french, member, "Mon argument.")

    with django_capture_on_commit_callbacks(execute=True):
        reply_to(debate, argument, others[0])

    [message] = mailoutbox
    with translation.override("fr"):
        expected = translation.gettext("Read the reply and answer it here:")
    assert expected in message.body
    assert "/fr/" in message.body
    assert "Débat en français" in message.subject


def test_followers_hear_of_new_arguments_each_alone(
    debate, member, others, mailoutbox, django_capture_on_commit_callbacks
):
    for user in others[:2]:
        login(user).post(route(debate, "follow"))

    with django_capture_on_commit_callbacks(execute=True):
        argue(debate, member, "A new argument.")

    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        user.email for user in others[:2]
    )
    assert all(len(message.to) == 1 for message in mailoutbox)


def test_unfollow_stops_the_mails(
    debate, member, others, mailoutbox, django_capture_on_commit_callbacks
):
    client = login(others[0])
    client.post(route(debate, "follow"))
    client.post(route(debate, "follow"), {"action": "unfollow"})

    with django_capture_on_commit_callbacks(execute=True):
        argue(debate, member)

    assert mailoutbox == []
    assert not Follow.objects.filter(member=others[0]).exists()


def test_posting_follows_the_debate(debate, member):
    argue(debate, member)

    assert Follow.objects.filter(member=member, debate_key=debate.translation_key)


def test_conclusion_reaches_everyone_who_took_part(
    debate, member, others, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    argue(debate, member)
    argue(debate, others[0], stance="against")

    with django_capture_on_commit_callbacks(execute=True):
        login(moderator).post(route(debate, "close"), {"conclusion": "Our conclusion."})

    conclusion_mails = [m for m in mailoutbox if "Our conclusion." in m.body]
    assert sorted(m.to[0] for m in conclusion_mails) == sorted(
        [member.email, others[0].email]
    )
    assert all("https://mmn.example.org/" in m.body for m in conclusion_mails)
