"""Editors work with the library's page types in Wagtail's admin."""

import pytest

from tests.library.conftest import make_document


pytestmark = pytest.mark.django_db


def test_editor_opens_the_add_and_edit_forms(admin_client, library, make):
    """The forms with files by language, authors and related resources load."""
    resource = make(files=[("en", make_document())], authors=[("A", "Haddad")])

    add = admin_client.get(f"/admin/pages/add/mmn_library/resourcepage/{library.pk}/")
    edit = admin_client.get(f"/admin/pages/{resource.pk}/edit/")

    assert add.status_code == 200
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "Files by language" in html
    assert 'name="files-0-language"' in html
    assert 'name="authors-0-organisation_id"' in html


def test_organisation_choices_come_from_the_configured_model(settings):
    """Authors can point to any model the site names; empty when none is named."""
    from mmn_plugins.library.models import organisation_choices

    settings.MMN_LIBRARY_ORGANISATION_MODEL = ""
    assert organisation_choices() == [("", "---------")]

    settings.MMN_LIBRARY_ORGANISATION_MODEL = "wagtailcore.Locale"
    labels = [label for _pk, label in organisation_choices()]
    assert "English" in labels or "en" in " ".join(map(str, labels))


def test_author_links_to_a_named_organisation(client, settings, make, locales):
    """With a model named, the resource page links the author's organisation."""
    from mmn_plugins.library.models import ResourceAuthor

    settings.MMN_LIBRARY_ORGANISATION_MODEL = "wagtailcore.Site"
    resource = make(authors=[("Amina", "Haddad")])
    site = resource.get_site()
    ResourceAuthor.objects.filter(page=resource).update(organisation_id=site.pk)

    pairs = resource.authors_with_organisations()

    assert pairs[0][1]["name"] == str(site)
