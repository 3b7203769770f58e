"""Attachments: what a member may attach, and how a file leaves the site.

A file is accepted when its name is plain, its extension is on the
allow-list, it is within ``MMN_FORUM_ATTACHMENT_MAX_SIZE``, and its content
is what the extension says: magic bytes for documents, a full decode for
images, UTF-8 without markup for text. Web pages, SVG, XML, scripts and
programs are never on the list.

A download is always an attachment, typed from the extension (never from
what the uploader's browser said), with ``nosniff`` and a content security
policy that allows nothing and sandboxes the response: even a file that
slipped through could not run as a page of the site.
"""

import logging
import re

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from mmn_plugins.core.downloads import inert_file_response
from mmn_plugins.core.sanitise import strip_control_characters

from . import settings as forum_settings


logger = logging.getLogger(__name__)

OLE2 = {"application/msword", "application/x-ole-storage"}
# extension: the content types its bytes may be detected as; None for text,
# which has no magic bytes and is checked on its own.
ALLOWED_TYPES = {
    "pdf": {"application/pdf"},
    "doc": OLE2,
    "xls": OLE2 | {"application/vnd.ms-excel"},
    "ppt": OLE2 | {"application/vnd.ms-powerpoint"},
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
SNIFF_BYTES = 8192

# Marks that change how the rest of a name reads ("report\u202efdp.exe"
# shows as "reportexe.pdf") or that cannot be seen at all.
BIDI_AND_INVISIBLE = re.compile(
    "[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|;%]')


def allowed_extensions():
    return sorted(ALLOWED_TYPES)


def _refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params)


def validate_attachment(uploaded_file):
    """Raise ValidationError unless ``uploaded_file`` may be attached to a post."""
    extension = checked_extension(uploaded_file.name or "")
    _check_size(uploaded_file)
    uploaded_file.seek(0)
    head = uploaded_file.read(SNIFF_BYTES)
    uploaded_file.seek(0)
    if ALLOWED_TYPES[extension] is None:
        _check_text(uploaded_file)
    else:
        _check_magic(head, extension)
    if extension in IMAGE_EXTENSIONS:
        _check_image(uploaded_file)
    return extension


def checked_extension(name):
    """The lower-case extension of ``name``, or a ValidationError saying why not."""
    if any(ord(char) < 32 for char in name) or BIDI_AND_INVISIBLE.search(name):
        _refuse(
            _(
                "The file name contains invisible or control characters. "
                "Please rename the file and attach it again."
            ),
            "unsafe_name",
        )
    basename = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = basename.rpartition(".")
    extension = extension.lower()
    if not dot or not stem.strip(". "):
        _refuse(
            _("The file has no extension, so its type is unknown. Accepted: %(list)s."),
            "no_extension",
            list=", ".join(allowed_extensions()),
        )
    if extension not in ALLOWED_TYPES:
        _refuse(
            _(
                "Files of type “%(extension)s” cannot be attached; web pages, SVG "
                "images, scripts and programs never can. Accepted: %(list)s."
            ),
            "extension_not_allowed",
            extension=extension[:20],
            list=", ".join(allowed_extensions()),
        )
    return extension


def _check_size(uploaded_file):
    limit = forum_settings.get("MMN_FORUM_ATTACHMENT_MAX_SIZE")
    if not uploaded_file.size:
        _refuse(_("The file is empty."), "empty")
    if uploaded_file.size > limit:
        _refuse(
            _("The file is %(size)s; an attachment may be at most %(limit)s."),
            "too_large",
            size=filesizeformat(uploaded_file.size),
            limit=filesizeformat(limit),
        )


def _mismatch():
    _refuse(
        _(
            "The content of the file does not match its extension. Please attach "
            "the original document."
        ),
        "content_mismatch",
    )


def _check_magic(head, extension):
    if extension in {"doc", "xls", "ppt"} and head.startswith(OLE2_MAGIC):
        return  # filetype tells the three old Office formats apart poorly.
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_TYPES[extension]:
        logger.info(
            "Refused an attachment named .%s whose content looks like %s.",
            extension,
            kind.mime if kind else "nothing known",
        )
        _mismatch()


def _check_text(uploaded_file):
    content = uploaded_file.read()
    uploaded_file.seek(0)
    if b"\x00" in content or filetype.guess(content[:SNIFF_BYTES]) is not None:
        _mismatch()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        _refuse(
            _("Text files must be saved in UTF-8. Please convert it and try again."),
            "not_utf8",
        )
    # Browsers that sniff would take "<html>" or "<?xml" for a page.
    if text.lstrip()[:1] == "<":
        _refuse(
            _("The file holds markup (HTML or XML), which is not accepted as text."),
            "markup",
        )


def _check_image(uploaded_file):
    max_pixels = forum_settings.get("MMN_FORUM_ATTACHMENT_MAX_PIXELS")
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
            _("The image could not be read. Please attach a valid image file."),
            "bad_image",
        )
    finally:
        uploaded_file.seek(0)


def clean_filename(name):
    """``name`` without control, bidirectional or path characters, trimmed."""
    name = strip_control_characters(name or "").replace("\n", " ").replace("\r", " ")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = BIDI_AND_INVISIBLE.sub("", name)
    name = UNSAFE_IN_NAME.sub("_", name)
    name = " ".join(name.split()).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if len(name) > 150:
        name = f"{stem[: 149 - len(extension)]}.{extension}" if dot else name[:150]
    return name or "download"


def attachment_response(attachment):
    """The download of ``attachment`` with the headers that keep it inert."""
    return inert_file_response(attachment.file, attachment.filename)
