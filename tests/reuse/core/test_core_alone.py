"""``mmn_plugins.core`` installed alone in a plain Wagtail site.

The site here has no app of the network's site, no theme and no other plugin
(see ``tests/reuse/settings_core.py``); each test checks one thing core
promises another Wagtail site.
"""

import datetime
import importlib.util
import sys

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.migrations.recorder import MigrationRecorder
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.models import Page

from mmn_plugins.core.models import Topic
from mmn_plugins.core.notifications import send_templated_email
from mmn_plugins.core.registry import HOME_SLOTS, ORGANISATION_SLOTS, collect_slots
from tests.core.markup import assert_no_live_markup, parse


SITE_MODULES = [
    "mmn_site", "home", "pages", "news", "events", "formpages", "accounts",
    "demo", "tests.factories", "tests.conftest",
]  # fmt: skip
# The site's own dependencies, which core must not need.
SITE_ONLY_PACKAGES = ["wagtail_localize", "wagtailmenus", "allauth", "machina"]


@pytest.mark.parametrize("name", SITE_MODULES)
def test_nothing_of_the_site_is_loaded_or_importable(name):
    """Core runs without the network's site: its modules are not even findable."""
    assert name not in sys.modules
    if "." not in name:
        assert importlib.util.find_spec(name) is None


@pytest.mark.parametrize("name", SITE_ONLY_PACKAGES)
def test_core_does_not_load_the_sites_other_dependencies(name):
    """Core needs Wagtail and its own small dependencies, not the site's."""
    assert name not in sys.modules


@pytest.mark.django_db
def test_core_migrates_and_its_migrations_are_complete():
    """Core's migrations apply on a plain site and describe its models fully."""
    applied = MigrationRecorder.Migration.objects.filter(app="mmn_core")

    assert applied.filter(name="0001_topics").exists()
    assert Topic.objects.count() == 0
    call_command("makemigrations", "mmn_core", "--check", "--dry-run", verbosity=0)


def test_template_filters_sanitise_member_text():
    """``markdown`` and ``plain_text`` work in any template of the plain site."""
    template = Template("{% load mmn_core %}{{ text|markdown }}{{ text|plain_text }}")

    html = template.render(Context({"text": "**ok** <script>alert(1)</script>"}))

    assert parse(html).find("strong").get_text() == "ok"
    assert_no_live_markup(html)


def test_a_plugin_template_extends_the_sites_base_template():
    """A template extending ``mmn_base_template`` lands in the site's own layout."""
    request = RequestFactory().get("/")

    html = render_to_string(
        "reuse/plugin_page.html", {"text": "[x](javascript:alert(1))"}, request
    )

    soup = parse(html)
    member_text = soup.find("main", id="main").find("div", class_="member-text")
    assert soup.title.get_text() == "A plugin's page"
    assert member_text.get_text().strip() == "[x](javascript:alert(1))"
    assert_no_live_markup(member_text.decode_contents())


def test_meeting_points_are_empty_without_other_plugins():
    """With core alone, the home page and organisation slots offer nothing."""
    request = RequestFactory().get("/")

    assert collect_slots(HOME_SLOTS, request) == []
    assert collect_slots(ORGANISATION_SLOTS, request) == []


def test_notifications_are_sent_through_the_task_backend(settings):
    """An e-mail rendered in French reaches the outbox through django-tasks."""
    send_templated_email(
        "reuse/welcome",
        {"name": "Claire", "joined_on": datetime.date(2026, 2, 1)},
        ["claire@example.org"],
        language="fr",
    )

    (message,) = mail.outbox
    assert message.subject == "Welcome, Claire"
    assert message.body.strip() == "fr: février"


@pytest.mark.django_db
def test_page_cache_serves_anonymous_readers_without_queries(
    client, django_assert_num_queries
):
    """The second anonymous view of a page comes from the cache, with no SQL."""
    first = client.get("/")
    assert first.status_code == 200

    with django_assert_num_queries(0):
        second = client.get("/")

    assert second.content == first.content
    assert b'<main id="main">' in second.content


@pytest.mark.django_db
def test_publishing_a_page_purges_the_page_cache(client):
    """Readers see a page's new version as soon as an editor publishes it."""
    client.get("/")
    page = Page.objects.get(depth=2)
    page.title = "A new title"
    page.save_revision().publish()

    response = client.get("/")

    assert "<h1>A new title</h1>" in response.content.decode()


@pytest.mark.django_db
def test_a_visitor_with_a_session_is_never_served_from_the_cache(
    client, django_assert_max_num_queries, django_user_model
):
    """A logged-in editor sees the page rendered for them, not the cached copy."""
    client.get("/")
    editor = django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "x" * 12
    )
    client.force_login(editor)

    with django_assert_max_num_queries(50) as queries:
        response = client.get("/")

    assert response.status_code == 200
    assert len(queries) > 0


@pytest.mark.django_db
def test_topics_are_managed_as_snippets_in_the_admin(admin_client):
    """Editors find the Topics snippet in the admin of the plain site."""
    response = admin_client.get("/admin/snippets/mmn_core/topic/")

    assert response.status_code == 200
