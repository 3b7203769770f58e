"""``mmn_plugins.debates`` installed alone (with core) in a plain Wagtail site.

No app of the network's site, no theme, no other plugin: see
``tests/reuse/settings_debates.py``.
"""

import datetime
import importlib.util
import io
import sys

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from mmn_plugins.core.registry import DemoContext, run_demo_builders
from mmn_plugins.debates.models import (
    DebateComment,
    DebateIndexPage,
    DebateOutcome,
    DebatePage,
)
from tests.core.markup import assert_no_live_markup


SITE_MODULES = [
    "mmn_site", "home", "pages", "news", "events", "formpages", "accounts",
    "demo", "tests.factories", "tests.conftest",
]  # fmt: skip
OTHER_PLUGINS = ["mmn_plugins.directory", "mmn_plugins.library",
                 "mmn_plugins.forum", "mmn_plugins.search"]  # fmt: skip
SITE_ONLY_PACKAGES = ["wagtail_localize", "wagtailmenus", "allauth", "machina"]


@pytest.mark.parametrize("name", SITE_MODULES)
def test_nothing_of_the_site_is_loaded_or_importable(name):
    assert name not in sys.modules
    if "." not in name:
        assert importlib.util.find_spec(name) is None


@pytest.mark.parametrize("name", OTHER_PLUGINS + SITE_ONLY_PACKAGES)
def test_no_other_plugin_or_site_dependency_is_loaded(name):
    """Debates need core, Wagtail and django-comments-xtd only."""
    assert name not in sys.modules


@pytest.mark.django_db
def test_debates_migrate_and_their_migrations_are_complete():
    call_command("makemigrations", "mmn_debates", "--check", "--dry-run", verbosity=0)


@pytest.fixture
def debate(db):
    home = Page.objects.get(depth=2)
    index = home.add_child(instance=DebateIndexPage(title="Debates", slug="debates"))
    index.save_revision().publish()
    now = timezone.now()
    debate = index.add_child(
        instance=DebatePage(
            title="Ποιος αποφασίζει;",
            slug="who-decides",
            question="Who decides?",
            opens_at=now - datetime.timedelta(days=1),
            closes_at=now + datetime.timedelta(days=1),
        )
    )
    debate.save_revision().publish()
    return debate


@pytest.fixture
def member(db):
    user = get_user_model().objects.create_user("ana", "ana@example.org", "pw-12345")
    user.groups.add(Group.objects.get_or_create(name="Members")[0])
    return user


def test_member_argues_and_the_page_renders_in_the_plain_base(debate, member):
    client = Client()
    client.force_login(member)
    url = debate.url + "argue/"

    response = client.post(
        url,
        {
            "debate": debate.pk,
            "stance": "for",
            "comment": "[x](javascript:alert(1)) **yes** <script>x</script>",
        },
    )
    page = Client().get(debate.url)

    assert response.status_code == 302
    comment = DebateComment.objects.get()
    assert comment.user == member and comment.stance == "for"
    assert page.status_code == 200
    assert b'<main id="main">' in page.content
    assert "Ποιος αποφασίζει;" in page.content.decode()
    assert_no_live_markup(comment.rendered())
    assert "<strong>yes</strong>" in page.content.decode()


def test_demo_builder_runs_on_a_plain_site(db):
    home = Page.objects.get(depth=2)
    moderator = get_user_model().objects.create_user("mod", "mod@example.org", "x")
    demo = DemoContext(
        password="x",
        home_pages={"en": home},
        users={"member": moderator, "member2": moderator, "moderator": moderator},
        stdout=io.StringIO(),
    )

    run_demo_builders(demo)
    run_demo_builders(demo)

    assert DebatePage.objects.count() == 5
    assert DebateOutcome.objects.count() == 2
    assert DebateComment.objects.exists()
