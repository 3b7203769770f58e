"""Logos and photos members upload: image types only, limited, re-encoded.

An upload is accepted only if its name has an image extension and Pillow can
decode it as JPEG, PNG, GIF or WebP within the size and pixel limits. What is
stored is never the uploaded file: the picture is decoded and encoded again
(PNG when it has transparency, JPEG otherwise), which drops any payload,
metadata or polyglot content the file carried.
"""

import io
import logging
import os

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import ImageOps, UnidentifiedImageError
from wagtail.images import get_image_model

from . import settings as directory_settings


logger = logging.getLogger(__name__)

ALLOWED_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
LARGEST_SIDE = 1600


class ImageUploadField(forms.FileField):
    """A file field that accepts only a decodable picture and re-encodes it.

    Its cleaned value is a new in-memory file holding the re-encoded picture.
    """

    widget = forms.ClearableFileInput(
        attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
    )

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial:
            return upload
        return reencode_image(upload)


def reencode_image(upload):
    name = os.path.basename(upload.name or "")
    extension = os.path.splitext(name)[1].lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Please upload a JPEG, PNG, GIF or WebP picture."), code="extension"
        )
    if upload.size > directory_settings.get("MMN_DIRECTORY_MAX_IMAGE_BYTES"):
        raise ValidationError(
            _("This picture is too large. Please upload a smaller file."),
            code="file_size",
        )

    try:
        picture = PillowImage.open(upload)
        if picture.format not in ALLOWED_FORMATS:
            raise ValidationError(
                _("Please upload a JPEG, PNG, GIF or WebP picture."), code="format"
            )
        width, height = picture.size
        if width * height > directory_settings.get("MMN_DIRECTORY_MAX_IMAGE_PIXELS"):
            raise ValidationError(
                _("This picture has too many pixels. Please upload a smaller one."),
                code="pixels",
            )
        picture.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        logger.info("Refused an upload that is not a picture: %s", error)
        raise ValidationError(
            _("This file is not a picture we can read."), code="invalid_image"
        ) from error
    except PillowImage.DecompressionBombError as error:
        raise ValidationError(
            _("This picture has too many pixels. Please upload a smaller one."),
            code="pixels",
        ) from error

    return _encode_again(picture, name)


def _encode_again(picture, name):
    picture = ImageOps.exif_transpose(picture)
    picture.thumbnail((LARGEST_SIDE, LARGEST_SIDE))
    has_alpha = picture.mode in {"RGBA", "LA", "P"} and (
        picture.mode != "P" or "transparency" in picture.info
    )
    output = io.BytesIO()
    clean = picture.convert("RGBA" if has_alpha else "RGB")
    # Comments, text chunks, EXIF and profiles would be carried over: drop them.
    clean.info = {}
    if has_alpha:
        clean.save(output, format="PNG", optimize=True)
        extension, content_type = "png", "image/png"
    else:
        clean.save(output, format="JPEG", quality=88)
        extension, content_type = "jpg", "image/jpeg"
    stem = os.path.splitext(name)[0][:60] or "picture"
    return SimpleUploadedFile(f"{stem}.{extension}", output.getvalue(), content_type)


def save_as_wagtail_image(picture_file, title, uploaded_by=None):
    """Store a re-encoded picture as a Wagtail image and return it."""
    Image = get_image_model()
    image = Image(title=title[:255], file=picture_file)
    if uploaded_by is not None and uploaded_by.is_authenticated:
        image.uploaded_by_user = uploaded_by
    image.save()
    return image
