"""Who reviews members' submissions: the network's moderators, by default.

The issue gives the review of members' resources to the moderators, while a
site may give the approval of its other pages to editors (this network's
does). So each library gets a workflow of its own, "E-library review", whose
one task is approved by the group ``MMN_LIBRARY_REVIEWER_GROUP`` names
(``"Moderators"``). Being in the task's group opens a submitted resource in
the admin for review; Wagtail publishes an approved revision as the approver,
so the group is also given the right to publish below that library, and no
other page right (it edits no page outside a review, and nothing elsewhere in
the site). A library an editor has already given a workflow of its own keeps
it.

The workflow is attached when a library page is published and, should that
have been missed (a library made before this plugin version), when a member
submits a resource.
"""

import logging

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from . import settings as library_settings


logger = logging.getLogger(__name__)

WORKFLOW_NAME = "E-library review"
TASK_NAME = "E-library review by moderators"


def reviewer_group():
    name = library_settings.get("MMN_LIBRARY_REVIEWER_GROUP")
    return Group.objects.filter(name=name).first() if name else None


@transaction.atomic
def ensure_review_workflow(library):
    """Give ``library`` the reviewers' workflow unless it has one of its own.

    Returns the library's own workflow, or ``None`` when the reviewer group
    does not exist (the page then follows whatever workflow it inherits).
    """
    own = WorkflowPage.objects.filter(page=library).select_related("workflow").first()
    if own is not None:
        return own.workflow
    group = reviewer_group()
    if group is None:
        logger.warning(
            "No group named by MMN_LIBRARY_REVIEWER_GROUP; library %s keeps the "
            "workflow it inherits.",
            library.pk,
        )
        return None
    task, _created = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.groups.add(group)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created or not workflow.workflow_tasks.exists():
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=library)
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=library,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="publish_page"
        ),
    )
    logger.info("Library %s is reviewed by group %s.", library.pk, group.pk)
    return workflow
