"""``mmn_plugins.library`` installed alone (with core) in a plain Wagtail site.

No app of the network's site, no theme, no other plugin: see
``tests/reuse/settings_library.py``.
"""

import datetime
import importlib.util
import io
import sys

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page

from mmn_plugins.core.registry import DemoContext, run_demo_builders
from mmn_plugins.library.models import LibraryPage, ResourceFile, ResourcePage


SITE_MODULES = [
    "mmn_site", "home", "pages", "news", "events", "formpages", "accounts",
    "demo", "tests.factories", "tests.conftest",
]  # fmt: skip
OTHER_PLUGINS = ["mmn_plugins.directory", "mmn_plugins.debates",
                 "mmn_plugins.forum", "mmn_plugins.search"]  # fmt: skip
SITE_ONLY_PACKAGES = ["wagtail_localize", "wagtailmenus", "allauth", "machina"]


@pytest.mark.parametrize("name", SITE_MODULES)
def test_nothing_of_the_site_is_loaded_or_importable(name):
    assert name not in sys.modules
    if "." not in name:
        assert importlib.util.find_spec(name) is None


@pytest.mark.parametrize("name", OTHER_PLUGINS + SITE_ONLY_PACKAGES)
def test_no_other_plugin_or_site_dependency_is_loaded(name):
    """The library needs core, Wagtail, taggit and django-countries only."""
    assert name not in sys.modules


@pytest.mark.django_db
def test_library_migrates_and_its_migrations_are_complete():
    call_command("makemigrations", "mmn_library", "--check", "--dry-run", verbosity=0)


@pytest.fixture
def library(db):
    home = Page.objects.get(depth=2)
    library = home.add_child(instance=LibraryPage(title="Library", slug="library"))
    library.save_revision().publish()
    return library


@pytest.fixture
def resource(library):
    document = get_document_model().objects.create(
        title="Report", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="report.pdf")
    )
    resource = ResourcePage(
        title="Μελέτη για την ένταξη",
        summary="A study.",
        resource_type="study",
        publication_date=datetime.date(2025, 2, 3),
        countries=["GR"],
    )
    resource.files.add(ResourceFile(language="en", document=document))
    library.add_child(instance=resource)
    resource.save_revision().publish()
    return resource


def test_library_and_resource_render_in_the_plain_base_template(client, resource):
    """The pages land in the site's own layout, facets and files included."""
    listing = client.get("/library/?country=GR")
    page = client.get(resource.url)

    assert listing.status_code == 200
    assert b'<main id="main">' in listing.content
    assert "Μελέτη για την ένταξη" in listing.content.decode()
    assert b'class="facets"' in listing.content
    assert b'name="citation_title"' in page.content
    assert b"download/en/" in page.content


def test_download_feed_and_citation_work(client, resource):
    download = client.get(resource.url + "download/en/")
    feed = client.get("/library/feed/atom/")
    bibtex = client.get(resource.url + "cite/bib/")

    assert download["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "filename*=UTF-8''" in download["Content-Disposition"]
    assert "Μελέτη".encode() in feed.content
    assert bibtex.content.startswith(b"@techreport{")


def test_demo_builder_runs_on_a_plain_site(db, settings, tmp_path):
    """With no topics and no demo files, it still builds the library's pages."""
    settings.MMN_LIBRARY_DEMO_FILES_DIR = tmp_path
    home = Page.objects.get(depth=2)
    demo = DemoContext(
        password="x", home_pages={"en": home}, users={}, stdout=io.StringIO()
    )

    run_demo_builders(demo)

    library = LibraryPage.objects.get(slug="library")
    assert ResourcePage.objects.child_of(library).count() == 80
