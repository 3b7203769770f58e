"""Production settings, driven by environment variables.

Each block below replaces one embedded default with a real service when its
variable is set, so the same settings serve a single small machine and a
network that runs several gunicorn hosts behind a load balancer. The README's
configuration table lists every variable.
"""

import json
import os
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import VAR_DIR


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False

# A missing key must stop the site rather than fall back to a known value.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY to a long random string.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "https://mmn.example.org")

# HTTPS. Behind a load balancer that terminates TLS, the balancer says so in
# X-Forwarded-Proto; only trust it when told the site is behind one.
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
if env_flag("BEHIND_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Every request then comes from the balancer's address: rate limits read
    # the client's from the X-Forwarded-For entries the site's own proxies
    # appended (TRUSTED_PROXY_COUNT of them, counted from the right).
    TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 1))
    MMN_CORE_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    MMN_CORE_CLIENT_IP_PROXY_COUNT = TRUSTED_PROXY_COUNT
    ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Load balancers check health over plain HTTP, which must not be redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", False)

# Two deploy checks stay silent on purpose. Wagtail's admin shows page previews
# in a frame of its own origin, so X-Frame-Options must stay SAMEORIGIN (W019).
# HSTS preloading is hard to undo and binds every subdomain, so it is the
# operator's decision (SECURE_HSTS_PRELOAD=1), not a default (W021).
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W019"]
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# Database: PostgreSQL for anything beyond one editor. Without DATABASE_URL the
# site keeps its SQLite file, which suits a small single-machine install.
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"],
            conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", 60)),
            conn_health_checks=True,
        )
    }

# Cache and sessions: with several gunicorn hosts the page cache, the rate
# limits and the sessions must be shared, so they move to Redis. Sessions are
# read from Redis and also written to the database, so a Redis restart or an
# eviction does not sign everyone out.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "mmn"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Media: a local folder by default; S3-compatible storage (AWS, MinIO, Ceph,
# Scaleway...) when a bucket is named, so every host sees the same files.
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(VAR_DIR / "media"))
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(VAR_DIR / "static"))


def email_settings_from_url(url):
    """Turn ``smtp://user:password@host:587?tls=1`` into Django's settings."""
    parsed = urlparse(url)
    if parsed.scheme not in {"smtp", "smtps", "submission"}:
        raise ImproperlyConfigured("EMAIL_URL must start with smtp://, smtps://.")
    query = parse_qs(parsed.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or (465 if parsed.scheme == "smtps" else 587),
        "EMAIL_HOST_USER": unquote(parsed.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
        "EMAIL_USE_SSL": parsed.scheme == "smtps",
        "EMAIL_USE_TLS": parsed.scheme != "smtps" and query.get("tls") != ["0"],
    }


# E-mail goes out by SMTP, from EMAIL_URL or from Django's usual variables.
if os.environ.get("EMAIL_URL"):
    globals().update(email_settings_from_url(os.environ["EMAIL_URL"]))
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", False)
# The worker sends the mail; a mail server that stops answering must fail the
# task (which the worker logs) rather than hold the worker for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 30))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("Administrators", address) for address in env_list("ADMIN_EMAILS")]

# Background work: tasks are stored in the database and run by one or more
# ``manage.py db_worker`` processes, so a slow mail server never holds a request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Search: the database backend suits one machine; a cluster takes over when
# ELASTICSEARCH_URL is set.
if os.environ.get("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [os.environ["ELASTICSEARCH_URL"]],
            "INDEX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "mmn") + "_wagtail",
            "TIMEOUT": 5,
        },
    }
    # The site-wide search (mmn_plugins.search) uses the same cluster; the
    # database keeps its own index as the fallback.
    MMN_SEARCH_ELASTICSEARCH = {
        "URLS": [os.environ["ELASTICSEARCH_URL"]],
        "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "mmn"),
        "TIMEOUT": 5,
    }

# Machine translation in wagtail-localize's editor: off unless a translator is
# named. MACHINE_TRANSLATOR is its class (wagtail-localize ships DeepL, Google
# Cloud Translation and LibreTranslate, which can run on the same closed
# network), MACHINE_TRANSLATOR_OPTIONS its options as a JSON object.
if os.environ.get("MACHINE_TRANSLATOR"):
    try:
        _translator_options = json.loads(
            os.environ.get("MACHINE_TRANSLATOR_OPTIONS") or "{}"
        )
    except ValueError as error:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATOR_OPTIONS is not a JSON object: {error}"
        ) from error
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": os.environ["MACHINE_TRANSLATOR"],
        "OPTIONS": _translator_options,
    }

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405
