"""The membership application: the public form, the workflow, the e-mails."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail

from mmn_plugins.directory import applications
from mmn_plugins.directory.models import (
    ApplicationStatus,
    MembershipApplication,
    Organisation,
    Role,
)


pytestmark = pytest.mark.django_db

APPLY_URL = "/en/members/apply/"


@pytest.fixture
def form_data(types, topics):
    return {
        "organisation_name": "Saffron Crossings Association",
        "organisation_short_name": "SCA",
        "organisation_type": types["ngo"].pk,
        "head_office_country": "TN",
        "countries": ["TN", "LY"],
        "city": "Sfax",
        "website": "https://saffron.example.org/",
        "organisation_email": "hello@saffron.example.org",
        "description": "We run language cafés.",
        "topics": [topics["labour"].pk],
        "applicant_name": "Rania Saleh",
        "applicant_email": "rania@saffron.example.org",
        "applicant_job_title": "Director",
        "applicant_language": "fr",
        "motivation": "To learn from other cities.",
        "consent": "on",
        "website_url": "",
    }


def submit(client, data):
    return client.post(APPLY_URL, data)


def test_form_shows_its_four_sections(client, directory_page, types):
    """The form has the organisation, applicant, motivation and privacy sections."""
    soup = BeautifulSoup(client.get(APPLY_URL).content, "html.parser")
    legends = [
        legend.get_text(strip=True) for legend in soup.select(".form__section-title")
    ]
    assert legends == [
        "Your organisation",
        "About you",
        "Why join the network",
        "Privacy",
    ]


def test_valid_application_is_stored_recorded_and_acknowledged(
    client, directory_page, form_data
):
    """A valid application is saved as submitted with its first history step,
    and the applicant gets an e-mail in the language they chose (French)."""
    response = submit(client, form_data)

    assert response.status_code == 302
    assert response["Location"] == "/en/members/apply/thanks/"
    application = MembershipApplication.objects.get()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.consent_given_at is not None
    assert list(application.events.values_list("to_status", flat=True)) == ["submitted"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["rania@saffron.example.org"]
    assert "Saffron Crossings Association" in mail.outbox[0].subject


def test_moderators_are_told_when_configured(
    client, directory_page, form_data, settings
):
    """MMN_DIRECTORY_MODERATOR_EMAILS receive a notice of each application."""
    settings.MMN_DIRECTORY_MODERATOR_EMAILS = ["review@example.org"]
    submit(client, form_data)
    assert any(message.to == ["review@example.org"] for message in mail.outbox)


def test_consent_is_required(client, directory_page, form_data):
    """Without consent to the privacy notice, the form says so and stores nothing."""
    del form_data["consent"]
    response = submit(client, form_data)
    assert response.status_code == 400
    assert not MembershipApplication.objects.exists()
    assert "This field is required" in response.content.decode()


def test_duplicate_pending_application_is_refused(client, directory_page, form_data):
    """The same e-mail (in any case) cannot stack a second pending application."""
    submit(client, form_data)
    form_data["applicant_email"] = "RANIA@saffron.example.org"
    response = submit(client, form_data)

    assert response.status_code == 400
    assert "already being reviewed" in response.content.decode()
    assert MembershipApplication.objects.count() == 1


def test_honeypot_refuses_with_a_clear_error(client, directory_page, form_data):
    """A filled honeypot gets an error message, not a silent drop."""
    form_data["website_url"] = "http://spam.example/"
    response = submit(client, form_data)
    assert response.status_code == 400
    assert "looked automated" in response.content.decode()
    assert not MembershipApplication.objects.exists()


def test_rate_limit(client, directory_page, form_data, settings):
    """Past the rate, submissions get a 429 with an explanation."""
    settings.MMN_DIRECTORY_APPLICATION_RATE = "2/h"
    for number in range(2):
        form_data["applicant_email"] = f"person{number}@example.org"
        assert submit(client, form_data).status_code == 302
    form_data["applicant_email"] = "person3@example.org"
    response = submit(client, form_data)
    assert response.status_code == 429
    assert "too many times" in response.content.decode()
    assert MembershipApplication.objects.count() == 2


def test_mass_assignment_changes_nothing(client, directory_page, form_data, types):
    """Extra fields (status, is_staff, organisation) are ignored."""
    other = Organisation.objects.create(
        name="Other",
        slug="other",
        organisation_type=types["ngo"],
        head_office_country="FR",
    )
    form_data.update(
        status="approved", approved="1", is_staff="1", organisation=other.pk,
        answer_token="chosen", membership_level="full",
    )  # fmt: skip
    submit(client, form_data)

    application = MembershipApplication.objects.get()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.organisation is None
    assert application.answer_token != "chosen"


def test_csrf_is_required(directory_page, form_data):
    """A POST without a CSRF token is refused."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(APPLY_URL, form_data)
    assert response.status_code == 403
    assert not MembershipApplication.objects.exists()


def materialise(item):
    if "value" in item:
        return item["value"]
    recipe = item.get("gen", {})
    if "repeat" in recipe:
        return recipe["repeat"] * recipe["count"]
    if "concat" in recipe:
        return "".join(
            part if isinstance(part, str) else part["repeat"] * part["count"]
            for part in recipe["concat"]
        )
    return None  # Raw bytes are not form-encodable text.


@pytest.mark.parametrize("group", ["text_xss_html", "unicode", "markdown_injection"])
def test_hostile_text_never_breaks_the_form_or_goes_live(
    client, directory_page, form_data, bad_inputs, group, moderator, settings
):
    """Every hostile text in every text field: a form error or a stored value;
    never a 500, and the stored value shows escaped on the review page."""
    text_fields = [
        "organisation_name", "city", "description", "applicant_name",
        "applicant_job_title", "motivation",
    ]  # fmt: skip
    settings.MMN_DIRECTORY_APPLICATION_RATE = "1000/m"
    for number, item in enumerate(bad_inputs[group]):
        value = materialise(item)
        if value is None:
            continue
        data = dict(form_data, applicant_email=f"bad{number}@example.org")
        data.update(dict.fromkeys(text_fields, value))
        response = submit(client, data)
        assert response.status_code in {302, 400}, item["id"]
        # Django refuses a body past DATA_UPLOAD_MAX_MEMORY_SIZE with its own 400.
        encoded = len(urlencode({"v": value})) * len(text_fields)
        too_big = encoded > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if response.status_code == 400 and not too_big:
            soup = BeautifulSoup(response.content, "html.parser")
            assert soup.select(".error-summary"), item["id"]
            assert not soup.select("main script"), item["id"]
    assert "RELSEC" not in "".join(
        str(tag)
        for tag in BeautifulSoup(
            _review_pages(client, moderator), "html.parser"
        ).select("script")
    )


def _review_pages(client, moderator):
    client.force_login(moderator)
    pages = []
    for application in MembershipApplication.objects.all()[:30]:
        response = client.get(f"/admin/directory/applications/edit/{application.pk}/")
        assert response.status_code == 200
        pages.append(response.content.decode())
    client.logout()
    return "".join(pages)


def test_full_workflow_with_emails(client, directory_page, form_data, moderator):
    """Request information → the applicant answers through the link → approval
    creates the organisation (unpublished by default), the account, the
    focal-point role, and sends the invitation; each step is recorded."""
    submit(client, form_data)
    application = MembershipApplication.objects.get()
    mail.outbox.clear()

    applications.request_information(application, moderator, "Which cities?")
    assert application.status == ApplicationStatus.INFORMATION_REQUESTED
    question_mail = mail.outbox[-1]
    assert "Which cities?" in question_mail.body
    answer_path = f"/en/members/apply/answer/{application.answer_token}/"
    assert answer_path in question_mail.body

    response = client.post(answer_path, {"message": "Sfax and Tripoli."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED

    organisation = applications.approve(application, moderator, "Welcome!")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.organisation == organisation
    assert organisation.is_published is False
    assert organisation.descriptions.get().language == "fr"
    user = get_user_model().objects.get(email="rania@saffron.example.org")
    assert not user.has_usable_password()
    assert Role.objects.get(person__user=user).kind == Role.Kind.FOCAL_POINT
    approval = mail.outbox[-1]
    assert "/en/members/invitation/" in approval.body
    steps = list(application.events.values_list("to_status", "actor", "message"))
    assert steps == [
        ("submitted", None, ""),
        ("information_requested", moderator.pk, "Which cities?"),
        ("submitted", None, "Sfax and Tripoli."),
        ("approved", moderator.pk, "Welcome!"),
    ]


def test_approval_can_publish_at_once(
    directory_page, form_data, client, moderator, settings
):
    """With MMN_DIRECTORY_PUBLISH_ON_APPROVAL the organisation is listed at once."""
    settings.MMN_DIRECTORY_PUBLISH_ON_APPROVAL = True
    submit(client, form_data)
    organisation = applications.approve(
        MembershipApplication.objects.get(), moderator, ""
    )
    assert organisation.is_published


def test_decided_applications_cannot_move(client, directory_page, form_data, moderator):
    """A rejected application cannot be approved afterwards, nor answered."""
    submit(client, form_data)
    application = MembershipApplication.objects.get()
    applications.reject(application, moderator, "Out of scope.")

    with pytest.raises(applications.InvalidStep):
        applications.approve(application, moderator, "")
    response = client.post(
        f"/en/members/apply/answer/{application.answer_token}/", {"message": "Hi"}
    )
    assert response.status_code == 200
    assert application.events.count() == 2
    assert "Out of scope." in mail.outbox[-1].body


def test_moderator_decides_in_the_admin(client, directory_page, form_data, moderator):
    """A moderator approves from the admin review page; members cannot see it."""
    submit(client, form_data)
    application = MembershipApplication.objects.get()
    url = f"/admin/directory/applications/edit/{application.pk}/"

    client.force_login(moderator)
    page = client.get(url)
    assert page.status_code == 200
    assert "To learn from other cities." in page.content.decode()
    response = client.post(url, {"decision": "approve", "message": "Welcome"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED


def test_request_for_information_needs_a_message(
    client, directory_page, form_data, moderator
):
    """Asking for information without saying what is refused in the admin."""
    submit(client, form_data)
    application = MembershipApplication.objects.get()
    client.force_login(moderator)
    url = f"/admin/directory/applications/edit/{application.pk}/"
    response = client.post(url, {"decision": "request_information", "message": " "})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_members_and_editors_cannot_review(
    client, directory_page, form_data, member, editor
):
    """Only moderators (and administrators) review applications."""
    submit(client, form_data)
    application = MembershipApplication.objects.get()
    url = f"/admin/directory/applications/edit/{application.pk}/"
    for user in [member, editor]:
        client.force_login(user)
        response = client.post(url, {"decision": "approve", "message": ""})
        assert response.status_code in {302, 403}
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_logo_sent_with_the_application_becomes_the_organisations(
    client, directory_page, form_data, moderator
):
    """The form takes a logo, re-encoded; approval gives it to the organisation."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.directory.test_editing import png_bytes

    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    response = client.post(APPLY_URL, {**form_data, "logo_upload": logo})
    assert response.status_code == 302
    application = MembershipApplication.objects.get()
    assert application.logo.file.name.endswith(".jpg")

    organisation = applications.approve(application, moderator, "Welcome")

    assert organisation.logo == application.logo


def test_bad_logos_get_a_form_error(
    client, directory_page, form_data, bad_inputs, settings
):
    """The upload group of the shared corpus, as the application's logo:
    a form error each time (a real picture is re-encoded), never a 500."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MMN_DIRECTORY_APPLICATION_RATE = "1000/h"  # One post per file.

    from tests.directory.test_editing import upload_from

    for item in bad_inputs["upload_files"]:
        body = upload_from(item)
        if body is None:
            continue
        upload = SimpleUploadedFile(item["filename"], body, item["content_type"])
        response = client.post(APPLY_URL, {**form_data, "logo_upload": upload})
        if item["id"] == "up-png-text-chunk":
            assert response.status_code == 302, item["id"]
            application = MembershipApplication.objects.get()
            assert b"RELSEC" not in application.logo.file.read()
            application.delete()
        else:
            assert response.status_code == 400, item["id"]
            assert not MembershipApplication.objects.exists(), item["id"]


def test_moderator_corrects_the_details_before_approving(
    client, directory_page, form_data, moderator, types
):
    """The review page holds the application's details: a moderator fixes
    the type and the name, the correction is kept in the history, and the
    organisation is created with the corrected details."""
    submit(client, form_data)
    application = MembershipApplication.objects.get()
    url = f"/admin/directory/applications/edit/{application.pk}/"
    client.force_login(moderator)
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.select_one('input[name="organisation_name"]') is not None
    assert page.select_one('input[type="hidden"][name="corrections"]') is not None
    details = {
        **{key: value for key, value in form_data.items() if key != "consent"},
        "corrections": "True",
        "organisation_name": "Saffron Crossings",
        "organisation_type": types["academia"].pk,
    }

    client.post(url, {**details, "decision": "correct", "message": ""})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.organisation_name == "Saffron Crossings"
    assert "Details corrected" in application.events.last().message

    client.post(url, {"decision": "approve", "message": "Welcome"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.organisation.name == "Saffron Crossings"
    assert application.organisation.organisation_type == types["academia"]
    assert sorted(country.code for country in application.organisation.countries) == [
        "LY",
        "TN",
    ]


def test_a_required_detail_cannot_be_emptied(
    client, directory_page, form_data, moderator
):
    submit(client, form_data)
    application = MembershipApplication.objects.get()
    url = f"/admin/directory/applications/edit/{application.pk}/"
    client.force_login(moderator)

    response = client.post(
        url,
        {
            **form_data,
            "corrections": "True",
            "organisation_name": "  ",
            "decision": "correct",
            "message": "",
        },
    )

    assert response.status_code == 200
    application.refresh_from_db()
    assert application.organisation_name == "Saffron Crossings Association"
