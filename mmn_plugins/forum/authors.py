"""How the authors of posts are shown: through core's person summaries.

The directory plugin, when installed, answers with each person's name, photo
and organisation; without it, core falls back to the account's name. Either
way one call covers every author on a page.
"""

from mmn_plugins.core.registry import person_summaries


def attach_authors(posts):
    """Give each post ``author`` (a ``PersonSummary``), in a fixed query count."""
    users = {post.poster_id: post.poster for post in posts if post.poster_id}
    summaries = person_summaries(users.values())
    for post in posts:
        post.author = summaries.get(post.poster_id)
    return posts
