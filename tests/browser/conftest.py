"""One Chromium for the whole browser suite, a fresh context for each test.

Playwright drives Debian's Chromium (``/usr/bin/chromium``); its own browser
download cannot work on a closed network. The live server runs in a thread
beside Playwright's event loop, hence ``DJANGO_ALLOW_ASYNC_UNSAFE``.
"""

import os
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections
from wagtail.models import Page


os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS_DIR = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1440, "height": 900}
CONTENT_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".pdf": "application/pdf"}


@pytest.fixture(scope="session")
def _migrated_data(django_db_setup, django_db_blocker):
    """The rows migrations made (root page, groups), as serialised at setup."""
    with django_db_blocker.unblock():
        return connections[DEFAULT_DB_ALIAS]._test_serialized_contents


@pytest.fixture(autouse=True)
def _restore_migrated_data(_migrated_data):
    """Put the migrations' rows back when serialized rollback did not.

    Once Playwright has started, the test thread sees a fresh connection
    wrapper without the serialised contents Django keeps on the first one: the
    flush after a test then re-runs post_migrate and the restore before the
    next loads nothing, so that test would start without Wagtail's root page.
    Here the database is emptied again, without post_migrate, and reloaded
    with the rows serialised at setup.
    """
    if not Page.objects.filter(depth=1).exists():
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        connection = connections[DEFAULT_DB_ALIAS]
        connection.creation.deserialize_db_from_string(_migrated_data)
        # flush restarted PostgreSQL's sequences, and the rows just loaded kept
        # their ids: move each sequence past them, or the next insert collides.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)
        # The cached content types still carry the ids post_migrate gave them.
        ContentType.objects.clear_cache()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run tests/ensure_browser.py as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, live_server):
    """Open a page of the live server in a new context: ``open_page(path, ...)``.

    Takes the viewport (``PHONE`` or ``WIDE``) and the browser's language.
    Every context of the test is closed at its end.
    """
    contexts = []

    def _open(path, viewport=WIDE, language="en"):
        context = browser.new_context(
            viewport=viewport,
            locale=language,
            base_url=live_server.url,
            reduced_motion="reduce",
        )
        context.route(re.compile(r"/media/"), _serve_media)
        contexts.append(context)
        page = context.new_page()
        page.goto(path, wait_until="networkidle")
        return page

    yield _open
    # Let the live server finish every request before the database is flushed:
    # it shares the test's database connection.
    for context in contexts:
        for page in context.pages:
            page.wait_for_load_state("networkidle")
        context.close()


def _serve_media(route):
    """Serve uploaded files from MEDIA_ROOT.

    The live server serves static files but, like production, not media; a
    real deployment puts them behind the web server or object storage.
    """
    path = route.request.url.split(settings.MEDIA_URL, 1)[1].split("?")[0]
    file = Path(settings.MEDIA_ROOT) / path
    if not file.is_file():
        route.fulfill(status=404, body="")
        return
    content_type = CONTENT_TYPES.get(file.suffix.lower(), "application/octet-stream")
    route.fulfill(status=200, body=file.read_bytes(), content_type=content_type)


@pytest.fixture
def screenshot():
    """Save a full-page screenshot as a test artefact: ``screenshot(page, name)``."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)

    def _take(page, name):
        path = SCREENSHOTS_DIR / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _take
