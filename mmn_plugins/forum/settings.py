"""Settings read by the forum plugin, each with its default.

They are read when used, never at import, so tests and sites can override them.
The plugin's README documents each one.
"""

from django.conf import settings


DEFAULTS = {
    # Longest post a member may write, in characters.
    "MMN_FORUM_POST_MAX_LENGTH": 20_000,
    # Longest topic subject, in characters (machina's column holds 255).
    "MMN_FORUM_SUBJECT_MAX_LENGTH": 200,
    # Posts (topics and replies) a member may write, as core's rate limit reads it.
    "MMN_FORUM_POST_RATE": "10/10m",
    # The stricter rate for new members (accounts younger than the next setting).
    "MMN_FORUM_NEW_MEMBER_POST_RATE": "3/10m",
    # How long an account counts as new, in days.
    "MMN_FORUM_NEW_MEMBER_DAYS": 7,
    # Reports a member may send, as core's rate limit reads it.
    "MMN_FORUM_REPORT_RATE": "10/h",
    # Reports from different members after which a post is hidden until reviewed.
    "MMN_FORUM_REPORTS_TO_HIDE": 3,
    # Posts on one page of a topic; topics on one page of a forum.
    "MMN_FORUM_POSTS_PER_PAGE": 20,
    "MMN_FORUM_TOPICS_PER_PAGE": 25,
    # Largest attachment, in bytes, and how many files one post may carry.
    "MMN_FORUM_ATTACHMENT_MAX_SIZE": 10 * 1024 * 1024,
    "MMN_FORUM_ATTACHMENTS_PER_POST": 3,
    # Largest image attachment, in pixels (width times height).
    "MMN_FORUM_ATTACHMENT_MAX_PIXELS": 40_000_000,
    # Folder of the attachments on the local disk, outside MEDIA_ROOT so that
    # nothing serves it directly; empty means "<MEDIA_ROOT>/../forum-attachments".
    # A site with a "mmn_forum_attachments" entry in STORAGES uses that instead.
    "MMN_FORUM_ATTACHMENTS_ROOT": "",
    # The auth group whose members moderate the forum.
    "MMN_FORUM_MODERATOR_GROUP": "Moderators",
}


def get(name):
    """Return the project's value of ``name`` or the plugin's default."""
    return getattr(settings, name, DEFAULTS[name])
