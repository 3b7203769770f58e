"""Cache, sessions and rate limits against the real Redis server.

Production moves the cache and the sessions to Redis when REDIS_URL is set;
these tests do the same with ``MMN_TEST_REDIS_URL`` (default: the local server,
database 2). They fail, never skip, when Redis cannot be reached: CI provides
it, and a silent skip would hide a broken deployment path.
"""

import os

import pytest
import redis
from django.core.cache import cache
from django.test import Client, RequestFactory

from mmn_plugins.core.ratelimit import is_rate_limited
from tests import factories


pytestmark = [pytest.mark.django_db, pytest.mark.redis]

REDIS_URL = os.environ.get("MMN_TEST_REDIS_URL", "redis://127.0.0.1:6379/2")
KEY_PREFIX = "mmn-test-redis"


@pytest.fixture
def redis_server():
    """A client of the Redis database the tests use, emptied before and after."""
    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    server.ping()  # Raises (and fails the test) when Redis is unreachable.
    server.flushdb()
    yield server
    server.flushdb()


@pytest.fixture
def on_redis(settings, redis_server):
    """Settings as production makes them with REDIS_URL."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": KEY_PREFIX,
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    return redis_server


def stored_keys(server, fragment):
    return [key for key in server.keys(f"{KEY_PREFIX}*") if fragment in key.decode()]


def test_the_cache_stores_counts_and_forgets_in_redis(on_redis):
    """What the site caches lands in Redis, where another host would see it."""
    cache.set("greeting", {"text": "مرحبا"}, timeout=60)
    cache.set("counter", 1, timeout=60)
    cache.incr("counter")

    assert cache.get("greeting") == {"text": "مرحبا"}
    assert cache.get("counter") == 2
    assert stored_keys(on_redis, "greeting")
    cache.delete("greeting")
    assert cache.get("greeting") is None
    assert not stored_keys(on_redis, "greeting")


def test_a_logged_in_session_lives_in_redis_across_requests(on_redis, member):
    """After logging in, later requests (even from another host) stay logged in."""
    browser = Client()
    response = browser.post(
        "/accounts/login/",
        {"login": "member@example.org", "password": factories.TEST_PASSWORD},
    )
    assert response.status_code == 302
    session_key = browser.cookies["sessionid"].value

    assert stored_keys(on_redis, session_key)
    assert browser.get("/accounts/password/change/").status_code == 200

    other_host = Client()
    other_host.cookies["sessionid"] = session_key
    assert other_host.get("/accounts/password/change/").status_code == 200


def test_logging_out_removes_the_session_from_redis(on_redis, member):
    """A session cookie replayed after logout is anonymous."""
    browser = Client()
    browser.force_login(member)
    session_key = browser.cookies["sessionid"].value
    assert stored_keys(on_redis, session_key)

    browser.post("/accounts/logout/")

    assert not stored_keys(on_redis, session_key)
    replay = Client()
    replay.cookies["sessionid"] = session_key
    response = replay.get("/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_rate_limit_counters_are_kept_in_redis(on_redis):
    """The fourth request within the window is limited; the count is in Redis."""
    request = RequestFactory().post("/en/contact/", REMOTE_ADDR="192.0.2.7")

    answers = [is_rate_limited(request, "redis-test", "3/m") for _ in range(4)]

    assert answers == [False, False, False, True]
    [key] = stored_keys(on_redis, "redis-test")
    assert int(on_redis.get(key)) == 4
    other = RequestFactory().post("/en/contact/", REMOTE_ADDR="192.0.2.8")
    assert not is_rate_limited(other, "redis-test", "3/m")


def test_allauth_login_limits_work_on_redis(on_redis, member):
    """Failed logins are counted in Redis and stop the sixth attempt."""
    browser = Client()
    for _attempt in range(5):
        browser.post(
            "/accounts/login/",
            {"login": "member@example.org", "password": "wrong password"},
        )

    response = browser.post(
        "/accounts/login/",
        {"login": "member@example.org", "password": factories.TEST_PASSWORD},
    )

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert stored_keys(on_redis, "login_failed")
