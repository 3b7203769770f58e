"""Tell members what moderators decided about the resources they submitted,
and give each published library its reviewers' workflow."""

from django.dispatch import receiver
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from .models import LibraryPage, ResourcePage


@receiver(page_published, sender=LibraryPage)
def give_library_its_review_workflow(sender, instance, **kwargs):
    from .review import ensure_review_workflow

    ensure_review_workflow(instance)


@receiver(workflow_approved)
def tell_member_approved(sender, instance, **kwargs):
    _notify(instance, "approved")


@receiver(workflow_rejected)
def tell_member_changes_requested(sender, instance, **kwargs):
    # Wagtail's "Request changes" is the rejection of a workflow task.
    task_state = instance.current_task_state
    _notify(instance, "changes_requested", getattr(task_state, "comment", ""))


def _notify(workflow_state, event, comment=""):
    from .submissions import notify_submitter

    page = workflow_state.content_object
    if getattr(page, "specific_class", None) is ResourcePage:
        notify_submitter(page.specific, event, comment or "")
