"""A plain Wagtail site with ``mmn_plugins.core`` and ``mmn_plugins.library``.

These are the lines the library plugin's README asks another site to add.
"""

from .settings_core import *  # noqa: F403
from .settings_core import INSTALLED_APPS


INSTALLED_APPS = ["mmn_plugins.library", "django_countries", *INSTALLED_APPS]
LANGUAGES = [("en", "English"), ("fr", "French"), ("ar", "Arabic")]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "mmn_plugins.library.documents.CheckedDocumentForm"
