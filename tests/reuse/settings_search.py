"""A plain Wagtail site with ``mmn_plugins.core`` and ``mmn_plugins.search``.

These are the lines the search plugin's README asks another site to add: the
app, and its URLs under a language prefix (see ``tests/reuse/search/urls.py``).
"""

from .settings_core import *  # noqa: F403
from .settings_core import INSTALLED_APPS


INSTALLED_APPS = ["mmn_plugins.search", *INSTALLED_APPS]
ROOT_URLCONF = "tests.reuse.search.urls"
LANGUAGES = [("en", "English"), ("fr", "French"), ("ar", "Arabic")]
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
                  "django.middleware.locale.LocaleMiddleware")  # fmt: skip
