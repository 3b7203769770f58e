"""Upload rules: an allow-list checked by extension and content, a size limit."""

import base64
import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from mmn_plugins.library.uploads import validate_upload


LIMIT = 1024 * 1024

REJECTED = {
    "up-html", "up-svg-script", "up-svg-xxe", "up-xhtml", "up-xml-stylesheet",
    "up-pdf-html-content", "up-gif-html-polyglot", "up-jpeg-html",
    "up-png-decompression-bomb", "up-zip-slip", "up-empty", "up-double-ext-html",
    "up-trailing-dot", "up-trailing-space", "up-semicolon-ext", "up-no-ext",
    "up-dotfile", "up-rlo-name", "up-crlf-name", "up-exe",
}  # fmt: skip
ACCEPTED = {
    "up-pdf-ct-html", "up-png-text-chunk", "up-zip-bomb-docx", "up-upper-ext",
    "up-traversal-unix", "up-traversal-windows", "up-windows-reserved",
    "up-long-name", "up-arabic-name", "up-emoji-name", "up-same-name-twice",
    # Plain text; refused only when a scanner is configured (see below).
    "up-eicar",
}  # fmt: skip
# About the transport rather than the file: Django's request limits answer
# them before any validator runs; up-exactly-max is tested with a real PDF.
NOT_A_FILE_RULE = {"up-content-length-lie", "up-too-many-files", "up-exactly-max"}


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.MMN_LIBRARY_MAX_UPLOAD_SIZE = LIMIT


def _png(width=8, height=8, text=None):
    info = PngInfo()
    if text:
        info.add_text("Comment", text)
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def _png_declaring(width, height):
    """A tiny PNG whose header claims ``width`` × ``height`` pixels."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )  # fmt: skip


def _zip(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            # OpenDocument stores its "mimetype" entry first and uncompressed.
            kind = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=kind)
    return buffer.getvalue()


def _zip_of_zeros(inner_name, size):
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open(inner_name, "w") as inner,
    ):
        block = b"\x00" * (1024 * 1024)
        for _ in range(size // len(block)):
            inner.write(block)
    return buffer.getvalue()


def _content(item):
    if "body_text" in item:
        return item["body_text"].encode("utf-8")
    if "body_b64" in item:
        return base64.b64decode(item["body_b64"])
    recipe = item["gen"]
    if "png_with_text_chunk" in recipe:
        return _png(text=recipe["png_with_text_chunk"])
    if "png_declared_size" in recipe:
        return _png_declaring(*recipe["png_declared_size"])
    if "zip_of_zeros" in recipe:
        spec = recipe["zip_of_zeros"]
        return _zip_of_zeros(spec["inner_name"], spec["uncompressed_bytes"])
    if "zip_entries" in recipe:
        return _zip([(name, b"RELSEC") for name in recipe["zip_entries"]])
    raise AssertionError(f"No recipe for {item['id']}")


def _upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_every_upload_of_the_corpus_gets_its_expected_answer(bad_inputs):
    """Each hostile or odd file is refused or accepted as the corpus expects."""
    outcomes = {}
    for item in bad_inputs["upload_files"]:
        if item["id"] in NOT_A_FILE_RULE:
            continue
        upload = _upload(item["filename"], _content(item), item["content_type"])
        try:
            validate_upload(upload)
        except ValidationError as error:
            outcomes[item["id"]] = ("rejected", error.messages[0])
        else:
            outcomes[item["id"]] = ("accepted", "")

    assert set(outcomes) == REJECTED | ACCEPTED, "the corpus has changed"
    wrongly_accepted = {i for i in REJECTED if outcomes[i][0] != "rejected"}
    wrongly_rejected = {
        i: outcomes[i][1] for i in ACCEPTED if outcomes[i][0] != "accepted"
    }
    assert not wrongly_accepted
    assert not wrongly_rejected


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", b"<p>x</p>", "are not accepted"),
        ("logo.svg", b"<svg/>", "SVG"),
        ("run.sh", b"#!/bin/sh", "scripts"),
        ("report.pdf", b"MZ\x90\x00", "does not match its extension"),
        ("notes.txt", b"<!DOCTYPE html><p>x</p>", "markup"),
        ("notes.txt", "caf\xe9".encode("latin-1"), "UTF-8"),
        ("README", b"x", "no extension"),
    ],
)
def test_refusals_say_what_is_wrong(name, content, message):
    with pytest.raises(ValidationError) as refused:
        validate_upload(_upload(name, content))

    assert message in refused.value.messages[0]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n%%EOF"),
        ("notes.txt", "مرحبا بكم — Ελληνικά\n".encode()),
        ("data.csv", b"a,b\n1,2\n"),
        ("photo.png", _png()),
        ("slides.odp", None),
        ("letter.docx", None),
    ],
)
def test_real_documents_are_accepted(name, content):
    if content is None:
        content = (
            _zip([("mimetype", "application/vnd.oasis.opendocument.presentation")])
            if name.endswith(".odp")
            else _zip([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "")])
        )

    validate_upload(_upload(name, content))


def test_size_limit_is_inclusive():
    """A file of exactly the limit passes; one byte more is refused."""
    header = b"%PDF-1.4\n"
    at_limit = header + b"0" * (LIMIT - len(header))

    validate_upload(_upload("max.pdf", at_limit))
    with pytest.raises(ValidationError) as refused:
        validate_upload(_upload("over.pdf", at_limit + b"0"))
    assert "at most" in refused.value.messages[0]


def test_size_limit_comes_from_the_setting(settings):
    settings.MMN_LIBRARY_MAX_UPLOAD_SIZE = 10

    with pytest.raises(ValidationError):
        validate_upload(_upload("report.pdf", b"%PDF-1.4\n%%EOF"))


def test_a_configured_scanner_runs_after_the_built_in_checks(settings, bad_inputs):
    """With a scanner set in MMN_LIBRARY_UPLOAD_VALIDATORS, EICAR is refused."""
    settings.MMN_LIBRARY_UPLOAD_VALIDATORS = ["tests.library.fakes.refuse_eicar"]
    [eicar] = [i for i in bad_inputs["upload_files"] if i["id"] == "up-eicar"]

    with pytest.raises(ValidationError) as refused:
        validate_upload(_upload(eicar["filename"], _content(eicar)))
    assert refused.value.code == "infected"
