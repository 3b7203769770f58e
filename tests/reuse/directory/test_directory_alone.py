"""``mmn_plugins.directory`` installed with core alone in a plain Wagtail site.

No app of the network's site, no theme, no other plugin, no wagtail-localize,
wagtailmenus or allauth (see ``tests/reuse/settings_directory.py``).
"""

import importlib.util
import io
import sys

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.core.management.base import OutputWrapper
from wagtail.models import Locale, Page

from mmn_plugins.core.registry import DemoContext, run_demo_builders
from mmn_plugins.directory import applications
from mmn_plugins.directory.models import (
    DirectoryPage,
    MembershipApplication,
    Organisation,
    OrganisationType,
)


SITE_MODULES = [
    "mmn_site", "home", "pages", "news", "events", "formpages", "accounts", "demo",
]  # fmt: skip
OTHER_PACKAGES = [
    "wagtail_localize", "wagtailmenus", "allauth", "machina", "mmn_plugins.library",
    "mmn_plugins.debates", "mmn_plugins.forum", "mmn_plugins.search",
]  # fmt: skip


@pytest.mark.parametrize("name", SITE_MODULES)
def test_nothing_of_the_site_is_loaded_or_importable(name):
    """The directory runs without the network's site."""
    assert name not in sys.modules
    assert importlib.util.find_spec(name) is None


@pytest.mark.parametrize("name", OTHER_PACKAGES)
def test_no_other_plugin_or_site_dependency_is_loaded(name):
    """The directory needs core, Wagtail and django-countries only."""
    assert name not in sys.modules


@pytest.mark.django_db
def test_migrations_apply_and_are_complete():
    """The directory's migrations apply on a plain site and describe its models."""
    call_command("makemigrations", "mmn_directory", "--check", "--dry-run", verbosity=0)


@pytest.fixture
def directory(db):
    home = Page.objects.get(depth=2)
    page = home.add_child(instance=DirectoryPage(title="Members", slug="members"))
    page.save_revision().publish()
    kind = OrganisationType.objects.create(
        name="NGO", slug="ngo", locale=Locale.get_default()
    )
    Organisation.objects.create(
        name="Plain Site Member", slug="plain-member", organisation_type=kind,
        head_office_country="MT",
    )  # fmt: skip
    return page


def test_directory_pages_render_in_the_plain_base_template(client, directory):
    """The list, a profile and the application form render inside the plain
    site's base template."""
    for path in ["/members/", "/members/plain-member/", "/members/apply/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert BeautifulSoup(response.content, "html.parser").find("main", id="main")
    assert "Plain Site Member" in client.get("/members/").content.decode()


def test_application_is_approved_on_a_plain_site(client, directory):
    """Without allauth, approval still creates the organisation and the account
    and e-mails an invitation that works."""
    kind = OrganisationType.objects.get()
    response = client.post(
        "/members/apply/",
        {"organisation_name": "Plain Applicant", "organisation_type": kind.pk,
         "head_office_country": "CY", "city": "Nicosia", "description": "We help.",
         "applicant_name": "Eleni Papas", "applicant_email": "eleni@example.org",
         "applicant_job_title": "Director", "applicant_language": "en",
         "motivation": "To share.", "consent": "on"},
    )  # fmt: skip
    assert response.status_code == 302

    applications.approve(MembershipApplication.objects.get(), None, "Welcome")

    assert Organisation.objects.filter(name="Plain Applicant").exists()
    assert "/members/invitation/" in mail.outbox[-1].body


@pytest.mark.django_db
def test_demo_builder_runs_on_a_plain_site():
    """The directory's demo builder fills a plain site's directory."""
    home = Page.objects.get(depth=2)
    demo = DemoContext(
        password="x", home_pages={"en": home}, users={},
        stdout=OutputWrapper(io.StringIO()),
    )  # fmt: skip

    run_demo_builders(demo)

    assert Organisation.objects.count() == 150
    assert DirectoryPage.objects.filter(slug="members").exists()
