"""Make the site's groups match ``accounts.roles``; safe to run again and again."""

from .roles import (
    COLLECTION_PERMISSIONS,
    MODEL_PERMISSIONS,
    PAGE_APPROVERS,
    PAGE_PERMISSIONS,
    REVOKED_PERMISSIONS,
)


def ensure_groups(apps):
    """Create the site's groups and set their permissions as ``roles`` says.

    ``apps`` is a migration's app registry or ``django.apps.apps``. Plugins may
    call this after adding permissions of their own.
    """
    _create_missing_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    groups = {
        name: Group.objects.get_or_create(name=name)[0] for name in MODEL_PERMISSIONS
    }
    for name, group in groups.items():
        group.permissions.add(*_permissions(Permission, MODEL_PERMISSIONS[name]))
        group.permissions.remove(
            *_permissions(Permission, REVOKED_PERMISSIONS.get(name, []))
        )

    _set_page_permissions(apps, groups, Permission)
    _set_collection_permissions(apps, groups, Permission)
    _hand_default_approval_task_to(apps, groups[PAGE_APPROVERS])


def _create_missing_permissions(apps):
    # In a migration, permissions of apps migrated in the same run do not
    # exist yet: Django makes them after the whole run.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def _permissions(Permission, dotted_names):
    found = []
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def _set_page_permissions(apps, groups, Permission):
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    for name, codenames in PAGE_PERMISSIONS.items():
        wanted = _permissions(Permission, [f"wagtailcore.{c}" for c in codenames])
        GroupPagePermission.objects.filter(group=groups[name], page=root).exclude(
            permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page=root, permission=permission
            )


def _set_collection_permissions(apps, groups, Permission):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for name, dotted_names in COLLECTION_PERMISSIONS.items():
        wanted = _permissions(Permission, dotted_names)
        GroupCollectionPermission.objects.filter(
            group=groups[name], collection=root
        ).exclude(permission__in=wanted).delete()
        for permission in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root, permission=permission
            )


def _hand_default_approval_task_to(apps, approvers):
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for task in GroupApprovalTask.objects.filter(name="Moderators approval"):
        task.groups.set([approvers])
