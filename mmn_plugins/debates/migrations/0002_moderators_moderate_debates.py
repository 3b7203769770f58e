"""Give the moderators' group the right to moderate debates, when it exists.

The group is named by ``MMN_DEBATES_MODERATOR_GROUP`` ("Moderators"); a site
without such a group grants the permission in its own way.
"""

from django.db import migrations


def grant_moderation(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from mmn_plugins.debates import settings as debate_settings

    # Permissions of apps migrated in this same run do not exist yet.
    app_config = apps.get_app_config("mmn_debates")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(
        name=debate_settings.get("MMN_DEBATES_MODERATOR_GROUP")
    ).first()
    permission = Permission.objects.filter(
        content_type__app_label="mmn_debates", codename="moderate_debates"
    ).first()
    if group is not None and permission is not None:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("mmn_debates", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant_moderation, migrations.RunPython.noop)]
