"""The library's upload rules for documents uploaded in Wagtail's admin too.

Editors upload documents in the admin (Documents, the document chooser, the
multiple upload), and those documents end up as a resource's files just like
a member's. A site points Wagtail at this form so every such upload passes
:func:`~.uploads.validate_upload`::

    WAGTAILDOCS_DOCUMENT_FORM_BASE = (
        "mmn_plugins.library.documents.CheckedDocumentForm"
    )
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from .uploads import validate_upload


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the library's allow-list and content
    checks on a newly uploaded file (Wagtail's own extension and size checks
    still run first)."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            validate_upload(uploaded)
        return uploaded
