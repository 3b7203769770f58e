from .roles import MODEL_PERMISSIONS, PAGE_PERMISSIONS


def ensure_groups(apps):
    """Create the site's groups and grant their permissions; safe to re-run.

    ``apps`` is a migration's app registry or ``django.apps.apps``.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    for name, permission_names in MODEL_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for dotted in permission_names:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)

    _grant_page_permissions(apps, Group, Permission)


def _grant_page_permissions(apps, Group, Permission):
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    for name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )
