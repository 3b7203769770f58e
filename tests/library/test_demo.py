"""The library's demo builder: eighty resources, real files, safe to rerun."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mmn_plugins.core.models import Topic
from mmn_plugins.core.registry import DemoContext
from mmn_plugins.library.demo import build_library
from mmn_plugins.library.models import (
    Access,
    LibraryPage,
    ResourceFile,
    ResourcePage,
    ResourceType,
)


pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home_page, french_home_page, arabic_home_page, locales):
    for slug in ["education", "labour", "health", "asylum"]:
        Topic.objects.create(slug=slug, name=slug.title(), locale=locales["en"])
    return DemoContext(
        password="demo-password-123",
        home_pages={"en": home_page, "fr": french_home_page, "ar": arabic_home_page},
        users={},
        stdout=io.StringIO(),
    )


def test_demo_builds_a_varied_library_and_rerun_adds_nothing(client, demo):
    """Every type, ten years, French and Arabic versions, members-only files.

    One build serves every check (it is the slow part); a second run finds
    everything in place and adds nothing. The library's builder alone: the
    other plugins' builders expect the site's demo accounts.
    """
    build_library(demo)

    library = LibraryPage.objects.get(slug="library", locale__language_code="en")
    resources = ResourcePage.objects.child_of(library).live()
    assert resources.count() == 80
    assert set(resources.values_list("resource_type", flat=True)) == set(
        ResourceType.values
    )
    assert len({r.publication_date.year for r in resources}) == 10
    assert resources.filter(access=Access.MEMBERS).count() >= 5
    languages = ResourceFile.objects.filter(page__in=resources)
    assert languages.filter(language="fr").count() >= 10
    assert languages.filter(language="ar").count() >= 10
    assert all(r.topics.exists() for r in resources[:5])

    assert client.get("/en/library/").status_code == 200
    assert client.get("/fr/library/").status_code == 200
    assert client.get("/ar/library/?language=ar").status_code == 200

    public_report = resources.filter(
        access=Access.PUBLIC, resource_type=ResourceType.REPORT
    ).first()
    download = client.get(public_report.url + "download/en/")
    assert b"".join(download.streaming_content).startswith(b"%PDF-1.4")
    restricted = ResourceFile.objects.filter(
        page__access=Access.MEMBERS, document__isnull=False
    ).first()
    # Wagtail's own document URL asks visitors to log in, too.
    assert client.get(restricted.document.url).status_code == 302

    with CaptureQueriesContext(connection) as second_run:
        build_library(demo)
    assert ResourcePage.objects.child_of(library).count() == 80
    assert len(second_run) < 60
    assert "already there" in demo.stdout.getvalue()
