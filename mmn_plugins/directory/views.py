"""The directory page's routes: list, profiles, working groups, forms.

Each function takes the :class:`DirectoryPage` serving it and the request;
``pages.DirectoryPage`` maps its sub-URLs to them.
"""

import logging

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _

from mmn_plugins.core.ratelimit import RATE_LIMITED_MESSAGE, is_rate_limited

from . import applications, people
from . import settings as directory_settings
from .forms import (
    ApplicationAnswerForm,
    InvitationForm,
    MembershipApplicationForm,
    OrganisationProfileForm,
    PersonProfileForm,
)
from .images import save_as_wagtail_image
from .listing import DirectoryListing, translated_names
from .map import render_member_map
from .models import (
    ApplicationStatus,
    MembershipApplication,
    Organisation,
    OrganisationDescription,
    OrganisationType,
    Person,
    Role,
    Topic,
    WorkingGroup,
)
from .visibility import audience_for


logger = logging.getLogger(__name__)


def render(page, request, template, context, status=200):
    context = {
        **page.get_context(request),
        "directory_url": page.get_url(request),
        **context,
    }
    return TemplateResponse(
        request, f"mmn_directory/{template}", context, status=status
    )


# The list and the profiles.


def organisation_list(page, request):
    listing = DirectoryListing(
        request.GET, directory_settings.get("MMN_DIRECTORY_PAGE_SIZE")
    )
    # The template calls these when it first needs them (the listing keeps
    # what it reads), so a list served from the fragment cache costs no query.
    return render(
        page,
        request,
        "directory_page.html",
        {
            "listing": listing,
            "filters": listing.filters,
            "facets": lambda: listing.facets,
            "organisations": lambda: listing.page,
            "figures": lambda: listing.figures,
            "member_map": lambda: member_map(listing.figures),
            "filter_query": listing.filters.as_query_string(),
        },
    )


def member_map(figures):
    """The map of member countries for ``figures`` (listing.NetworkFigures)."""
    counts = {option.value: option.count for option in figures.by_country}
    return render_member_map(counts)


def can_edit_organisation(user, organisation):
    """Editors, and the organisation's current focal points."""
    if not user.is_authenticated:
        return False
    if user.has_perm("mmn_directory.change_organisation"):
        return True
    return (
        Role.objects.current()
        .filter(organisation=organisation, person__user=user)
        .filter(kind=Role.Kind.FOCAL_POINT)
        .exists()
    )


def _visible_organisation(request, slug):
    """The organisation at ``slug``, if this visitor may see it at all."""
    organisation = get_object_or_404(
        Organisation.objects.select_related("organisation_type", "logo"), slug=slug
    )
    if not organisation.is_published and not can_edit_organisation(
        request.user, organisation
    ):
        raise Http404
    return organisation


def organisation_detail(page, request, slug):
    organisation = _visible_organisation(request, slug)
    audience = audience_for(request.user)
    roles = (
        Role.objects.current()
        .filter(organisation=organisation)
        .select_related("person__photo")
        .prefetch_related("person__languages", "person__topics")
        .order_by("kind", "person__name")
    )
    people_shown = []
    for role in roles:
        profile = role.person.visible_profile(audience, viewer=request.user)
        if profile.is_listed:
            profile.role = role
            people_shown.append(profile)

    topics = list(organisation.topics.all())
    topic_names = translated_names(Topic, topics)
    for topic in topics:
        topic.display_name = topic_names[topic.pk]
    kind = organisation.organisation_type
    kind.display_name = translated_names(OrganisationType, [kind])[kind.pk]

    return render(
        page,
        request,
        "organisation_detail.html",
        {
            "organisation": organisation,
            "description": organisation.description_in(),
            "topics": topics,
            "people": people_shown,
            "working_groups": organisation.working_groups.filter(is_active=True),
            "can_edit": can_edit_organisation(request.user, organisation),
        },
    )


def working_group_list(page, request):
    groups = (
        WorkingGroup.objects.filter(is_active=True)
        .select_related("coordinating_organisation", "topic")
        .prefetch_related("descriptions", "member_organisations")
    )
    return render(page, request, "working_group_list.html", {"working_groups": groups})


def working_group_detail(page, request, slug):
    group = get_object_or_404(
        WorkingGroup.objects.select_related("coordinating_organisation", "topic"),
        slug=slug,
        is_active=True,
    )
    audience = audience_for(request.user)
    focal_points = []
    for focal_point in (
        group.focal_points.current()
        .select_related("person")
        .prefetch_related("person__languages", "person__topics")
    ):
        profile = focal_point.person.visible_profile(audience, viewer=request.user)
        if profile.is_listed:
            profile.role = focal_point
            focal_points.append(profile)
    return render(
        page,
        request,
        "working_group_detail.html",
        {
            "group": group,
            "description": group.description_in(),
            "members": group.member_organisations.listed(),
            "focal_points": focal_points,
        },
    )


# The membership application.


def apply(page, request):
    form_kwargs = {"language": translation.get_language()}
    if request.method != "POST":
        form = MembershipApplicationForm(**form_kwargs)
        return render(page, request, "apply.html", {"form": form})

    form = MembershipApplicationForm(
        data=request.POST, files=request.FILES, **form_kwargs
    )
    if _is_limited(request, form, "directory-apply", "MMN_DIRECTORY_APPLICATION_RATE"):
        return render(page, request, "apply.html", {"form": form}, status=429)
    if not form.is_valid():
        return render(page, request, "apply.html", {"form": form}, status=400)

    try:
        with transaction.atomic():
            application = form.save()
            applications.record_submission(application)
    except IntegrityError:
        # Two submissions raced past the form's duplicate check.
        form.add_error(
            "applicant_email",
            _(
                "An application sent from this e-mail address is already being "
                "reviewed."
            ),
        )
        return render(page, request, "apply.html", {"form": form}, status=400)
    return HttpResponseRedirect(page.subpage_url("application_received", request))


def application_received(page, request):
    return render(page, request, "application_received.html", {})


def answer_application(page, request, token):
    application = get_object_or_404(MembershipApplication, answer_token=token)
    is_waiting = application.status == ApplicationStatus.INFORMATION_REQUESTED
    question = application.events.filter(
        to_status=ApplicationStatus.INFORMATION_REQUESTED
    ).last()
    form = ApplicationAnswerForm(request.POST if request.method == "POST" else None)
    context = {
        "application": application,
        "is_waiting": is_waiting,
        "question": question,
        "form": form,
    }

    if request.method == "POST" and is_waiting:
        if _is_limited(
            request, form, "directory-answer", "MMN_DIRECTORY_APPLICATION_RATE"
        ):
            return render(page, request, "answer.html", context, status=429)
        if form.is_valid():
            applications.record_answer(application, form.cleaned_data["message"])
            messages.success(request, _("Thank you: your answer has been sent."))
            return HttpResponseRedirect(request.path)
        return render(page, request, "answer.html", context, status=400)
    return render(page, request, "answer.html", context)


# Invitations and the people's own pages.


def accept_invitation(page, request, uidb64, token):
    User = get_user_model()
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(page, request, "invitation_invalid.html", {}, status=400)

    form = SetPasswordForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome! Your password is set; you are logged in.")
        )
        return HttpResponseRedirect(page.subpage_url("edit_profile", request))
    status = 400 if form.is_bound else 200
    return render(page, request, "accept_invitation.html", {"form": form}, status)


def edit_profile(page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    person = Person.objects.filter(user=request.user).first() or Person(
        user=request.user,
        name=request.user.get_full_name() or request.user.get_username(),
        email=request.user.email,
    )
    if request.method != "POST":
        form = PersonProfileForm(instance=person)
        return render(
            page, request, "edit_profile.html", _profile_context(person, form)
        )

    form = PersonProfileForm(request.POST, request.FILES, instance=person)
    if _edit_limited(request, form):
        return render(
            page, request, "edit_profile.html", _profile_context(person, form), 429
        )
    if not form.is_valid():
        return render(
            page, request, "edit_profile.html", _profile_context(person, form), 400
        )

    with transaction.atomic():
        person = form.save(commit=False)
        if form.cleaned_data.get("remove_photo"):
            person.photo = None
        if form.cleaned_data.get("photo_upload"):
            person.photo = save_as_wagtail_image(
                form.cleaned_data["photo_upload"], person.name, request.user
            )
        person.save()
        form.save_m2m()
    messages.success(request, _("Your profile has been saved."))
    return HttpResponseRedirect(request.path)


def _profile_context(person, form):
    organisations = (
        Role.objects.current()
        .filter(person_id=person.pk)
        .select_related("organisation")
        if person.pk
        else []
    )
    return {"person": person, "form": form, "roles": organisations}


def _is_limited(request, form, scope, setting):
    """Count this submission; past the limit, give ``form`` the error to show."""
    if is_rate_limited(request, scope, directory_settings.get(setting)):
        form.is_valid()
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return True
    return False


def _edit_limited(request, form):
    return _is_limited(request, form, "directory-edit", "MMN_DIRECTORY_EDIT_RATE")


def _organisation_for_editing(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    return organisation


def edit_organisation(page, request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organisation = _organisation_for_editing(request, slug)
    language = translation.get_language()
    context = {
        "organisation": organisation,
        "profile_url": page.organisation_url(organisation, request),
    }

    if request.method != "POST":
        context["form"] = OrganisationProfileForm(
            instance=organisation, language=language
        )
        return render(page, request, "edit_organisation.html", context)

    form = context["form"] = OrganisationProfileForm(
        request.POST, request.FILES, instance=organisation, language=language
    )
    if _edit_limited(request, form):
        return render(page, request, "edit_organisation.html", context, 429)
    if not form.is_valid():
        return render(page, request, "edit_organisation.html", context, 400)

    with transaction.atomic():
        organisation = form.save(commit=False)
        if form.cleaned_data.get("logo_upload"):
            organisation.logo = save_as_wagtail_image(
                form.cleaned_data["logo_upload"], organisation.name, request.user
            )
        organisation.save()
        form.save_m2m()
        _save_description(organisation, language, form.cleaned_data["description"])
    logger.info("User %s edited organisation %s.", request.user.pk, organisation.pk)
    messages.success(request, _("The organisation's profile has been saved."))
    return HttpResponseRedirect(context["profile_url"])


def _save_description(organisation, language, text):
    if text.strip():
        OrganisationDescription.objects.update_or_create(
            organisation=organisation, language=language, defaults={"text": text}
        )
    else:
        organisation.descriptions.filter(language=language).delete()


def invite_colleague(page, request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organisation = _organisation_for_editing(request, slug)
    form = InvitationForm(
        request.POST if request.method == "POST" else None,
        initial={"language": translation.get_language()},
    )
    context = {
        "organisation": organisation,
        "form": form,
        "profile_url": page.organisation_url(organisation, request),
    }
    if request.method != "POST":
        return render(page, request, "invite.html", context)

    if _is_limited(request, form, "directory-invite", "MMN_DIRECTORY_INVITATION_RATE"):
        return render(page, request, "invite.html", context, status=429)
    if not form.is_valid():
        return render(page, request, "invite.html", context, status=400)

    data = form.cleaned_data
    with transaction.atomic():
        people.add_person_to_organisation(
            email=data["email"],
            name=data["name"],
            organisation=organisation,
            kind=data["kind"],
            language=data["language"],
            directory_page=page,
            inviter=request.user,
            job_title=data["job_title"],
            request=request,
        )
    messages.success(
        request,
        _("%(name)s has been invited by e-mail.") % {"name": data["name"]},
    )
    return HttpResponseRedirect(request.path)
