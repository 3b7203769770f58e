"""Attachments: the allow-list, content checks, private storage, safe downloads."""

import io
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mmn_plugins.core.downloads import content_disposition
from mmn_plugins.forum.models import PostAttachment
from tests.forum.conftest import PDF_BYTES


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def _body(item):
    if item.get("body_text") is not None:
        return item["body_text"].encode()
    if item.get("body_hex"):
        return bytes.fromhex(item["body_hex"])
    return b""


def _post_with(client, topic, *files):
    return client.post(
        f"/en/forum/topic/{topic.pk}/reply/",
        {"content": "See the file.", "attachments": list(files)},
    )


@pytest.fixture
def writer(client, member2):
    client.force_login(member2)
    return client


ACCEPTED = [
    ("report.pdf", PDF_BYTES),
    ("REPORT.PDF", PDF_BYTES),
    ("notes.txt", "Notes – ملاحظات\n".encode()),
    ("photo.png", None),
]


@pytest.mark.parametrize(("name", "content"), ACCEPTED)
def test_allowed_files_are_attached(writer, topic, name, content):
    upload = SimpleUploadedFile(name, content or _png(), "application/octet-stream")
    assert _post_with(writer, topic, upload).status_code == 302
    attachment = PostAttachment.objects.get()
    assert attachment.filename == name
    # Stored outside MEDIA_ROOT, under a name the uploader did not choose.
    stored = Path(attachment.file.path)
    assert not str(stored).startswith(str(Path(django_settings.MEDIA_ROOT)))
    assert name not in stored.name


def test_the_corpus_of_hostile_uploads(writer, topic, bad_inputs):
    must_refuse = {
        "up-html", "up-svg-script", "up-svg-xxe", "up-xhtml", "up-xml-stylesheet",
        "up-pdf-html-content", "up-gif-html-polyglot", "up-jpeg-html", "up-empty",
        "up-double-ext-html", "up-trailing-dot", "up-trailing-space",
        "up-semicolon-ext", "up-no-ext", "up-dotfile", "up-rlo-name",
        "up-crlf-name", "up-exe",
    }  # fmt: skip
    items = {item["id"]: item for item in bad_inputs["upload_files"]}
    for item_id in sorted(must_refuse):
        item = items[item_id]
        upload = SimpleUploadedFile(item["filename"], _body(item), item["content_type"])
        response = _post_with(writer, topic, upload)
        assert response.status_code == 400, item_id
    assert not PostAttachment.objects.exists()

    # A PDF declared as HTML is stored, and served as a PDF attachment.
    item = items["up-pdf-ct-html"]
    upload = SimpleUploadedFile(item["filename"], _body(item), item["content_type"])
    assert _post_with(writer, topic, upload).status_code == 302
    download = writer.get(_download_url(PostAttachment.objects.get()))
    assert download["Content-Type"] == "application/pdf"


def test_size_and_count_limits(writer, settings, topic):
    settings.MMN_FORUM_ATTACHMENT_MAX_SIZE = 100
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * 200, "application/pdf")
    assert _post_with(writer, topic, big).status_code == 400
    settings.MMN_FORUM_ATTACHMENT_MAX_SIZE = 10_000
    settings.MMN_FORUM_ATTACHMENTS_PER_POST = 2
    files = [SimpleUploadedFile(f"{n}.pdf", PDF_BYTES) for n in range(3)]
    assert _post_with(writer, topic, *files).status_code == 400
    assert not PostAttachment.objects.exists()


def _download_url(attachment):
    return f"/en/forum/attachment/{attachment.pk}/{quote(attachment.filename)}"


@pytest.mark.parametrize(
    "name",
    ["تقرير الشبكة 2024.pdf", "📄 notes.pdf", "../../../../tmp/relsec.pdf",
     "..\\..\\relsec.pdf", "report (final) 100%.pdf"],
)  # fmt: skip
def test_downloads_are_inert_attachments_with_the_exact_name(writer, topic, name):
    _post_with(writer, topic, SimpleUploadedFile(name, PDF_BYTES, "text/html"))
    attachment = PostAttachment.objects.get()
    assert "/" not in attachment.filename and "\\" not in attachment.filename
    response = writer.get(_download_url(attachment))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="')
    assert f"filename*=UTF-8''{quote(attachment.filename, safe='')}" in disposition
    assert disposition.isascii() and "\n" not in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_rlo_and_control_characters_never_reach_a_header():
    header = content_disposition("invoice\u202efdp.exe")
    assert header.isascii()
    assert "%E2%80%AE" in header  # encoded, so it cannot reorder anything


def test_visitors_cannot_download_from_private_forums(
    client, member, private_forum, working_group
):
    from mmn_plugins.forum.posting import start_topic

    member.groups.add(working_group)
    upload = SimpleUploadedFile("plan.pdf", PDF_BYTES)
    topic = start_topic(private_forum, member, "Plan", "Attached.", [upload])
    attachment = topic.first_post.mmn_attachments.get()
    assert client.get(_download_url(attachment)).status_code == 302
    client.force_login(member)
    assert client.get(_download_url(attachment)).status_code == 200


def test_the_attachment_folder_has_no_url(db):
    from mmn_plugins.forum.models import attachment_storage

    with pytest.raises(NotImplementedError):
        attachment_storage().url("forum/x.pdf")
