"""Settings read by the e-library plugin, each with its default.

They are read when used, never at import, so tests and sites can override them.
The plugin's README documents each one.
"""

from django.conf import settings


DEFAULTS = {
    # Largest file a member may upload with a submission, in bytes.
    "MMN_LIBRARY_MAX_UPLOAD_SIZE": 20 * 1024 * 1024,
    # Largest image a member may upload, in pixels (width times height).
    "MMN_LIBRARY_MAX_IMAGE_PIXELS": 40_000_000,
    # Dotted paths of extra callables ``fn(uploaded_file)`` that raise
    # ValidationError, run after the built-in checks (an antivirus, say).
    "MMN_LIBRARY_UPLOAD_VALIDATORS": [],
    # How many resources the RSS and Atom feeds carry.
    "MMN_LIBRARY_FEED_LENGTH": 30,
    # How many resources a filtered list export (BibTeX, RIS, CSL-JSON) holds.
    "MMN_LIBRARY_EXPORT_LIMIT": 500,
    # Longest text search accepted, in characters.
    "MMN_LIBRARY_SEARCH_MAX_LENGTH": 200,
    # "app_label.ModelName" of the organisations authors may be linked to (the
    # directory plugin's, say); empty when no such plugin is installed.
    "MMN_LIBRARY_ORGANISATION_MODEL": "",
    # Rate of member submissions per member, as core's rate limit reads it.
    "MMN_LIBRARY_SUBMISSION_RATE": "10/h",
    # The group whose members review members' submissions (the workflow task
    # each library gets, see review.py); empty: the workflow the page inherits.
    "MMN_LIBRARY_REVIEWER_GROUP": "Moderators",
}


def get(name):
    """Return the project's value of ``name`` or the plugin's default."""
    return getattr(settings, name, DEFAULTS[name])
