"""Subscriptions to topics and forums, and the e-mails in each member's language."""

from django.core import mail

from mmn_plugins.forum.models import ForumSubscription, TopicSubscription
from mmn_plugins.forum.posting import reply, start_topic


def test_the_author_follows_their_topic_and_hears_of_replies(
    django_capture_on_commit_callbacks, member, member2, topic
):
    assert TopicSubscription.objects.filter(user=member, topic=topic).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reply(topic, member2, "An answer.")
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "Language courses" in mail.outbox[0].subject
    assert "An answer." in mail.outbox[0].body
    assert "/en/forum/post/" in mail.outbox[0].body


def test_members_subscribe_in_their_language(
    client, django_capture_on_commit_callbacks, member, member2, forum, topic
):
    client.force_login(member2)
    client.post(f"/fr/forum/{forum.pk}/subscription/", {"subscribe": "1"})
    subscription = ForumSubscription.objects.get(user=member2)
    assert subscription.language == "fr"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        start_topic(forum, member, "Nouveau sujet", "Bonjour.")
    [message] = [m for m in mail.outbox if m.to == [member2.email]]
    assert (
        message.subject.startswith("Nouveau sujet dans") or "Nouveau" in message.subject
    )
    assert "/fr/forum/post/" in message.body


def test_unsubscribing_stops_the_emails(
    client, django_capture_on_commit_callbacks, member, member2, topic
):
    client.force_login(member)
    client.post(f"/en/forum/topic/{topic.pk}/subscription/", {"subscribe": "0"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reply(topic, member2, "Anyone?")
    assert mail.outbox == []


def test_no_email_to_the_author_nor_to_who_cannot_read(
    django_capture_on_commit_callbacks, member, member2, private_forum, working_group
):
    member.groups.add(working_group)
    ForumSubscription.objects.create(user=member2, forum=private_forum, language="en")
    ForumSubscription.objects.create(user=member, forum=private_forum, language="en")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        start_topic(private_forum, member, "Internal", "Draft.")
    assert mail.outbox == []  # the author is told nothing; member2 may not read


def test_subscribing_needs_membership_and_post(client, outsider, topic):
    client.force_login(outsider)
    url = f"/en/forum/topic/{topic.pk}/subscription/"
    assert client.post(url, {"subscribe": "1"}).status_code == 404
    assert client.get(url).status_code == 405
