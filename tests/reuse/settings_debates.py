"""A plain Wagtail site with ``mmn_plugins.core`` and ``mmn_plugins.debates``.

These are the lines the debates plugin's README asks another site to add.
"""

from .settings_core import *  # noqa: F403
from .settings_core import INSTALLED_APPS


INSTALLED_APPS = [
    "mmn_plugins.debates",
    "django_comments_xtd",
    "django_comments",
    "django.contrib.sites",
    *INSTALLED_APPS,
]
SITE_ID = 1
LOGIN_URL = "/admin/login/"
LANGUAGES = [("en", "English"), ("fr", "French"), ("ar", "Arabic")]

COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "mmn_plugins.debates.models.DebateComment"
COMMENTS_XTD_MAX_THREAD_LEVEL_BY_APP_MODEL = {"mmn_debates.debatepage": 3}
COMMENTS_XTD_CONFIRM_EMAIL = False
