"""A plain Wagtail site with ``mmn_plugins.core`` and ``mmn_plugins.directory``.

These are the lines the directory plugin's README asks another site to add.
"""

from .settings_core import *  # noqa: F403
from .settings_core import INSTALLED_APPS


INSTALLED_APPS = ["mmn_plugins.directory", "django_countries", *INSTALLED_APPS]
LANGUAGES = [("en", "English"), ("fr", "French"), ("ar", "Arabic")]
