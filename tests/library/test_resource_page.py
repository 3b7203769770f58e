"""The resource page: its description, its files by language, the reader's first."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests import factories
from tests.library.conftest import make_document, make_resource


pytestmark = pytest.mark.django_db


def _file_languages(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [div["lang"] for div in soup.select(".resource-file")]


def test_page_shows_the_description_to_everyone(client, make, topics):
    """Title, type, authors, publisher, topics, countries and keywords show."""
    resource = make(
        title="Labour mobility in the Mediterranean",
        resource_type="study",
        publisher="MMN Secretariat",
        countries=["GR", "TN"],
        authors=[("Amina", "Haddad"), ("Elena", "Papadaki")],
        topics=[topics["labour"]],
    )
    resource.keywords.add("seasonal work")
    resource.save_revision().publish()

    response = client.get(resource.url)

    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Labour mobility in the Mediterranean",
        "Study",
        "Amina Haddad, Elena Papadaki",
        "MMN Secretariat",
        "Labour migration",
        "Greece",
        "Tunisia",
        "seasonal work",
    ]:
        assert text in html


def test_files_offer_the_readers_language_first(make):
    """The file in the active language comes first; the others follow in order."""
    resource = make(
        files=[
            ("en", make_document("English", "en.pdf")),
            ("fr", make_document("French", "fr.pdf")),
            ("ar", make_document("Arabic", "ar.pdf")),
        ]
    )

    with translation.override("ar"):
        in_arabic = [f.language for f in resource.files_for_reader()]
    with translation.override("fr"):
        in_french = [f.language for f in resource.files_for_reader()]

    assert in_arabic == ["ar", "en", "fr"]
    assert in_french == ["fr", "en", "ar"]


def test_french_reader_sees_the_french_version_first(client, home_page, locales):
    """On the French page, the French file leads and the others are listed."""
    from mmn_plugins.library.models import LibraryPage

    library = factories.add_page(
        home_page, LibraryPage(title="Library", slug="library")
    )
    french_library = factories.translate_page(library, "fr", title="Bibliothèque")
    resource = make_resource(
        french_library,
        title="Guide d'accueil",
        files=[
            ("en", make_document("Welcome guide", "guide-en.pdf")),
            {
                "language": "fr",
                "document": make_document("Guide", "guide-fr.pdf"),
                "title": "Guide d'accueil des nouveaux arrivants",
                "abstract": "Un résumé propre à la version française.",
            },
        ],
    )

    response = client.get(resource.url)

    assert resource.url.startswith("/fr/")
    assert _file_languages(response) == ["fr", "en"]
    html = response.content.decode()
    assert "Guide d&#x27;accueil des nouveaux arrivants" in html
    assert "Un résumé propre à la version française." in html
    assert "Other languages" in html or "Autres langues" in html


def test_members_only_resource_shows_summary_but_no_download_to_visitors(client, make):
    """A visitor reads the summary and is asked to log in instead of a link."""
    resource = make(
        access="members",
        summary="What the network learnt in 2024.",
        files=[("en", make_document())],
    )

    response = client.get(resource.url)

    html = response.content.decode()
    assert "What the network learnt in 2024." in html
    assert "download/en/" not in html
    assert "/accounts/login/?next=" in html


def test_members_only_resource_offers_downloads_to_members(client, make, member):
    resource = make(access="members", files=[("en", make_document())])
    client.force_login(member)

    response = client.get(resource.url)

    assert "download/en/" in response.content.decode()


def test_related_resources_are_linked_when_live(client, make, library):
    from mmn_plugins.library.models import RelatedResource

    other = make(title="The earlier study")
    draft = make(title="An unpublished draft")
    draft.unpublish()
    resource = make(title="The follow-up")
    resource.related_links.add(RelatedResource(resource=other))
    resource.related_links.add(RelatedResource(resource=draft))
    resource.save_revision().publish()

    html = client.get(resource.url).content.decode()

    assert "The earlier study" in html
    assert "An unpublished draft" not in html


def test_file_needs_a_document_or_a_link_not_both(make):
    """An editor who gives both, or neither, gets a validation error."""
    from django.core.exceptions import ValidationError

    from mmn_plugins.library.models import ResourceFile

    with pytest.raises(ValidationError):
        ResourceFile(language="en").clean()
    with pytest.raises(ValidationError):
        ResourceFile(
            language="en", document=make_document(), external_url="https://x.org/"
        ).clean()
