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


def test_only_members_may_submit(client, library):
    from tests import factories

    client.force_login(factories.make_user("outsider@example.org"))

    response = _submit(client)

    assert response.status_code == 403
    assert not ResourcePage.objects.exists()


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


def _act_in_the_admin(client, moderator, resource, action, comment=""):
    """The moderator takes ``action`` on the submission from Wagtail's admin,
    as the "Approve" / "Request changes" buttons of the page editor do."""
    from django.urls import reverse

    client.force_login(moderator)
    task_state = resource.current_workflow_state.current_task_state
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[resource.pk])).status_code
        == 200
    )
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[resource.pk, action, task_state.pk],
    )
    return client.post(url, {"comment": comment})


def test_the_library_is_reviewed_by_moderators_without_page_rights(library, moderator):
    """The plugin gives each library a workflow of its own whose task the
    Moderators group approves, and the right to publish below that library
    only (Wagtail publishes an approved revision as the approver)."""
    from wagtail.models import GroupPagePermission

    workflow = library.get_workflow()

    assert workflow.name == "E-library review"
    [task] = [task.specific for task in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    rights = GroupPagePermission.objects.filter(group__name="Moderators")
    assert list(rights.values_list("page_id", "permission__codename")) == [
        (library.pk, "publish_page")
    ]


def test_approval_in_the_admin_publishes_and_sends_one_email(
    client, library, member, moderator
):
    client.force_login(member)
    _submit(client)
    resource = ResourcePage.objects.get(title="Guide for city councils")
    mail.outbox.clear()

    response = _act_in_the_admin(client, moderator, resource, "approve")

    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.live
    # The library's e-mail only: Wagtail's own, with its admin links, is not
    # sent to a member who cannot open the admin.
    [email] = mail.outbox
    assert email.to == [member.email]
    assert "is published" in email.subject
    client.force_login(member)
    assert "Published" in client.get(MINE).content.decode()


def test_request_for_changes_sends_one_email_with_the_comment(
    client, library, member, moderator
):
    client.force_login(member)
    _submit(client)
    resource = ResourcePage.objects.get(title="Guide for city councils")
    mail.outbox.clear()

    _act_in_the_admin(
        client, moderator, resource, "reject", "Please add the French version."
    )

    resource.refresh_from_db()
    assert not resource.live
    [email] = mail.outbox
    assert email.to == [member.email]
    assert "Changes requested" in email.subject
    assert "Please add the French version." in email.body
    client.force_login(member)
    assert "Changes requested" in client.get(MINE).content.decode()


def test_staff_who_use_the_admin_keep_wagtails_email_instead(
    client, library, editor, moderator
):
    """An editor submitting from the site gets Wagtail's notification (their
    admin preference) and no second one from the library."""
    from django.contrib.auth.models import Group

    editor.groups.add(Group.objects.get(name="Members"))
    client.force_login(editor)
    _submit(client)
    resource = ResourcePage.objects.get(title="Guide for city councils")
    mail.outbox.clear()

    _act_in_the_admin(client, moderator, resource, "approve")

    resource.refresh_from_db()
    assert resource.live
    assert [email.to for email in mail.outbox] == [[editor.email]]


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
