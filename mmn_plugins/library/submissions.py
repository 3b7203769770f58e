"""Member submissions: a draft resource page, put through moderation.

A member fills in :class:`~.forms.ResourceSubmissionForm` below a library;
the plugin saves a draft resource page owned by the member and starts the
page's Wagtail workflow, so moderators approve it, ask for changes or reject
it in the admin. The member is told by e-mail at each step and sees the state
of every submission on the library's "my submissions" page.
"""

import logging

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from mmn_plugins.core.membership import is_member
from mmn_plugins.core.notifications import send_templated_email
from mmn_plugins.core.ratelimit import RATE_LIMITED_MESSAGE, is_rate_limited

from . import settings as library_settings
from .forms import ResourceSubmissionForm
from .models import Access, ResourceAuthor, ResourceFile, ResourcePage
from .review import ensure_review_workflow


logger = logging.getLogger(__name__)


def submit_resource(request, library):
    """Show the submission form, or turn a valid one into a draft in review."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_member(request.user):
        raise PermissionDenied(
            _("Only members of the network may share resources in the library.")
        )

    form = ResourceSubmissionForm(
        request.POST or None, request.FILES or None, locale=library.locale
    )
    if request.method == "POST":
        rate = library_settings.get("MMN_LIBRARY_SUBMISSION_RATE")
        if is_rate_limited(request, "library-submission", rate):
            form.add_error(None, RATE_LIMITED_MESSAGE)
            return _render_form(request, library, form, status=429)
        if form.is_valid():
            create_submission(library, form, request.user)
            messages.success(
                request,
                _("Thank you. Your resource is waiting for a moderator's review."),
            )
            return redirect(library.url + library.reverse_subpage("my_submissions"))
    return _render_form(request, library, form)


def _render_form(request, library, form, status=200):
    response = TemplateResponse(
        request,
        "mmn_library/submit_resource.html",
        {"page": library, "form": form},
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@transaction.atomic
def create_submission(library, form, user):
    """Save the draft page, its file and authors, and start its workflow."""
    data = form.cleaned_data
    document = get_document_model().objects.create(
        title=data["title"],
        file=data["file"],
        uploaded_by_user=user,
        collection=Collection.get_first_root_node(),
    )
    resource = ResourcePage(
        title=data["title"],
        slug=_free_slug(library, data["title"]),
        summary=data["summary"],
        resource_type=data["resource_type"],
        publisher=data["publisher"],
        publication_date=data["publication_date"],
        countries=data["countries"],
        access=Access.PUBLIC,
        live=False,
        owner=user,
        submitted_by=user,
        locale=library.locale,
    )
    resource.files.add(ResourceFile(language=data["language"], document=document))
    for order, (given, family) in enumerate(form.author_names()):
        resource.authors.add(
            ResourceAuthor(sort_order=order, given_names=given, family_name=family)
        )
    resource.keywords.add(*form.keyword_list())
    resource.topics = list(data["topics"])
    library.add_child(instance=resource)
    resource.save_revision(user=user, log_action=True)

    ensure_review_workflow(library)
    workflow = resource.get_workflow()
    if workflow is not None:
        leave_decisions_to_the_library(user)
        workflow.start(resource, user)
    else:
        logger.warning(
            "No workflow covers library %s; submission %s waits as a draft.",
            library.pk,
            resource.pk,
        )
    logger.info("Member %s submitted resource %s.", user.pk, resource.pk)
    transaction.on_commit(lambda: notify_submitter(resource, "received"))
    return resource


def _free_slug(library, title):
    base = slugify(title, allow_unicode=True)[:70] or "resource"
    taken = set(
        ResourcePage.objects.child_of(library)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def my_submissions(request, library):
    """The member's submissions below this library, with their state."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    submissions = (
        ResourcePage.objects.child_of(library)
        .filter(submitted_by=request.user)
        .order_by("-latest_revision_created_at", "-pk")
    )
    rows = [(resource, submission_state(resource)) for resource in submissions]
    response = TemplateResponse(
        request,
        "mmn_library/my_submissions.html",
        {"page": library, "submissions": rows},
    )
    response["Cache-Control"] = "private, no-store"
    return response


def submission_state(resource):
    """What the member should read about a submission."""
    if resource.live:
        return _("Published")
    state = resource.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        return _("Changes requested")
    if state is not None:
        return _("Waiting for review")
    return _("Draft")


def leave_decisions_to_the_library(user):
    """One e-mail per decision: the library's, in the member's language.

    Wagtail also e-mails whoever submitted a page when its workflow is
    approved or rejected, with links into the admin. A member who cannot
    open the admin has no use for those, so their admin notifications of
    decisions are turned off; staff who can keep Wagtail's (see
    :func:`wagtail_tells`), and the library then stays silent.
    """
    if user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


# Wagtail's notification for each of the library's decision e-mails.
WAGTAIL_NOTIFICATIONS = {
    "approved": "approved_notifications",
    "changes_requested": "rejected_notifications",
}


def wagtail_tells(user, event):
    """Whether Wagtail's own e-mail already tells ``user`` of ``event``."""
    preference = WAGTAIL_NOTIFICATIONS.get(event)
    if preference is None or not user.has_perm("wagtailadmin.access_admin"):
        return False
    return getattr(UserProfile.get_for_user(user), preference)


def notify_submitter(resource, event, comment=""):
    """E-mail the member who submitted ``resource`` about ``event``."""
    user = resource.submitted_by
    if user is None or not user.email or wagtail_tells(user, event):
        return
    send_templated_email(
        f"mmn_library/emails/submission_{event}",
        {"resource": resource, "user": user, "comment": comment},
        [user.email],
        language=resource.locale.language_code or translation.get_language(),
    )
