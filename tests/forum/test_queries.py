"""Query budgets: the index, a forum and a topic cost the same for few or many."""

from machina.core.db.models import get_model

from mmn_plugins.forum.models import ForumTranslation
from mmn_plugins.forum.posting import reply
from tests.forum.conftest import make_topic_with_replies


Forum = get_model("forum", "Forum")


def _count_queries(client, url, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_topic_page_does_not_grow_with_posts(
    client, django_assert_max_num_queries, settings, forum, member, member2
):
    settings.MMN_FORUM_POSTS_PER_PAGE = 10
    topic = make_topic_with_replies(forum, member, 2)
    client.force_login(member2)
    few = _count_queries(
        client, f"/en/forum/topic/{topic.pk}/", django_assert_max_num_queries, 30
    )
    for number in range(12):
        reply(topic, member2 if number % 2 else member, f"More {number}")
    many = _count_queries(
        client, f"/en/forum/topic/{topic.pk}/?page=2", django_assert_max_num_queries, 30
    )
    assert many <= few


def test_index_and_forum_do_not_grow_with_forums_or_topics(
    client, django_assert_max_num_queries, category, forum, member
):
    make_topic_with_replies(forum, member, 1)
    few_index = _count_queries(client, "/en/forum/", django_assert_max_num_queries, 20)
    few_forum = _count_queries(
        client, f"/en/forum/{forum.pk}/", django_assert_max_num_queries, 25
    )
    for number in range(8):
        extra = Forum.objects.create(
            name=f"Forum {number}", parent=category, type=Forum.FORUM_POST
        )
        ForumTranslation.objects.create(forum=extra, language="en", name=f"F{number}")
        make_topic_with_replies(extra, member, 1)
        make_topic_with_replies(forum, member, 1, subject=f"Topic {number}")
    many_index = _count_queries(client, "/en/forum/", django_assert_max_num_queries, 20)
    many_forum = _count_queries(
        client, f"/en/forum/{forum.pk}/", django_assert_max_num_queries, 25
    )
    assert many_index <= few_index
    assert many_forum <= few_forum
