"""The directory in the Wagtail admin, and its demo content."""

import io

import pytest
from django.core.management.base import OutputWrapper

from mmn_plugins.core.registry import DemoContext
from mmn_plugins.directory.demo import build_demo_directory
from mmn_plugins.directory.models import (
    ApplicationStatus,
    DirectoryPage,
    MembershipApplication,
    Organisation,
    OrganisationType,
    Role,
    WorkingGroup,
)
from tests.directory.conftest import make_organisation


pytestmark = pytest.mark.django_db

INDEX = "/admin/snippets/mmn_directory/organisation/"


def test_editor_filters_and_exports_organisations(client, editor, types):
    """Editors list organisations filtered by country and export them as CSV."""
    make_organisation(types["ngo"], "FR", name="French org")
    make_organisation(types["ngo"], "IT", name="Italian org")
    client.force_login(editor)

    listing = client.get(INDEX, {"head_office_country": "FR"})
    export = client.get(INDEX, {"head_office_country": "FR", "export": "csv"})

    assert listing.status_code == 200
    assert "French org" in listing.content.decode()
    assert "Italian org" not in listing.content.decode()
    assert export.status_code == 200
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[0].startswith("Name,Short name or acronym,Slug")
    assert len(rows) == 2 and "French org" in rows[1] and "France" in rows[1]


def test_members_cannot_open_the_admin(client, member):
    """Members have no access to the organisations in the admin."""
    client.force_login(member)
    assert client.get(INDEX).status_code == 302


def test_demo_builds_the_network_and_is_idempotent(
    home_page, french_home_page, arabic_home_page, django_assert_max_num_queries, member
):
    """The demo adds the directory page in three languages and ~150 invented
    organisations from 34 countries of every type, with people, focal points,
    four working groups and an application in each state; a second run
    creates nothing."""
    home_pages = {"en": home_page, "fr": french_home_page, "ar": arabic_home_page}
    demo = DemoContext(
        password="x", home_pages=home_pages, users={"member": member},
        stdout=OutputWrapper(io.StringIO()),
    )  # fmt: skip

    build_demo_directory(demo)

    organisations = Organisation.objects.all()
    assert organisations.count() == 150
    assert organisations.values("head_office_country").distinct().count() == 34
    assert set(organisations.values_list("organisation_type__slug", flat=True)) == set(
        OrganisationType.objects.filter(locale=home_page.locale).values_list(
            "slug", flat=True
        )
    )
    assert Role.objects.filter(kind=Role.Kind.FOCAL_POINT).count() >= 150
    assert Role.objects.filter(person__user=member, kind=Role.Kind.FOCAL_POINT).exists()
    assert WorkingGroup.objects.count() == 4
    assert set(MembershipApplication.objects.values_list("status", flat=True)) == set(
        ApplicationStatus.values
    )
    pages = DirectoryPage.objects.filter(slug="members")
    assert set(pages.values_list("locale__language_code", flat=True)) == {
        "en",
        "fr",
        "ar",
    }

    with django_assert_max_num_queries(60):
        build_demo_directory(demo)
    assert Organisation.objects.count() == 150
