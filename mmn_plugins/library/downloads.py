"""Serving a resource's files: access, counting, and safe attachment headers.

A file is always sent as an attachment, with the type taken from its
extension (never from what the uploader's browser declared), ``nosniff``, and
a content security policy that forbids everything, so even a file that slipped
past the upload checks cannot run as a page of the site.
"""

import logging
import re

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from mmn_plugins.core.downloads import inert_file_response
from mmn_plugins.core.sanitise import strip_control_characters

from .models import DownloadCount, ResourceFile


logger = logging.getLogger(__name__)

# Characters that change how the rest of a name is displayed (bidirectional
# overrides and isolates, invisible marks): "invoice\u202efdp.exe" shows as
# "invoiceexe.pdf".
BIDI_AND_INVISIBLE = re.compile(
    "[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|;]')


def serve_resource_file(request, resource, language):
    """Answer a request for ``resource``'s file in ``language``."""
    resource_file = resource.file_in(language)
    if resource_file is None:
        raise Http404("This resource has no file in that language.")
    if not resource.may_download(request.user):
        if request.user.is_authenticated:
            # Logged in but not a member: logging in again would not help.
            raise PermissionDenied(
                _("The files of this resource are for members of the network.")
            )
        return redirect_to_login(request.get_full_path())

    DownloadCount.record(resource, language)
    logger.info("Download of resource %s in %s.", resource.pk, language)
    if resource_file.is_link:
        response = HttpResponseRedirect(resource_file.external_url)
    else:
        response = attachment_response(
            resource_file.document.file, download_name(resource_file)
        )
    # Every download is counted: no shared cache may answer in our place.
    patch_cache_control(response, private=True, no_store=True)
    return response


def attachment_response(stored_file, filename):
    """A download of ``stored_file`` named ``filename``, safe to serve."""
    return inert_file_response(stored_file, filename)


def clean_filename(name):
    """``name`` without control, bidirectional or path characters, trimmed."""
    name = strip_control_characters(name).replace("\n", " ").replace("\r", " ")
    name = BIDI_AND_INVISIBLE.sub("", name)
    name = UNSAFE_IN_NAME.sub("_", name)
    return " ".join(name.split()).strip(" .")[:150]


def download_name(resource_file: ResourceFile):
    """The name a reader's browser saves the file under.

    Built from the title readers see (stored file names lose characters such
    as emoji on the way into storage), with the document's real extension.
    """
    extension = resource_file.extension
    title = clean_filename(resource_file.display_title) or "download"
    if extension and not title.lower().endswith(f".{extension}"):
        title = f"{title}.{extension}"
    return title
