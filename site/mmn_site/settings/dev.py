"""Settings for running the demo site on a laptop: the embedded defaults."""

import os

from .base import *  # noqa: F403


DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-mmn")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# Plain storage so that the dev server finds files without running collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Several checkouts or helpers on one machine can each keep their own database.
if os.environ.get("MMN_DEV_DB"):
    DATABASES["default"]["NAME"] = os.environ["MMN_DEV_DB"]  # noqa: F405
