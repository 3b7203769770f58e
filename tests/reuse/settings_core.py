"""A plain Wagtail site with ``mmn_plugins.core`` installed, and nothing else.

These are the lines the core plugin's README asks another site to add.
"""

from .settings_base import *  # noqa: F403
from .settings_base import INSTALLED_APPS, MIDDLEWARE, TEMPLATES


INSTALLED_APPS = ["mmn_plugins.core", *INSTALLED_APPS]

# The page cache sits as high as it can: above sessions, below security.
MIDDLEWARE = [
    MIDDLEWARE[0],
    "mmn_plugins.core.cache.PageCacheMiddleware",
    *MIDDLEWARE[1:],
]

TEMPLATES[0]["OPTIONS"]["context_processors"].append(
    "mmn_plugins.core.context_processors.mmn_core"
)

# Background e-mail runs at once, as django-tasks does by default.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
