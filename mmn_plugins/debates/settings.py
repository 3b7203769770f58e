"""Settings read by the debates plugin, each with its default.

They are read when used, never at import, so tests and sites can override them.
The plugin's README documents each one.
"""

from django.conf import settings


DEFAULTS = {
    # How many levels of replies may go below an argument (an argument is
    # level 0). django-comments-xtd's own limit for "mmn_debates.debatepage"
    # must be at least this (see the README).
    "MMN_DEBATES_MAX_REPLY_DEPTH": 3,
    # Longest comment accepted, in characters; django-contrib-comments' own
    # COMMENT_MAX_LENGTH (3000 by default) should be at least this.
    "MMN_DEBATES_COMMENT_MAX_LENGTH": 3000,
    # Longest note a member may give with a flag, in characters.
    "MMN_DEBATES_FLAG_NOTE_MAX_LENGTH": 500,
    # Seconds during which members may edit their comment (until a reply).
    "MMN_DEBATES_EDIT_WINDOW_SECONDS": 15 * 60,
    # Flags from different members that hide a comment pending review.
    "MMN_DEBATES_FLAGS_TO_HIDE": 3,
    # Seconds during which the same text as the member's last comment is refused.
    "MMN_DEBATES_DUPLICATE_WINDOW_SECONDS": 24 * 60 * 60,
    # Rates per member, as core's rate limit reads them.
    "MMN_DEBATES_POST_RATE": "10/10m",
    "MMN_DEBATES_SUPPORT_RATE": "60/10m",
    "MMN_DEBATES_FLAG_RATE": "20/h",
    "MMN_DEBATES_FOLLOW_RATE": "30/h",
    # The auth group whose members moderate debates (given the plugin's
    # moderation permission by its migration, when the group exists).
    "MMN_DEBATES_MODERATOR_GROUP": "Moderators",
}


def get(name):
    """Return the project's value of ``name`` or the plugin's default."""
    return getattr(settings, name, DEFAULTS[name])
