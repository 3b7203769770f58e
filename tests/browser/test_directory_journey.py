"""The membership journey in Chromium: apply, approve in the admin, accept the
invitation, log in, edit the profile."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from mmn_plugins.directory.models import (
    DirectoryPage,
    MembershipApplication,
    OrganisationType,
    Person,
)
from tests import factories


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a long pass phrase 42"


def test_apply_approve_accept_log_in_and_edit_profile(
    home_page,
    moderator,
    open_page,
    screenshot,
):
    """A visitor applies; a moderator approves in the admin; the applicant
    follows the e-mailed link, chooses a password, logs in again with it and
    edits their profile."""
    factories.add_page(home_page, DirectoryPage(title="Members", slug="members"))
    OrganisationType.objects.create(
        name="NGO, platform or network", slug="ngo", locale=home_page.locale
    )

    page = open_page("/en/members/apply/")
    page.fill("#id_organisation_name", "Juniper Thresholds Collective")
    page.select_option("#id_organisation_type", label="NGO, platform or network")
    page.select_option("#id_head_office_country", "JO")
    page.fill("#id_city", "Irbid")
    page.fill("#id_description", "We run a legal clinic.")
    page.fill("#id_applicant_name", "Noor Saleh")
    page.fill("#id_applicant_email", "noor@juniper.example.org")
    page.fill("#id_applicant_job_title", "Coordinator")
    page.fill("#id_motivation", "To learn from cities across the sea.")
    page.check("#id_consent")
    screenshot(page, "directory-application-form")
    page.click("form.application-form button[type=submit]")
    expect(page.locator("h1")).to_contain_text("your application has been received")

    application = MembershipApplication.objects.get()
    admin = open_page("/admin/login/")
    admin.fill("#id_username", moderator.username)
    admin.fill("#id_password", factories.TEST_PASSWORD)
    admin.click("button[type=submit]")
    admin.goto(f"/admin/directory/applications/edit/{application.pk}/")
    expect(admin.locator("body")).to_contain_text(
        "To learn from cities across the sea."
    )
    admin.check("input[name=decision][value=approve]")
    admin.fill("#id_message", "Welcome to the network.")
    admin.click("#w-editor-form footer button[type=submit]")
    expect(admin.locator(".messages")).to_contain_text("has been recorded")

    link = re.search(r"http://\S+/invitation/\S+/", mail.outbox[-1].body).group(0)
    invited = open_page(link.split("localhost", 1)[-1])
    invited.fill("#id_new_password1", PASSWORD)
    invited.fill("#id_new_password2", PASSWORD)
    invited.click("main form button[type=submit]")
    expect(invited.locator("h1")).to_have_text("My profile")

    visitor = open_page("/accounts/login/")
    visitor.fill("input[name=login]", "noor@juniper.example.org")
    visitor.fill("input[name=password]", PASSWORD)
    visitor.click("main form button[type=submit]")
    visitor.goto("/en/members/profile/")
    visitor.fill("#id_job_title", "Head of the legal clinic")
    visitor.check("#id_job_title_visibility_0")
    visitor.click("form.profile-form button[type=submit]")
    expect(visitor.locator(".messages")).to_contain_text("Your profile has been saved")
    screenshot(visitor, "directory-profile-saved")

    person = Person.objects.get(user__email="noor@juniper.example.org")
    assert person.job_title == "Head of the legal clinic"
    assert person.roles.get().organisation.name == "Juniper Thresholds Collective"
