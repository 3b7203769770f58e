"""``mmn_plugins.forum`` installed alone (with core) in a plain Wagtail site.

No app of the network's site, no theme, no other plugin, no allauth: see
``tests/reuse/settings_forum.py``.
"""

import importlib.util
import io
import sys

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from machina.core.db.models import get_model

from mmn_plugins.core.registry import DemoContext, run_demo_builders


Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")

SITE_MODULES = ["mmn_site", "home", "accounts", "demo", "tests.factories"]
OTHER_PLUGINS = ["mmn_plugins.directory", "mmn_plugins.library",
                 "mmn_plugins.debates", "mmn_plugins.search"]  # fmt: skip
SITE_ONLY_PACKAGES = ["wagtail_localize", "wagtailmenus", "allauth"]


@pytest.mark.parametrize("name", SITE_MODULES)
def test_nothing_of_the_site_is_loaded_or_importable(name):
    assert name not in sys.modules
    if "." not in name:
        assert importlib.util.find_spec(name) is None


@pytest.mark.parametrize("name", OTHER_PLUGINS + SITE_ONLY_PACKAGES)
def test_no_other_plugin_or_site_dependency_is_loaded(name):
    assert not any(
        module == name or module.startswith(f"{name}.") for module in sys.modules
    )


@pytest.fixture
def people(db):
    members = Group.objects.create(name="Members")
    users = get_user_model().objects
    member = users.create_user("member", "member@example.org", "pw-1234567890")
    member.groups.add(members)
    other = users.create_user("other", "other@example.org", "pw-1234567890")
    other.groups.add(members)
    moderator = users.create_user("mod", "mod@example.org", "pw-1234567890")
    return {"member": member, "member2": other, "moderator": moderator}


def test_the_demo_and_a_conversation_in_a_plain_site(
    client, people, django_capture_on_commit_callbacks
):
    demo = DemoContext(password="x", home_pages={}, users=people, stdout=io.StringIO())
    run_demo_builders(demo)
    run_demo_builders(demo)  # safe twice
    forum = Forum.objects.get(name="Education")

    index = client.get("/en/forum/")
    assert index.status_code == 200
    assert b"Education" in index.content
    assert "التعليم" in client.get("/ar/forum/").content.decode()
    assert client.get(f"/en/forum/{forum.pk}/new/")["Location"].startswith("/login/")

    client.force_login(people["member"])
    response = client.post(
        f"/en/forum/{forum.pk}/new/", {"subject": "Plain site", "content": "*Hello*"}
    )
    topic = Topic.objects.get(subject="Plain site")
    assert response["Location"] == f"/en/forum/topic/{topic.pk}/"

    mail.outbox.clear()
    client.force_login(people["member2"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/forum/topic/{topic.pk}/reply/", {"content": "Hi there"})
    page = client.get(f"/en/forum/topic/{topic.pk}/").content.decode()
    assert "<em>Hello</em>" in page and "Hi there" in page
    assert [message.to for message in mail.outbox] == [["member@example.org"]]
