"""The forum's demo: categories, public and private forums, posts; twice is fine."""

import io

from machina.core.db.models import get_model

from mmn_plugins.core.registry import DemoContext
from mmn_plugins.forum.demo import build_forum
from mmn_plugins.forum.models import ForumTranslation


Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")


def test_the_demo_builds_once_and_again(db, member, member2, moderator):
    demo = DemoContext(
        password="x",
        home_pages={},
        users={"member": member, "member2": member2, "moderator": moderator},
        stdout=io.StringIO(),
    )
    build_forum(demo)
    counts = (
        Forum.objects.count(),
        Post.objects.count(),
        ForumTranslation.objects.count(),
    )
    build_forum(demo)
    assert counts == (
        Forum.objects.count(),
        Post.objects.count(),
        ForumTranslation.objects.count(),
    )
    names = set(Forum.objects.values_list("name", flat=True))
    assert {"Integration policy", "Education", "Health", "Labour", "Legal aid"} <= names
    assert set(Post.objects.values_list("poster", flat=True)) >= {member.pk, member2.pk}
    assert (
        ForumTranslation.objects.filter(language="ar").count() == Forum.objects.count()
    )
