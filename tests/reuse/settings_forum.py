"""A plain Wagtail site with ``mmn_plugins.core`` and ``mmn_plugins.forum``.

These are the lines the forum plugin's README asks another site to add.
"""

from .settings_core import *  # noqa: F403
from .settings_core import HERE, INSTALLED_APPS, MIDDLEWARE


INSTALLED_APPS = [
    "mmn_plugins.forum",
    *INSTALLED_APPS,
    "mptt",
    "machina.apps.forum",
    "machina.apps.forum_conversation",
    "machina.apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_member",
    "machina.apps.forum_permission",
    "machina.apps.forum_tracking",
]
ROOT_URLCONF = "tests.reuse.urls_forum"
# The forum lives under a language prefix (/en/forum/, /ar/forum/ ...).
_sessions = MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
MIDDLEWARE = [
    *MIDDLEWARE[: _sessions + 1],
    "django.middleware.locale.LocaleMiddleware",
    *MIDDLEWARE[_sessions + 1 :],
]
LANGUAGES = [("en", "English"), ("fr", "French"), ("ar", "Arabic")]
LOGIN_URL = "/login/"
MACHINA_MARKUP_LANGUAGE = ("mmn_plugins.core.sanitise.render_markdown", {})
MACHINA_PROFILE_AVATARS_ENABLED = False
MMN_FORUM_ATTACHMENTS_ROOT = HERE.parent.parent / "var" / "reuse-forum-attachments"
