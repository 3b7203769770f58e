"""What the forum gives the site-wide search: one document per visible post.

machina's haystack search is never mounted; the search plugin indexes these
documents instead, and shows each only to the audience of its forum.
"""

from django.conf import settings
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from machina.core.db.models import get_model

from mmn_plugins.core.registry import SearchDocument, SearchSource
from mmn_plugins.core.sanitise import render_markdown

from .permissions import forum_audience


Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")

KIND = "forum_post"


def _plain(text):
    # The index holds text only: what the sanitiser renders, without its tags.
    return " ".join(strip_tags(render_markdown(text or "")).split())


def post_documents(post):
    """The search documents of ``post``: none when readers cannot see it.

    A post is not written in a declared language, and every reader may find
    it, so it gives one document per site language ("42:fr"), each linking to
    the forum under that language's prefix.
    """
    post = Post.objects.select_related("topic__forum").filter(pk=post.pk).first()
    if post is None or not post.approved or not post.topic.approved:
        return []
    forum = post.topic.forum
    audience, group_ids = forum_audience(forum)
    body = _plain(post.content.raw)
    documents = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            url = reverse("mmn_forum:post", kwargs={"pk": post.pk})
        documents.append(
            SearchDocument(
                kind=KIND,
                key=f"{post.pk}:{language}",
                language=language,
                title=post.topic.subject,
                body=body,
                url=url,
                audience=audience,
                group_ids=group_ids,
                facets={"type": [KIND]},
                date=post.created,
            )
        )
    return documents


def all_posts():
    return Post.objects.filter(approved=True, topic__approved=True).iterator()


def facet_label(facet, code):
    if facet == "type" and code == KIND:
        return str(_("Forum post"))
    return code


def forum_search_source():
    # Posts only: machina saves the topic on every reply, and re-indexing a
    # whole topic each time would not scale. When something of the topic
    # changes for every post (its subject, its first post hidden), the forum
    # announces each post as saved (see ``reindex_topic_posts``).
    return SearchSource(
        kind=KIND,
        label=_("Forum posts"),
        models=(Post,),
        documents=post_documents,
        all_instances=all_posts,
        facet_label=facet_label,
        order=50,
    )


def reindex_topic_posts(topic, except_post=None):
    """Tell whoever indexes posts that each post of ``topic`` changed."""
    for post in topic.posts.exclude(pk=getattr(except_post, "pk", None)):
        post_save.send(sender=Post, instance=post, created=False, raw=False)
