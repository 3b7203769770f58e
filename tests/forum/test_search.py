"""The forum's search source: documents for visible posts, with their audience."""

from mmn_plugins.core.registry import Audience, search_sources
from mmn_plugins.forum.moderation import hide_post


def _source():
    [source] = [source for source in search_sources() if source.kind == "forum_post"]
    return source


def test_a_public_post_gives_one_public_document_per_language(topic, settings):
    post = topic.first_post
    documents = list(_source().documents(post))
    assert {document.language for document in documents} == {
        code for code, _name in settings.LANGUAGES
    }
    french = next(document for document in documents if document.language == "fr")
    assert french.key == f"{post.pk}:fr"
    assert french.url == f"/fr/forum/post/{post.pk}/"
    assert french.audience == Audience.PUBLIC
    assert french.title == "Language courses"
    assert french.body == "How do you teach?"  # plain text, no markup


def test_private_posts_are_for_their_groups_and_hidden_posts_for_no_one(
    member, moderator, private_forum, working_group, topic
):
    from mmn_plugins.forum.posting import start_topic

    private = start_topic(private_forum, moderator, "Internal", "Draft")
    [document, *_rest] = _source().documents(private.first_post)
    assert document.audience == Audience.GROUPS
    assert working_group.pk in document.group_ids

    hide_post(topic.first_post, moderator)
    assert list(_source().documents(topic.first_post)) == []


def test_the_source_lists_every_visible_post(topic, reply_post):
    assert {post.pk for post in _source().all_instances()} == {
        topic.first_post_id,
        reply_post.pk,
    }


def test_machina_search_is_not_reachable(client, db):
    assert client.get("/en/forum/search/").status_code == 404
    assert (
        b"search"
        not in client.get("/en/forum/")
        .content.split(b"<main")[1]
        .split(b"</main>")[0]
        .lower()
    )


def test_hiding_a_first_post_announces_every_post_of_the_topic(
    moderator, topic, reply_post
):
    from django.db.models.signals import post_save

    from mmn_plugins.forum.search import Post

    announced = []

    def record(sender, instance, **kwargs):
        announced.append(instance.pk)

    post_save.connect(record, sender=Post)
    try:
        hide_post(topic.first_post, moderator)
    finally:
        post_save.disconnect(record, sender=Post)
    assert reply_post.pk in announced
    assert list(_source().documents(reply_post)) == []  # its topic is hidden
