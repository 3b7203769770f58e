"""Give the site's groups the directory's permissions after each migrate, and
keep each working group's auth group in step with its people.

The plugin does not know the site's groups; ``MMN_DIRECTORY_GROUP_PERMISSIONS``
names them and their permissions, and only groups that exist are touched.
"""

import logging

from django.db.models.signals import post_delete, post_migrate, post_save
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


# Working groups' auth groups (see ``working_groups``) follow their people.


@receiver(post_save, sender="mmn_directory.Role")
@receiver(post_delete, sender="mmn_directory.Role")
def sync_groups_after_role_change(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .working_groups import groups_of_organisation, sync_working_groups

    sync_working_groups(groups_of_organisation(instance.organisation_id))


@receiver(post_save, sender="mmn_directory.WorkingGroupFocalPoint")
@receiver(post_delete, sender="mmn_directory.WorkingGroupFocalPoint")
def sync_group_after_focal_point_change(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .models import WorkingGroup
    from .working_groups import sync_working_groups

    sync_working_groups(WorkingGroup.objects.filter(pk=instance.working_group_id))


@receiver(post_save, sender="mmn_directory.Organisation")
def sync_groups_after_organisation_change(sender, instance, raw=False, **kwargs):
    # A suspended or former member's people leave its working groups.
    if raw or kwargs.get("created"):
        return
    from .working_groups import groups_of_organisation, sync_working_groups

    sync_working_groups(groups_of_organisation(instance.pk))


@receiver(post_delete, sender="mmn_directory.WorkingGroup")
def delete_group_of_deleted_working_group(sender, instance, **kwargs):
    if instance.auth_group_id:
        from django.contrib.auth.models import Group

        Group.objects.filter(pk=instance.auth_group_id).delete()
