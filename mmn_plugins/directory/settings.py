"""Settings read by the directory plugin, each with its default.

Read when used, never at import, so tests and sites can override them. The
plugin's README documents each one.
"""

from django.conf import settings


DEFAULTS = {
    # Organisations shown per page of the directory.
    "MMN_DIRECTORY_PAGE_SIZE": 24,
    # Whether an approved application's organisation appears in the directory at
    # once (True) or waits for an editor to publish it (False).
    "MMN_DIRECTORY_PUBLISH_ON_APPROVAL": False,
    # Group every approved or invited person joins (ignored when it is missing);
    # None: core's members group (MMN_CORE_MEMBER_GROUP).
    "MMN_DIRECTORY_MEMBER_GROUP": None,
    # Permissions granted after each migrate to groups that exist, by group name.
    "MMN_DIRECTORY_GROUP_PERMISSIONS": {
        "Editors": [
            "add_organisation",
            "change_organisation",
            "delete_organisation",
            "add_organisationtype",
            "change_organisationtype",
            "delete_organisationtype",
            "add_workinggroup",
            "change_workinggroup",
            "delete_workinggroup",
            "add_person",
            "change_person",
            "add_role",
            "change_role",
            "delete_role",
        ],
        "Moderators": [
            "view_membershipapplication",
            "change_membershipapplication",
            "view_organisation",
        ],
    },
    # Submissions of the application form allowed per client.
    "MMN_DIRECTORY_APPLICATION_RATE": "5/h",
    # Invitations a focal point may send.
    "MMN_DIRECTORY_INVITATION_RATE": "20/h",
    # Profile and organisation edits a member may save.
    "MMN_DIRECTORY_EDIT_RATE": "30/h",
    # Where moderators are told of a new application (empty: nobody is told).
    "MMN_DIRECTORY_MODERATOR_EMAILS": [],
    # Uploaded logos and photos: largest file and image size accepted.
    "MMN_DIRECTORY_MAX_IMAGE_BYTES": 5 * 1024 * 1024,
    "MMN_DIRECTORY_MAX_IMAGE_PIXELS": 25_000_000,
    # Newest members shown in the home page slot.
    "MMN_DIRECTORY_NEWEST_MEMBERS": 5,
}


def get(name):
    """Return the project's value of ``name`` or the plugin's default."""
    return getattr(settings, name, DEFAULTS[name])


def member_group_name():
    """The group invited and approved people join: the directory's setting,
    else core's members group, so both plugins mean the same people."""
    from mmn_plugins.core import settings as core_settings

    return get("MMN_DIRECTORY_MEMBER_GROUP") or core_settings.get(
        "MMN_CORE_MEMBER_GROUP"
    )
