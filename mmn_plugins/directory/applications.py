"""The membership application workflow.

submitted → more information requested → (answered: submitted again) →
approved or rejected. Every step is recorded as an :class:`ApplicationEvent`
with who, when and the message, and the applicant gets an e-mail in the
language they chose. Approval creates the organisation, the applicant's
account and profile, and their focal-point role, and sends the invitation.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from mmn_plugins.core.notifications import send_templated_email

from . import settings as directory_settings
from .models import (
    PENDING_STATUSES,
    ApplicationEvent,
    ApplicationStatus,
    MembershipApplication,
    Organisation,
    OrganisationDescription,
    Role,
)
from .pages import RESERVED_SLUGS, DirectoryPage
from .people import add_person_to_organisation


logger = logging.getLogger(__name__)

Status = ApplicationStatus

ALLOWED_STEPS = {
    Status.SUBMITTED: {Status.INFORMATION_REQUESTED, Status.APPROVED, Status.REJECTED},
    Status.INFORMATION_REQUESTED: {Status.SUBMITTED, Status.APPROVED, Status.REJECTED},
    Status.APPROVED: set(),
    Status.REJECTED: set(),
}


class InvalidStep(Exception):
    """An application cannot move to the state asked for from where it is."""


def directory_page_for(language):
    """The live directory page in ``language``, else any live one."""
    pages = DirectoryPage.objects.live().select_related("locale")
    return (
        pages.filter(locale__language_code=language).first()
        or pages.order_by("pk").first()
    )


def has_pending_application(email):
    return MembershipApplication.objects.filter(
        applicant_email__iexact=email, status__in=PENDING_STATUSES
    ).exists()


def record_submission(application):
    """Record a new application and tell the applicant and the moderators."""
    _record(application, "", Status.SUBMITTED, actor=None, message="")
    _tell_applicant(application, "received")
    moderators = directory_settings.get("MMN_DIRECTORY_MODERATOR_EMAILS")
    if moderators:
        send_templated_email(
            "mmn_directory/email/new_application",
            {"application": application},
            moderators,
            "en",
        )
    logger.info("Membership application %s submitted.", application.pk)


def record_correction(application, actor, field_labels):
    """Keep in the history that a moderator corrected some details."""
    message = _("Details corrected: %(fields)s") % {"fields": ", ".join(field_labels)}
    _record(application, application.status, application.status, actor, message)
    logger.info("Membership application %s corrected.", application.pk)


def request_information(application, actor, message):
    _move(application, Status.INFORMATION_REQUESTED, actor, message)
    _tell_applicant(application, "information_requested", message=message)


def record_answer(application, message):
    """The applicant answered a request for information: back to the moderators."""
    _move(application, Status.SUBMITTED, None, message)
    logger.info("Membership application %s answered.", application.pk)


def reject(application, actor, message):
    _move(application, Status.REJECTED, actor, message)
    _tell_applicant(application, "rejected", message=message)


def approve(application, actor, message, request=None):
    """Approve the application: organisation, account, focal point, invitation."""
    page = directory_page_for(application.applicant_language)
    if page is None:
        raise InvalidStep(
            _(
                "Publish a directory page before approving applications: "
                "the invitation links to it."
            )
        )
    if application.organisation_type is None:
        raise InvalidStep(
            _("Give the application a type of organisation before approving it.")
        )
    with transaction.atomic():
        organisation = create_organisation(application)
        _person, _role, link = add_person_to_organisation(
            email=application.applicant_email,
            name=application.applicant_name,
            organisation=organisation,
            kind=Role.Kind.FOCAL_POINT,
            language=application.applicant_language,
            directory_page=page,
            inviter=actor,
            job_title=application.applicant_job_title,
            request=request,
            send=False,
        )
        application.organisation = organisation
        _move(application, Status.APPROVED, actor, message)
    _tell_applicant(
        application,
        "approved",
        message=message,
        link=link,
        profile_url=page.get_full_url(request)
        + page.reverse_subpage("organisation_detail", args=[organisation.slug]),
    )
    return organisation


def create_organisation(application):
    organisation = Organisation.objects.create(
        name=application.organisation_name,
        short_name=application.organisation_short_name,
        slug=_free_slug(application.organisation_name),
        organisation_type=application.organisation_type,
        head_office_country=application.head_office_country,
        countries=application.countries,
        city=application.city,
        website=application.website,
        public_email=application.organisation_email,
        phone=application.organisation_phone,
        year_joined=timezone.localdate().year,
        is_published=directory_settings.get("MMN_DIRECTORY_PUBLISH_ON_APPROVAL"),
        logo=application.logo,
    )
    organisation.topics.set(application.topics.all())
    organisation.languages.set(application.languages.all())
    organisation.save()
    OrganisationDescription.objects.create(
        organisation=organisation,
        language=application.applicant_language,
        text=application.description,
    )
    return organisation


def _free_slug(name):
    base = slugify(name)[:70] or "organisation"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _move(application, to_status, actor, message):
    from_status = application.status
    if to_status not in ALLOWED_STEPS[from_status]:
        raise InvalidStep(
            _("This application is %(status)s and cannot move to that step.")
            % {"status": application.get_status_display()}
        )
    application.status = to_status
    application.save()
    _record(application, from_status, to_status, actor, message)


def _record(application, from_status, to_status, actor, message):
    ApplicationEvent.objects.create(
        application=application,
        from_status=from_status,
        to_status=to_status,
        actor=actor if actor is not None and actor.is_authenticated else None,
        message=message,
    )


def _tell_applicant(application, step, **context):
    page = directory_page_for(application.applicant_language)
    answer_url = ""
    if page is not None:
        answer_url = page.get_full_url() + page.reverse_subpage(
            "answer_application", args=[application.answer_token]
        )
    send_templated_email(
        f"mmn_directory/email/application_{step}",
        {"application": application, "answer_url": answer_url, **context},
        [application.applicant_email],
        application.applicant_language,
    )
