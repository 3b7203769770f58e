"""The directory in the Wagtail admin, and its slots on other pages."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from mmn_plugins.core.registry import (
    DEMO_BUILDERS,
    HOME_SLOTS,
    MEMBER_CHECKS,
    PERSON_SUMMARIES,
    SEARCH_SOURCES,
)

from . import applications
from .forms import ApplicationReviewForm
from .models import (
    MembershipApplication,
    MembershipStatus,
    Organisation,
    OrganisationType,
    Person,
    WorkingGroup,
)


class OrganisationFilterSet(WagtailFilterSet):
    head_office_country = django_filters.ChoiceFilter(
        label=_("Country"), choices=lambda: list(countries)
    )
    status = django_filters.ChoiceFilter(
        label=_("Membership status"), choices=MembershipStatus.choices
    )

    class Meta:
        model = Organisation
        fields = ["organisation_type", "head_office_country", "status", "is_published"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = [
        "name",
        "organisation_type",
        "head_office_country_name",
        "status",
        "is_published",
    ]
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "short_name", "city"]
    search_backend_name = None
    list_export = [
        "name",
        "short_name",
        "slug",
        "organisation_type",
        "head_office_country_name",
        "city",
        "website",
        "public_email",
        "phone",
        "year_joined",
        "status",
        "is_published",
    ]
    export_headings = {"head_office_country_name": _("Country of the head office")}
    export_filename = "organisations"
    ordering = ["name"]


class OrganisationTypeViewSet(SnippetViewSet):
    model = OrganisationType
    icon = "list-ul"
    menu_label = _("Organisation types")
    list_display = ["name", "slug", "sort_order"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "job_title", "user"]
    search_fields = ["name", "job_title", "email"]
    search_backend_name = None


class WorkingGroupViewSet(SnippetViewSet):
    model = WorkingGroup
    icon = "folder-open-inverse"
    menu_label = _("Working groups")
    list_display = ["name", "coordinating_organisation", "is_active"]
    search_fields = ["name"]
    search_backend_name = None


class ApplicationReviewView(EditView):
    """A moderator's review: the application, its history and the decision."""

    def save_instance(self):
        form = self.form
        decision = form.cleaned_data["decision"]
        message = form.cleaned_data["message"]
        user = self.request.user
        corrected = form.corrected_fields()
        if corrected:
            self.object = form.save()
            applications.record_correction(self.object, user, corrected)
        if decision == form.Decision.CORRECT:
            return self.object
        if decision == form.Decision.APPROVE:
            applications.approve(self.object, user, message, request=self.request)
        elif decision == form.Decision.REQUEST_INFORMATION:
            applications.request_information(self.object, user, message)
        else:
            applications.reject(self.object, user, message)
        return self.object

    def get_success_message(self):
        return _("The decision on “%(name)s” has been recorded and sent.") % {
            "name": self.object.organisation_name
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["application"] = self.object
        context["events"] = self.object.events.select_related("actor")
        return context


class MembershipApplicationViewSet(ModelViewSet):
    model = MembershipApplication
    name = "mmn_directory_applications"
    url_prefix = "directory/applications"
    icon = "mail"
    menu_label = _("Applications")
    list_display = [
        "organisation_name",
        "applicant_name",
        "head_office_country",
        "status",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["organisation_name", "applicant_name", "applicant_email"]
    search_backend_name = None
    list_export = [
        "organisation_name",
        "applicant_name",
        "applicant_email",
        "head_office_country",
        "status",
        "created_at",
    ]
    export_filename = "membership-applications"
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_view_class = ApplicationReviewView
    edit_template_name = "mmn_directory/admin/review_application.html"
    form_fields = []

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            panel=None, form_class=ApplicationReviewForm, **kwargs
        )


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "group"
    menu_order = 250
    items = [
        OrganisationViewSet,
        MembershipApplicationViewSet,
        PersonViewSet,
        WorkingGroupViewSet,
        OrganisationTypeViewSet,
    ]


register_snippet(DirectoryViewSetGroup)


@hooks.register(HOME_SLOTS)
def newest_members_slot(request, **context):
    """The newest organisations of the directory, for the home page."""
    from .slots import newest_members

    return newest_members(request)


@hooks.register(DEMO_BUILDERS)
def build_directory_demo(demo):
    from .demo import build_demo_directory

    build_demo_directory(demo)


@hooks.register(SEARCH_SOURCES)
def organisation_search_source():
    from .search import organisation_source

    return organisation_source()


@hooks.register(SEARCH_SOURCES)
def person_search_source():
    from .search import person_source

    return person_source()


@hooks.register(MEMBER_CHECKS)
def holds_a_role_in_a_member_organisation(user):
    """People with a current role in an active member organisation are
    members of the network (core's ``is_member`` asks every plugin)."""
    from .visibility import holds_current_role

    return holds_current_role(user)


@hooks.register(PERSON_SUMMARIES)
def directory_person_summaries(user_ids):
    """Name, photo and organisation beside what a person wrote elsewhere."""
    from .summaries import person_summaries

    return person_summaries(user_ids)
