"""The library's list and resource pages come from the fragment cache, safely.

Their content is kept per address and language until the content changes; a
resource page also keeps one copy for readers who may download its files and
another for those who may not.
"""

import pytest
from django.test import Client

from .conftest import make_document


pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _only_fragments(settings):
    # The full-page cache would answer anonymous readers before any fragment.
    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    settings.MMN_CORE_FRAGMENT_CACHE_SECONDS = 300


def test_list_shows_a_resource_published_after_it_was_kept(client, make, library):
    make(title="First study")
    assert "First study" in client.get("/en/library/").content.decode()

    make(title="Second study")

    assert "Second study" in client.get("/en/library/").content.decode()


def test_visitor_never_gets_the_copy_kept_for_a_member(make, member):
    """A member's download links are not shown to the visitor who comes next."""
    resource = make(access="members", files=[("en", make_document())])
    reader = Client()
    reader.force_login(member)
    assert "download/en/" in reader.get(resource.url).content.decode()

    html = Client().get(resource.url).content.decode()

    assert "download/en/" not in html
    assert "/accounts/login/?next=" in html


def test_resource_page_shows_a_published_change(client, make):
    resource = make(summary="The first summary.")
    assert "The first summary." in client.get(resource.url).content.decode()

    resource.summary = "The revised summary."
    resource.save_revision().publish()

    assert "The revised summary." in client.get(resource.url).content.decode()
