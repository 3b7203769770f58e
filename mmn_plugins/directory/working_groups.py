"""Each working group owns an auth group of its people, kept in sync.

Its people are the group's current focal points and the people with a current
role in its active member organisations (the coordinating one included). The
auth group lets other plugins give a working group something of its own
without knowing the directory: the forum plugin, say, opens a private forum
readable by that group only (see the README).

The group is synced when a working group, one of its focal points, a role or
an organisation is saved or deleted. Roles and focal points also end on a
date, which no save announces: ``manage.py sync_working_groups`` (run daily)
catches those.
"""

import logging

from django.contrib.auth.models import Group
from django.db.models import Q

from .models import MembershipStatus, Role, WorkingGroup, WorkingGroupFocalPoint


logger = logging.getLogger(__name__)

GROUP_NAME_LENGTH = 150


def group_name(working_group):
    # The pk keeps two working groups of the same name apart.
    name = f"Working group {working_group.pk}: {working_group.name}"
    return name[:GROUP_NAME_LENGTH]


def people_of(working_group):
    """The user ids of the working group's people today."""
    organisations = Q(organisation__in=working_group.member_organisations.all())
    if working_group.coordinating_organisation_id:
        organisations |= Q(organisation_id=working_group.coordinating_organisation_id)
    from_roles = (
        Role.objects.current()
        .filter(organisations, organisation__status=MembershipStatus.ACTIVE)
        .values_list("person__user_id", flat=True)
    )
    focal_points = (
        WorkingGroupFocalPoint.objects.current()
        .filter(working_group=working_group)
        .values_list("person__user_id", flat=True)
    )
    return set(from_roles) | set(focal_points)


def sync_working_group(working_group):
    """Create or rename the working group's auth group and set its users.

    An inactive working group keeps its auth group, emptied.
    """
    group = working_group.auth_group
    name = group_name(working_group)
    if group is None:
        group, _created = Group.objects.get_or_create(name=name)
        WorkingGroup.objects.filter(pk=working_group.pk).update(auth_group=group)
        working_group.auth_group = group
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    users = people_of(working_group) if working_group.is_active else set()
    group.user_set.set(users)
    logger.info(
        "Working group %s: %s people in auth group %s.",
        working_group.pk,
        len(users),
        group.pk,
    )
    return group


def sync_working_groups(queryset=None):
    """Sync every working group (or those of ``queryset``)."""
    queryset = WorkingGroup.objects.all() if queryset is None else queryset
    for working_group in queryset.select_related("auth_group"):
        sync_working_group(working_group)


def groups_of_organisation(organisation_id):
    return WorkingGroup.objects.filter(
        Q(member_organisations=organisation_id)
        | Q(coordinating_organisation=organisation_id)
    ).distinct()
