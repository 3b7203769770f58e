"""Member submissions: a draft in moderation, e-mails, and "my submissions"."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import WorkflowState

from mmn_plugins.core.sanitise import strip_control_characters
from mmn_plugins.library.forms import ResourceSubmissionForm
from mmn_plugins.library.models import ResourcePage
from tests.library.conftest import PDF_BYTES


pytestmark = pytest.mark.django_db
SUBMIT = "/en/library/submit/"
MINE = "/en/library/my-submissions/"


def _fields(**overrides):
    fields = {
        "title": "Guide for city councils",
        "summary": "How councils can welcome newcomers.",
        "resource_type": "toolkit",
        "authors": "Claire Dumont\nYoussef Benali",
        "publisher": "City network",
        "publication_date": "2025-04-02",
        "countries": ["FR", "MA"],
        "keywords": "cities, reception",
        "language": "en",
        "website_url": "",
    }
    fields.update(overrides)
    return fields


def _pdf(name="guide.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _submit(client, **overrides):
    return client.post(SUBMIT, {**_fields(**overrides), "file": _pdf()})


def test_visitors_are_sent_to_login(client, library):
    assert client.get(SUBMIT)["Location"].startswith("/accounts/login/?next=")
    assert client.get(MINE)["Location"].startswith("/accounts/login/?next=")


def test_submission_creates_a_draft_in_moderation(
    client, library, member, django_capture_on_commit_callbacks
):
    """The member's resource waits, unpublished, in the page's workflow."""
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = _submit(client)

    assert response.status_code == 302
    resource = ResourcePage.objects.get(title="Guide for city councils")
    assert not resource.live
    assert resource.submitted_by == member
    assert resource.owner == member
    assert resource.author_names() == ["Claire Dumont", "Youssef Benali"]
    assert [str(c) for c in resource.countries] == ["FR", "MA"]
    assert resource.publication_date == datetime.date(2025, 4, 2)
    assert resource.files.get().document.file.read().startswith(b"%PDF")
    assert resource.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Guide for city councils" in mail.outbox[0].subject
    # Nothing unpublished shows in the library.
    assert "Guide for city councils" not in client.get("/en/library/").content.decode()


def test_my_submissions_shows_the_state(client, library, member):
    client.force_login(member)
    _submit(client, title="<script>alert('RELSEC')</script>")

    html = client.get(MINE).content.decode()

    assert "Waiting for review" in html
    assert "&lt;script&gt;alert(&#x27;RELSEC&#x27;)&lt;/script&gt;" in html
    assert "<script>alert('RELSEC')" not in html


@pytest.fixture
def moderators_may_publish_the_library(library):
    """Let the Moderators group, whose task the default workflow holds, publish.

    Which group reviews the library is the site's choice; the test site's
    Moderators group has no page permissions of its own.
    """
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    for codename in ["add_page", "change_page", "publish_page"]:
        GroupPagePermission.objects.get_or_create(
            group=Group.objects.get(name="Moderators"),
            page=library,
            permission=Permission.objects.get(codename=codename),
        )


@pytest.mark.usefixtures("moderators_may_publish_the_library")
def test_approval_publishes_and_tells_the_member(client, library, member, moderator):
    client.force_login(member)
    _submit(client)
    resource = ResourcePage.objects.get(title="Guide for city councils")
    mail.outbox.clear()

    resource.current_workflow_state.current_task_state.approve(user=moderator)

    resource.refresh_from_db()
    assert resource.live
    # Wagtail also sends its own admin notification to the page's owner.
    [ours] = [m for m in mail.outbox if "is published" in m.subject]
    assert ours.to == [member.email]
    assert "Published" in client.get(MINE).content.decode()


def test_request_for_changes_tells_the_member_with_the_comment(
    client, library, member, moderator
):
    client.force_login(member)
    _submit(client)
    resource = ResourcePage.objects.get(title="Guide for city councils")
    mail.outbox.clear()

    resource.current_workflow_state.current_task_state.reject(
        user=moderator, comment="Please add the French version."
    )

    resource.refresh_from_db()
    assert not resource.live
    [ours] = [m for m in mail.outbox if "Changes requested" in m.subject]
    assert "Please add the French version." in ours.body
    assert "Changes requested" in client.get(MINE).content.decode()


def test_a_refused_file_is_a_form_error_and_nothing_is_saved(
    client, library, member, bad_inputs
):
    client.force_login(member)
    [html_upload] = [i for i in bad_inputs["upload_files"] if i["id"] == "up-html"]
    upload = SimpleUploadedFile(
        html_upload["filename"], html_upload["body_text"].encode(), "text/html"
    )

    response = client.post(SUBMIT, {**_fields(), "file": upload})

    assert response.status_code == 200
    assert "are not accepted" in response.content.decode()
    assert not ResourcePage.objects.exists()
    # What the member typed is still in the form.
    assert "Guide for city councils" in response.content.decode()


def test_honeypot_gets_a_clear_error(client, library, member):
    client.force_login(member)

    response = _submit(client, website_url="http://spam.example")

    assert response.status_code == 200
    assert "looked automated" in response.content.decode()
    assert not ResourcePage.objects.exists()


@pytest.mark.parametrize("group", ["text_xss_html", "unicode", "url_path_slug"])
def test_text_fields_take_bad_inputs_or_refuse_them(library, bad_inputs, group):
    """Each value is accepted as sent (less control characters) or refused.

    Checked on the form itself: creating a page per value would take minutes.
    """
    for item in bad_inputs[group]:
        value = item.get("value")
        if not isinstance(value, str):
            continue
        for name in ["title", "summary", "publisher", "keywords", "authors"]:
            form = ResourceSubmissionForm(
                _fields(**{name: value}), {"file": _pdf()}, locale=library.locale
            )
            if form.is_valid():
                # Control characters are dropped by core's form mixin, by
                # design; everything else is kept as sent.
                expected = strip_control_characters(value)
                assert form.cleaned_data[name] in {expected, expected.strip()}, (
                    item["id"],
                    name,
                )
            else:
                assert name in form.errors, (item["id"], name)


def test_too_many_submissions_are_refused_clearly(client, library, member, settings):
    """Past the rate limit the member reads why, and nothing more is saved."""
    settings.MMN_LIBRARY_SUBMISSION_RATE = "1/h"
    client.force_login(member)

    first = _submit(client, title="First guide")
    second = _submit(client, title="Second guide")

    assert first.status_code == 302
    assert second.status_code == 429
    assert "too many times" in second.content.decode()
    assert list(ResourcePage.objects.values_list("title", flat=True)) == ["First guide"]


def test_submitting_without_a_csrf_token_is_forbidden(library, member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post(SUBMIT, {**_fields(), "file": _pdf()})

    assert response.status_code == 403
    assert not ResourcePage.objects.exists()
