"""Downloads: counted per language, sent as safe attachments, members only."""

from urllib.parse import quote, unquote

import pytest

from mmn_plugins.library.models import DownloadCount
from tests.library.conftest import make_document


pytestmark = pytest.mark.django_db


def _count(resource, language):
    row = DownloadCount.objects.filter(resource=resource, language=language).first()
    return row.count if row else 0


def _filename_star(response):
    header = response["Content-Disposition"]
    assert header.startswith("attachment;")
    encoded = header.split("filename*=UTF-8''", 1)[1]
    return unquote(encoded)


def test_download_is_an_attachment_with_safe_headers(client, make):
    """The file comes as an attachment, typed by extension, nosniff, sandboxed."""
    resource = make(title="Annual report", files=[("en", make_document())])

    response = client.get(resource.url + "download/en/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert 'filename="Annual report.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "title",
    ["تقرير الشبكة 2024", "Έκθεση για τη μετανάστευση", "📄 notes ✨"],
)
def test_non_ascii_names_survive_in_filename_star(client, make, title):
    """Arabic, Greek and emoji names reach the browser intact (RFC 5987)."""
    resource = make(title=title, files=[("en", make_document())])

    response = client.get(resource.url + "download/en/")

    assert _filename_star(response) == f"{title}.pdf"
    assert quote(f"{title}.pdf", safe="") in response["Content-Disposition"]
    # The fallback for old browsers is plain ASCII.
    fallback = response["Content-Disposition"].split('filename="')[1].split('"')[0]
    assert fallback.isascii() and fallback.endswith(".pdf")


def test_a_name_with_line_breaks_and_bidi_overrides_is_cleaned(client, make):
    """No header injection, no right-to-left spoofing in the saved name."""
    from mmn_plugins.library.models import ResourceFile

    resource = make(files=[("en", make_document())])
    ResourceFile.objects.filter(page=resource).update(
        title="invoice\u202efdp\r\nSet-Cookie: relsec=1"
    )

    response = client.get(resource.url + "download/en/")

    assert "relsec" not in response.cookies
    name = _filename_star(response)
    assert "\u202e" not in name and "\n" not in name and "\r" not in name
    assert name.endswith(".pdf")


def test_downloads_are_counted_per_language(client, make):
    resource = make(
        files=[
            ("en", make_document("en", "en.pdf")),
            ("fr", make_document("fr", "fr.pdf")),
        ]
    )

    for _ in range(3):
        client.get(resource.url + "download/en/")
    client.get(resource.url + "download/fr/")

    assert _count(resource, "en") == 3
    assert _count(resource, "fr") == 1


def test_publishing_again_keeps_the_counts(client, make):
    """Counts live outside the page's revisions: a new revision keeps them."""
    resource = make(files=[("en", make_document())])
    client.get(resource.url + "download/en/")

    resource.title = "Renamed"
    resource.save_revision().publish()
    client.get(resource.url + "download/en/")

    assert _count(resource, "en") == 2


def test_an_outside_link_is_counted_and_redirects(client, make):
    resource = make(files=[("en", "https://reports.example.org/2024.pdf")])

    response = client.get(resource.url + "download/en/")

    assert response.status_code == 302
    assert response["Location"] == "https://reports.example.org/2024.pdf"
    assert _count(resource, "en") == 1


def test_a_language_without_a_file_is_not_found(client, make):
    resource = make(files=[("en", make_document())])

    assert client.get(resource.url + "download/fr/").status_code == 404
    assert client.get(resource.url + "download/..%2f..%2fetc/").status_code == 404
    assert _count(resource, "fr") == 0


def test_visitor_is_sent_to_login_for_a_members_only_file(client, make):
    """Redirect to login, coming back afterwards; nothing counted."""
    resource = make(access="members", files=[("en", make_document())])

    response = client.get(resource.url + "download/en/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert _count(resource, "en") == 0


def test_member_downloads_a_members_only_file(client, make, member):
    resource = make(access="members", files=[("en", make_document())])
    client.force_login(member)

    response = client.get(resource.url + "download/en/")

    assert response.status_code == 200
    assert _count(resource, "en") == 1


def test_a_logged_in_non_member_gets_no_members_only_file(client, make):
    """An account is not membership: core's ``is_member`` decides, at the
    library's download URL, on the page and at Wagtail's document URL."""
    from tests import factories

    document = make_document()
    resource = make(access="members", files=[("en", document)])
    client.force_login(factories.make_user("outsider@example.org"))

    download = client.get(resource.url + "download/en/")
    page = client.get(resource.url).content.decode()
    wagtail_url = client.get(document.url)

    assert download.status_code == 403
    assert _count(resource, "en") == 0
    assert "for members of the network" in page
    assert "download/en/" not in page
    assert wagtail_url.status_code == 403


def test_members_only_file_is_refused_at_wagtails_document_url(client, make):
    """Wagtail's own /documents/ address does not bypass the restriction."""
    document = make_document()
    make(access="members", files=[("en", document)])

    response = client.get(document.url)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_public_file_stays_available_at_wagtails_document_url(client, make):
    document = make_document()
    make(files=[("en", document)])

    assert client.get(document.url).status_code == 200
