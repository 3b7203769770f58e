"""Serving a file someone uploaded, so that it can never act on the site.

The library's resource files and the forum's attachments both go through
:func:`inert_file_response`: always an attachment (never shown inline from the
site's origin), with its exact name for browsers that read ``filename*``, no
content sniffing, a content security policy that forbids scripts and a sandbox,
and no shared cache (who may download depends on the reader).
"""

import mimetypes
import re
import unicodedata
from urllib.parse import quote

from django.http import FileResponse
from django.utils.cache import patch_cache_control


DOWNLOAD_CSP = "default-src 'none'; sandbox"


def inert_file_response(stored_file, filename):
    """A download of ``stored_file`` (a Django ``File``) named ``filename``."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    stored_file.open("rb")
    response = FileResponse(stored_file, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    patch_cache_control(response, private=True, no_store=True)
    return response


def content_disposition(filename):
    """``attachment`` with an ASCII fallback and the exact name (RFC 6266, 5987).

    Browsers that know ``filename*`` use the UTF-8 name (Arabic, Greek, emoji
    intact); the others get the ASCII fallback.
    """
    encoded = quote(filename, safe="")
    return (
        f'attachment; filename="{ascii_fallback(filename)}"; '
        f"filename*=UTF-8''{encoded}"
    )


def ascii_fallback(filename):
    """An ASCII stand-in for ``filename`` for browsers without ``filename*``."""
    decomposed = unicodedata.normalize("NFKD", filename)
    ascii_name = decomposed.encode("ascii", "ignore").decode("ascii")
    ascii_name = re.sub(r"[^A-Za-z0-9._ -]+", "_", ascii_name).strip(" ._")
    extension = filename.rpartition(".")[2] if "." in filename else ""
    if not ascii_name.replace("_", "") or ascii_name == extension:
        return f"download.{extension}" if extension else "download"
    return ascii_name
