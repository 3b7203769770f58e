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

# Page permissions given on the root page of the tree, per group.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    MODERATORS: [],
    MEMBERS: [],
}

# Model permissions, as "app_label.codename".
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
