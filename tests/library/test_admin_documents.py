"""Documents uploaded in Wagtail's admin pass the library's upload rules."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

from mmn_plugins.library.documents import CheckedDocumentForm
from tests.library.conftest import PDF_BYTES
from tests.library.test_uploads import NOT_A_FILE_RULE, REJECTED, _content


pytestmark = pytest.mark.django_db


def _form(editor, upload):
    Form = get_document_form(get_document_model())
    return Form(
        data={"title": "Upload", "collection": Collection.get_first_root_node().pk},
        files={"file": upload},
        user=editor,
    )


def test_the_admin_document_form_is_the_checked_one():
    assert issubclass(get_document_form(get_document_model()), CheckedDocumentForm)


def test_every_hostile_upload_of_the_corpus_is_refused(editor, bad_inputs, settings):
    """The upload group of bad_inputs.json, through the admin's document form:
    what the library refuses, the admin refuses too (Wagtail's own extension
    list refuses some of them first)."""
    settings.MMN_LIBRARY_MAX_UPLOAD_SIZE = 1024 * 1024
    accepted = []
    for item in bad_inputs["upload_files"]:
        if item["id"] not in REJECTED or item["id"] in NOT_A_FILE_RULE:
            continue
        upload = SimpleUploadedFile(
            item["filename"], _content(item), item["content_type"]
        )
        if _form(editor, upload).is_valid():
            accepted.append(item["id"])

    assert accepted == []
    assert not get_document_model().objects.exists()


def test_a_pdf_whose_content_is_html_is_refused_in_the_admin(client, editor):
    """Wagtail alone accepts it (the extension is allowed); the library's
    content check refuses it with a form error, not a 500."""
    client.force_login(editor)
    upload = SimpleUploadedFile(
        "report.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"
    )

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Report",
            "collection": Collection.get_first_root_node().pk,
            "file": upload,
        },
    )

    assert response.status_code == 200
    assert "does not match its extension" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_real_pdf_is_accepted_in_the_admin(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("report.pdf", PDF_BYTES, "application/pdf")

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Report",
            "collection": Collection.get_first_root_node().pk,
            "file": upload,
        },
    )

    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Report"
