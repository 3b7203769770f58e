"""Citations: BibTeX, RIS and CSL-JSON exports parse back; Highwire meta tags."""

import datetime
import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from bs4 import BeautifulSoup

from tests.library.conftest import make_document


pytestmark = pytest.mark.django_db

TRICKY_TITLE = "Rights & remedies: 50% of {cases} for Ελλάδα και تونس"


@pytest.fixture
def cited(make):
    resource = make(
        title=TRICKY_TITLE,
        resource_type="report",
        publisher="Mediterranean Migration Network",
        publication_date=datetime.date(2024, 3, 7),
        summary="A summary\nover two lines.",
        authors=[("Amina", "Haddad"), ("Elena", "Papadaki")],
        files=[("en", make_document())],
    )
    resource.keywords.add("asylum", "legal aid")
    resource.save_revision().publish()
    return resource


def _parse_bibtex(text):
    library = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware()]
    )
    assert not library.failed_blocks
    return library.entries


def test_bibtex_export_parses_back(client, cited):
    response = client.get(cited.url + "cite/bib/")

    assert response["Content-Type"].startswith("application/x-bibtex")
    assert "attachment" in response["Content-Disposition"]
    [entry] = _parse_bibtex(response.content.decode())
    assert entry.entry_type == "techreport"
    fields = entry.fields_dict
    assert fields["title"].value == TRICKY_TITLE
    assert fields["author"].value == "Haddad, Amina and Papadaki, Elena"
    assert fields["year"].value == "2024"
    assert fields["institution"].value == "Mediterranean Migration Network"
    assert fields["url"].value == "http://localhost" + cited.url
    assert fields["abstract"].value == "A summary over two lines."


def test_ris_export_parses_back(client, cited):
    response = client.get(cited.url + "cite/ris/")

    [record] = rispy.loads(response.content.decode())
    assert record["type_of_reference"] == "RPRT"
    assert record["title"] == TRICKY_TITLE
    assert record["authors"] == ["Haddad, Amina", "Papadaki, Elena"]
    assert record["year"] == "2024"
    assert record["date"] == "2024/03/07"
    assert record["publisher"] == "Mediterranean Migration Network"
    assert sorted(record["keywords"]) == ["asylum", "legal aid"]


def test_csl_json_export(client, cited):
    response = client.get(cited.url + "cite/json/")

    [item] = json.loads(response.content)
    assert item["type"] == "report"
    assert item["title"] == TRICKY_TITLE
    assert item["author"][0] == {"family": "Haddad", "given": "Amina"}
    assert item["issued"] == {"date-parts": [[2024, 3, 7]]}


def test_unknown_format_is_not_found(client, cited):
    assert client.get(cited.url + "cite/docx/").status_code == 404


def test_list_export_follows_the_filters(client, make, cited):
    """The library's export holds exactly what the filtered list shows."""
    make(title="A toolkit", resource_type="toolkit")
    make(title="A video", resource_type="video")

    bib = client.get("/en/library/export/bib/?type=toolkit&type=report")
    ris = client.get("/en/library/export/ris/?type=video")
    csl = client.get("/en/library/export/json/")

    titles = {
        entry.fields_dict["title"].value
        for entry in _parse_bibtex(bib.content.decode())
    }
    assert titles == {TRICKY_TITLE, "A toolkit"}
    assert [r["title"] for r in rispy.loads(ris.content.decode())] == ["A video"]
    assert len(json.loads(csl.content)) == 3


def test_each_entry_has_a_distinct_key(client, make):
    make(title="One", authors=[("A", "Haddad")])
    make(title="Two", authors=[("B", "Haddad")])

    entries = _parse_bibtex(client.get("/en/library/export/bib/").content.decode())

    assert len({entry.key for entry in entries}) == 2


def test_highwire_meta_tags(client, cited):
    """citation_* tags name the title, each author, the date and the PDF."""
    soup = BeautifulSoup(client.get(cited.url).content, "html.parser")

    def values(name):
        return [tag["content"] for tag in soup.find_all("meta", attrs={"name": name})]

    assert values("citation_title") == [TRICKY_TITLE]
    assert values("citation_author") == ["Haddad, Amina", "Papadaki, Elena"]
    assert values("citation_publication_date") == ["2024/03/07"]
    assert values("citation_technical_report_institution") == [
        "Mediterranean Migration Network"
    ]
    assert values("citation_pdf_url") == [
        "http://localhost" + cited.url + "download/en/"
    ]


def test_members_only_resource_has_no_pdf_tag(client, make):
    resource = make(access="members", files=[("en", make_document())])
    soup = BeautifulSoup(client.get(resource.url).content, "html.parser")

    assert soup.find("meta", attrs={"name": "citation_title"})
    assert not soup.find("meta", attrs={"name": "citation_pdf_url"})
