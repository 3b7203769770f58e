"""The rules a file must meet before the library accepts it from a member.

A file passes when its name is plain, its extension is on the allow-list, its
size is within ``MMN_LIBRARY_MAX_UPLOAD_SIZE``, and its content is what the
extension says (magic bytes through ``filetype``; images are also decoded;
text must be UTF-8 and not markup). HTML, SVG, XML, scripts and executables
are never on the list. Each refusal says what was wrong and what to do.
"""

import logging
import os

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from . import settings as library_settings
from .downloads import BIDI_AND_INVISIBLE


logger = logging.getLogger(__name__)

# extension: the MIME types its content may be detected as (None: plain text,
# which has no magic bytes and is checked on its own).
ALLOWED_TYPES = {
    "pdf": {"application/pdf"},
    "doc": {"application/msword", "application/x-ole-storage"},
    "xls": {"application/vnd.ms-excel", "application/x-ole-storage"},
    "ppt": {"application/vnd.ms-powerpoint", "application/x-ole-storage"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "pptx": {
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    },
    "odt": {"application/vnd.oasis.opendocument.text"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet"},
    "odp": {"application/vnd.oasis.opendocument.presentation"},
    "txt": None,
    "csv": None,
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "png": {"image/png"},
    "gif": {"image/gif"},
    "webp": {"image/webp"},
}
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MARKUP_STARTS = (b"<", b"<?xml", b"<!doctype")
SNIFF_BYTES = 8192


def allowed_extensions():
    return sorted(ALLOWED_TYPES)


def validate_upload(uploaded_file):
    """Raise ValidationError unless ``uploaded_file`` may enter the library."""
    extension = _checked_extension(uploaded_file.name or "")
    _check_size(uploaded_file)
    head = _read_head(uploaded_file)
    if ALLOWED_TYPES[extension] is None:
        _check_plain_text(uploaded_file)
    else:
        _check_magic(head, extension)
    if extension in IMAGE_EXTENSIONS:
        _check_image(uploaded_file)
    for path in library_settings.get("MMN_LIBRARY_UPLOAD_VALIDATORS"):
        import_string(path)(uploaded_file)


def _refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params)


def _checked_extension(name):
    if any(ord(char) < 32 for char in name) or BIDI_AND_INVISIBLE.search(name):
        _refuse(
            _(
                "The file name contains invisible or control characters. "
                "Please rename the file and upload it again."
            ),
            "unsafe_name",
        )
    basename = os.path.basename(name.replace("\\", "/"))
    stem, dot, extension = basename.rpartition(".")
    if not dot or not stem or not extension:
        _refuse(
            _(
                "The file name has no extension, so its type is unknown. "
                "Accepted types: %(extensions)s."
            ),
            "no_extension",
            extensions=", ".join(allowed_extensions()),
        )
    extension = extension.lower()
    if extension not in ALLOWED_TYPES:
        _refuse(
            _(
                "Files of type “%(extension)s” are not accepted. Web pages, "
                "SVG images, scripts and programs never are. Accepted types: "
                "%(extensions)s."
            ),
            "extension_not_allowed",
            extension=extension[:20],
            extensions=", ".join(allowed_extensions()),
        )
    return extension


def _check_size(uploaded_file):
    limit = library_settings.get("MMN_LIBRARY_MAX_UPLOAD_SIZE")
    if not uploaded_file.size:
        _refuse(_("The file is empty."), "empty")
    if uploaded_file.size > limit:
        _refuse(
            _("The file is %(size)s; files may be at most %(limit)s."),
            "too_large",
            size=filesizeformat(uploaded_file.size),
            limit=filesizeformat(limit),
        )


def _read_head(uploaded_file):
    uploaded_file.seek(0)
    head = uploaded_file.read(SNIFF_BYTES)
    uploaded_file.seek(0)
    return head


def _content_mismatch():
    _refuse(
        _(
            "The content of the file does not match its extension. Please "
            "upload the original document."
        ),
        "content_mismatch",
    )


def _check_magic(head, extension):
    expected = ALLOWED_TYPES[extension]
    if extension in {"doc", "xls", "ppt"} and head.startswith(OLE2_MAGIC):
        return  # filetype tells the three old Office formats apart poorly.
    kind = filetype.guess(head)
    if kind is None or kind.mime not in expected:
        logger.info(
            "Refused an upload named .%s whose content looks like %s.",
            extension,
            kind.mime if kind else "nothing known",
        )
        _content_mismatch()


def _check_plain_text(uploaded_file):
    uploaded_file.seek(0)
    content = uploaded_file.read()
    uploaded_file.seek(0)
    if b"\x00" in content or filetype.guess(content[:SNIFF_BYTES]) is not None:
        _content_mismatch()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        _refuse(
            _("Text files must be saved in UTF-8. Please convert it and try again."),
            "not_utf8",
        )
    if text.lstrip().encode("utf-8")[:9].lower().startswith(MARKUP_STARTS):
        _refuse(
            _("The file holds markup (HTML or XML), which is not accepted as text."),
            "markup",
        )


def _check_image(uploaded_file):
    max_pixels = library_settings.get("MMN_LIBRARY_MAX_IMAGE_PIXELS")
    uploaded_file.seek(0)
    try:
        with Image.open(uploaded_file) as image:
            width, height = image.size
            if width * height > max_pixels:
                _refuse(
                    _("The image is too large (%(width)s × %(height)s pixels)."),
                    "too_many_pixels",
                    width=width,
                    height=height,
                )
            image.load()  # Decodes every pixel: a truncated or fake image fails.
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        _refuse(
            _("The image could not be read. Please upload a valid image file."),
            "bad_image",
        )
    finally:
        uploaded_file.seek(0)
