"""Production settings: deploy checks pass, each variable switches its service.

Each test imports ``mmn_site.settings.production`` in a fresh Python process
with only the environment it names, and reads the settings back as JSON.
"""

import json
import os
import secrets
import subprocess
import sys

import pytest

from tests.factories import REPO_DIR


REQUIRED = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "mmn.example.org"}

PRINT_SETTINGS = """
import json
from django.conf import settings
names = [
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASES", "CACHES", "SESSION_ENGINE",
    "STORAGES", "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_TIMEOUT",
    "TASKS", "WAGTAILSEARCH_BACKENDS", "WAGTAIL_ENABLE_UPDATE_CHECK",
    "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
]
print(json.dumps({name: getattr(settings, name, None) for name in names}, default=str))
"""


def run(args, **env):
    """Run Python with production settings and exactly the environment given."""
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(REPO_DIR)),
        "PYTHONPATH": os.pathsep.join([str(REPO_DIR / "site"), str(REPO_DIR)]),
        "DJANGO_SETTINGS_MODULE": "mmn_site.settings.production",
        **env,
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def production_settings(**env):
    result = run(["-c", PRINT_SETTINGS], **{**REQUIRED, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_deploy_checks_pass_at_warning_level():
    """``check --deploy --fail-level WARNING`` passes with production settings."""
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **REQUIRED
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_missing_secret_key_stops_the_site_with_a_clear_message():
    """Without SECRET_KEY nothing starts, and the error says what to set."""
    result = run(["-c", PRINT_SETTINGS], ALLOWED_HOSTS="mmn.example.org")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Set SECRET_KEY" in result.stderr


def test_without_services_the_embedded_defaults_stay_and_are_secure():
    """SQLite, local cache and media, SMTP on localhost, database tasks."""
    settings = production_settings()

    assert settings["DEBUG"] is False
    assert settings["ALLOWED_HOSTS"] == ["mmn.example.org"]
    assert settings["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert "LocMemCache" in settings["CACHES"]["default"]["BACKEND"]
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    assert settings["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert settings["EMAIL_HOST"] == "localhost"
    assert settings["EMAIL_TIMEOUT"] == 30
    assert settings["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert settings["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == (
        "wagtail.search.backends.database"
    )
    assert settings["WAGTAIL_ENABLE_UPDATE_CHECK"] is False
    assert settings["SECURE_SSL_REDIRECT"] is True
    assert settings["SESSION_COOKIE_SECURE"] and settings["CSRF_COOKIE_SECURE"]


def test_database_url_switches_to_postgresql():
    """DATABASE_URL is parsed into Django's database settings."""
    settings = production_settings(
        DATABASE_URL="postgres://mmn:s%40cret@db.example.org:5433/network"
    )

    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.example.org",
        5433,
        "network",
    )
    assert (database["USER"], database["PASSWORD"]) == ("mmn", "s@cret")
    assert database["CONN_MAX_AGE"] == 60


def test_redis_url_moves_the_cache_and_the_sessions_to_redis():
    """With REDIS_URL every host shares the cache, the limits and the sessions."""
    settings = production_settings(REDIS_URL="redis://cache.example.org:6379/3")

    cache = settings["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache.example.org:6379/3"
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_a_bucket_name_moves_media_to_s3_compatible_storage():
    """AWS_STORAGE_BUCKET_NAME (and an endpoint for MinIO and the like)."""
    settings = production_settings(
        AWS_STORAGE_BUCKET_NAME="mmn-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )

    storage = settings["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "mmn-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert storage["OPTIONS"]["default_acl"] == "private"
    assert settings["STORAGES"]["staticfiles"]["BACKEND"].startswith("whitenoise")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp://mailer:p%40ss%2Fword@mail.example.org:2525?tls=0",
            {
                "EMAIL_HOST": "mail.example.org",
                "EMAIL_PORT": 2525,
                "EMAIL_HOST_USER": "mailer",
                "EMAIL_HOST_PASSWORD": "p@ss/word",
                "EMAIL_USE_TLS": False,
                "EMAIL_USE_SSL": False,
            },
        ),
        (
            "submission://mailer:secret@mail.example.org",
            {"EMAIL_PORT": 587, "EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False},
        ),
        (
            "smtps://mailer:secret@mail.example.org",
            {"EMAIL_PORT": 465, "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": True},
        ),
    ],
)
def test_email_url_is_parsed_into_smtp_settings(url, expected):
    """EMAIL_URL gives host, port, credentials (URL-decoded) and TLS or SSL."""
    settings = production_settings(EMAIL_URL=url)

    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert {name: settings[name] for name in expected} == expected


def test_an_email_url_of_another_scheme_is_refused_clearly():
    """A mistyped EMAIL_URL stops the site instead of losing every e-mail."""
    result = run(
        ["-c", PRINT_SETTINGS], EMAIL_URL="http://mail.example.org", **REQUIRED
    )

    assert result.returncode != 0
    assert "EMAIL_URL must start with smtp://" in result.stderr


def test_the_usual_email_variables_work_without_email_url():
    """EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER... as Django names them."""
    settings = production_settings(
        EMAIL_HOST="relay.example.org", EMAIL_PORT="587", EMAIL_USE_TLS="1"
    )

    assert settings["EMAIL_HOST"] == "relay.example.org"
    assert settings["EMAIL_PORT"] == 587
    assert settings["EMAIL_USE_TLS"] is True


def test_elasticsearch_url_switches_the_search_backend():
    """With ELASTICSEARCH_URL Wagtail's search goes to the cluster."""
    settings = production_settings(ELASTICSEARCH_URL="http://search.example.org:9200")

    backend = settings["WAGTAILSEARCH_BACKENDS"]["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["http://search.example.org:9200"]
