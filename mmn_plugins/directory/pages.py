"""The directory page: a Wagtail page whose routes serve the whole directory."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page


# Organisation slugs may not take the names of the directory's own routes.
RESERVED_SLUGS = {"apply", "profile", "invitation", "working-groups", "figures"}


class DirectoryPage(RoutablePageMixin, Page):
    """The member directory (``/members/`` in the demo).

    Lists the member organisations with filters and the network in figures,
    and serves under its own URL each organisation's profile, the working
    groups, the membership application form, invitations and profile editing.
    Editors add one directory page per language, usually under the home page.
    """

    introduction = models.TextField(_("introduction"), blank=True)
    application_introduction = models.TextField(
        _("introduction to the application form"), blank=True
    )
    privacy_notice_url = models.URLField(
        _("address of the privacy notice"),
        blank=True,
        help_text=_("Applicants must accept it; the form links to it."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("application_introduction"),
        FieldPanel("privacy_notice_url"),
    ]

    subpage_types = []
    template = "mmn_directory/directory_page.html"

    class Meta:
        verbose_name = _("member directory")

    @path("")
    def organisation_list(self, request):
        return views.organisation_list(self, request)

    @path("apply/")
    def apply(self, request):
        return views.apply(self, request)

    @path("apply/thanks/")
    def application_received(self, request):
        return views.application_received(self, request)

    @path("apply/answer/<str:token>/")
    def answer_application(self, request, token):
        return views.answer_application(self, request, token)

    @path("invitation/<str:uidb64>/<str:token>/")
    def accept_invitation(self, request, uidb64, token):
        return views.accept_invitation(self, request, uidb64, token)

    @path("profile/")
    def edit_profile(self, request):
        return views.edit_profile(self, request)

    @path("working-groups/")
    def working_group_list(self, request):
        return views.working_group_list(self, request)

    @path("working-groups/<slug:slug>/")
    def working_group_detail(self, request, slug):
        return views.working_group_detail(self, request, slug)

    @path("<slug:slug>/")
    def organisation_detail(self, request, slug):
        return views.organisation_detail(self, request, slug)

    @path("<slug:slug>/edit/")
    def edit_organisation(self, request, slug):
        return views.edit_organisation(self, request, slug)

    @path("<slug:slug>/invite/")
    def invite_colleague(self, request, slug):
        return views.invite_colleague(self, request, slug)

    def organisation_url(self, organisation, request=None):
        return self.get_url(request) + self.reverse_subpage(
            "organisation_detail", args=[organisation.slug]
        )

    def subpage_url(self, name, request=None, args=None):
        return self.get_url(request) + self.reverse_subpage(name, args=args or [])


# Imported last: the views import the models, and this module is itself
# imported by ``models``.
from . import views  # noqa: E402
