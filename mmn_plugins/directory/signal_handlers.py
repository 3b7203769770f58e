"""Give the site's groups the directory's permissions after each migrate.

The plugin does not know the site's groups; ``MMN_DIRECTORY_GROUP_PERMISSIONS``
names them and their permissions, and only groups that exist are touched.
"""

import logging

from django.db.models.signals import post_migrate
from django.dispatch import receiver

from . import settings as directory_settings


logger = logging.getLogger(__name__)


@receiver(post_migrate)
def grant_group_permissions(sender, app_config=None, using="default", **kwargs):
    if app_config is None or app_config.label != "mmn_directory":
        return
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # Django's own handler may not have run for this app yet: make sure the
    # permissions exist before granting them.
    create_permissions(app_config, verbosity=0, using=using)
    wanted = directory_settings.get("MMN_DIRECTORY_GROUP_PERMISSIONS")
    for group_name, codenames in wanted.items():
        group = Group.objects.using(using).filter(name=group_name).first()
        if group is None:
            continue
        permissions = Permission.objects.using(using).filter(
            content_type__app_label="mmn_directory", codename__in=codenames
        )
        group.permissions.add(*permissions)
