"""Settings for the test suite.

SQLite in a temporary file by default; PostgreSQL when ``DATABASE_URL`` is set
(CI runs the suite both ways). ``REDIS_URL`` switches the cache and the sessions
to Redis, as in production.
"""

import os

import dj_database_url

from .base import *  # noqa: F403
from .base import BASE_DIR


SECRET_KEY = "test-only-not-secret-mmn"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "mmn-test",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
