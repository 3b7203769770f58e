"""The site's groups and what each may do.

Members and moderators act on the public site; editors work in the Wagtail
admin. Administrators are superusers and need no group. The groups are made
by a data migration and by ``ensure_groups`` (which plugins may call after
adding permissions of their own), so a fresh database always has them.
"""

from django.utils.translation import gettext_lazy as _


MEMBERS = "Members"
MODERATORS = "Moderators"
EDITORS = "Editors"

GROUP_LABELS = {
    MEMBERS: _("Members"),
    MODERATORS: _("Moderators"),
    EDITORS: _("Editors"),
}

# Wagtail's own migrations already make groups named "Editors" and
# "Moderators"; this site keeps them and sets what they may do. Wagtail's
# moderators edit and publish every page, but here moderators look after the
# community (forum, comments, membership applications) and editors look after
# the pages. So the page, collection and model permissions below are applied
# exactly, taking back what Wagtail gave moderators, and Wagtail's default
# approval task goes to the editors.

# Page permissions on the root page of the tree, per group: exactly these.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    MODERATORS: [],
    MEMBERS: [],
}

# Image and document permissions on the root collection, per group: exactly
# these, as "app_label.codename".
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    MODERATORS: [],
    MEMBERS: [],
}

# Model permissions, as "app_label.codename". These are added to whatever
# plugins grant the same groups, so re-running ``ensure_groups`` after a
# plugin's migration keeps the plugin's permissions.
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailforms.view_formsubmission",
        "mmn_core.add_topic",
        "mmn_core.change_topic",
        "mmn_core.delete_topic",
        "wagtailmenus.add_mainmenu",
        "wagtailmenus.change_mainmenu",
        "wagtailmenus.add_flatmenu",
        "wagtailmenus.change_flatmenu",
        "wagtail_localize.submit_translation",
    ],
    MODERATORS: ["wagtailadmin.access_admin"],
    MEMBERS: [],
}

# Model permissions Wagtail's migrations give a group and this site takes back.
REVOKED_PERMISSIONS = {
    MODERATORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
        "wagtail_localize.submit_translation",
    ],
}

# Who approves pages submitted to Wagtail's default "Moderators approval" task.
PAGE_APPROVERS = EDITORS
