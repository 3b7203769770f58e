"""Settings for the benchmarks: production's choices, on loopback HTTP.

Like production (DEBUG off, cached template loader, persistent database
connection, the same middleware and page cache), but on the embedded defaults
so the benchmark runs on any machine: SQLite and the local-memory cache in a
temporary folder named by ``MMN_BENCH_DIR``, no HTTPS redirect. The URLconf
adds the bare Django views the site is compared with.
"""

import os
from pathlib import Path

from mmn_site.settings.base import *  # noqa: F403
from mmn_site.settings.base import BASE_DIR, DATABASES, STORAGES, TEMPLATES


BENCH_DIR = Path(os.environ.get("MMN_BENCH_DIR", BASE_DIR / "var" / "benchmarks"))

DEBUG = False
SECRET_KEY = "benchmark-only-not-secret-mmn"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "tests.benchmarks.urls"

DATABASES["default"]["NAME"] = BENCH_DIR / "bench.sqlite3"
# Production keeps its PostgreSQL connections open between requests; do the same.
DATABASES["default"]["CONN_MAX_AGE"] = None
MEDIA_ROOT = BENCH_DIR / "media"
STATIC_ROOT = BENCH_DIR / "static"
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], Path(__file__).parent / "templates"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
