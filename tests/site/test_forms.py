"""Form pages: accessible markup, submissions, e-mail, honeypot, rate limit, CSRF."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client, override_settings
from django_tasks import task_backends
from wagtail.contrib.forms.models import FormSubmission

from formpages.models import FormField, FormPage
from mmn_plugins.core.forms import HONEYPOT_FIELD_NAME
from mmn_plugins.core.tasks import send_email
from tests import factories


pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def make_contact_page(parent, **fields):
    """A contact form with one field of each kind a contact form needs."""
    fields.setdefault("title", "Contact us")
    fields.setdefault("slug", "contact")
    fields.setdefault("to_address", "team@example.org, press@example.org")
    fields.setdefault("from_address", "forms@example.org")
    fields.setdefault("subject", "A message from the website")
    page = FormPage(
        locale=parent.locale,
        form_fields=[
            FormField(
                label="Name",
                field_type="singleline",
                help_text="As you would like us to address you.",
            ),
            FormField(label="Email", field_type="email"),
            FormField(label="Message", field_type="multiline"),
            FormField(
                label="Topic",
                field_type="dropdown",
                choices="Membership\nPress",
                required=False,
            ),
        ],
        **fields,
    )
    return factories.add_page(parent, page)


def valid_answer(**changes):
    answer = {
        "name": "Leïla Haddad",
        "email": "leila@example.org",
        "message": "We would like to join the working group on reception.",
        "topic": "Membership",
        HONEYPOT_FIELD_NAME: "",
    }
    answer.update(changes)
    return answer


@pytest.fixture
def contact_page(home_page):
    return make_contact_page(home_page)


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def test_form_fields_have_labels_required_marks_and_described_help(
    client, contact_page
):
    """Each field has a label, required fields say so, help text is announced."""
    html = parse(client.get(contact_page.url))

    name_input = html.find("input", {"name": "name"})
    label = html.find("label", {"for": name_input["id"]})
    help_text = html.find(id=f"{name_input['id']}_helptext")
    assert "Name" in label.get_text()
    assert "required" in label.get_text()
    assert name_input.has_attr("required")
    assert help_text.get_text(strip=True) == "As you would like us to address you."
    assert help_text["id"] in name_input["aria-describedby"].split()
    topic_label = html.find("label", {"for": html.find("select")["id"]})
    assert "required" not in topic_label.get_text()


def test_honeypot_is_hidden_from_sight_and_from_screen_readers(client, contact_page):
    """The trap field sits in a wrapper with class honeypot and aria-hidden."""
    html = parse(client.get(contact_page.url))

    trap = html.find("input", {"name": HONEYPOT_FIELD_NAME})
    wrapper = trap.find_parent("div")
    assert "honeypot" in wrapper["class"]
    assert wrapper["aria-hidden"] == "true"
    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"


def test_a_valid_answer_is_stored_and_thanked(client, contact_page):
    """The visitor sees the thank-you page and the answer is kept as sent."""
    response = client.post(contact_page.url, valid_answer())

    submission = FormSubmission.objects.get(page=contact_page)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert submission.get_data()["name"] == "Leïla Haddad"
    assert HONEYPOT_FIELD_NAME not in submission.form_data


@override_settings(TASKS=DUMMY_TASKS)
def test_the_e_mail_goes_through_a_background_task(client, contact_page):
    """Sending the form queues an e-mail task; nothing is sent in the request."""
    backend = task_backends["default"]
    backend.clear()

    client.post(contact_page.url, valid_answer())

    assert mail.outbox == []
    [result] = [r for r in backend.results if r.task.func is send_email.func]
    assert result.kwargs["recipients"] == ["team@example.org", "press@example.org"]
    assert result.kwargs["reply_to"] == ["leila@example.org"]
    assert "Message: We would like to join" in result.kwargs["body"]


def test_the_queued_e_mail_reaches_the_team(client, contact_page):
    """With the immediate backend of tests, the task delivers the e-mail."""
    client.post(contact_page.url, valid_answer())

    [message] = mail.outbox
    assert message.to == ["team@example.org", "press@example.org"]
    assert message.from_email == "forms@example.org"
    assert message.reply_to == ["leila@example.org"]
    assert message.subject == "A message from the website"
    assert "Name: Leïla Haddad" in message.body


def test_errors_are_listed_at_the_top_and_beside_each_field(client, contact_page):
    """A wrong answer keeps what was typed and links each error to its field."""
    response = client.post(
        contact_page.url, valid_answer(email="not an address", message="")
    )
    html = parse(response)

    assert response.status_code == 200
    summary = html.find(class_="error-summary")
    assert summary["role"] == "alert"
    links = {link["href"] for link in summary.find_all("a")}
    email_input = html.find("input", {"name": "email"})
    message_input = html.find("textarea", {"name": "message"})
    assert links == {f"#{email_input['id']}", f"#{message_input['id']}"}
    assert email_input["aria-invalid"] == "true"
    assert f"{email_input['id']}_error" in email_input["aria-describedby"].split()
    assert html.find(id=f"{email_input['id']}_error").get_text(strip=True)
    assert email_input["value"] == "not an address"
    assert html.find("input", {"name": "name"})["value"] == "Leïla Haddad"
    assert not FormSubmission.objects.exists()


def test_a_filled_honeypot_is_refused_with_a_message_and_the_data_kept(
    client, contact_page
):
    """A bot's answer is not stored; a person who filled it learns why."""
    response = client.post(
        contact_page.url, valid_answer(**{HONEYPOT_FIELD_NAME: "http://spam.test"})
    )
    html = parse(response)

    summary = html.find(class_="error-summary")
    assert "leave the last field empty" in summary.get_text()
    assert summary.find("a") is None  # Nothing to link to: the field is hidden.
    assert html.find("textarea", {"name": "message"}).get_text().strip()
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


@override_settings(MMN_SITE_FORM_RATE="2/m")
def test_too_many_answers_get_429_with_the_form_and_the_data_kept(client, contact_page):
    """Past the limit the visitor gets the form back with a clear message."""
    for _attempt in range(2):
        assert client.post(contact_page.url, valid_answer()).status_code == 200

    response = client.post(contact_page.url, valid_answer(message="A third one."))
    html = parse(response)

    assert response.status_code == 429
    assert "too many times" in html.find(class_="error-summary").get_text()
    # Browsers drop the newline Django writes after <textarea>.
    typed = html.find("textarea", {"name": "message"}).get_text().removeprefix("\n")
    assert typed == "A third one."
    assert FormSubmission.objects.count() == 2


@override_settings(MMN_SITE_FORM_RATE="1/m")
def test_the_rate_limit_is_counted_per_form(client, contact_page, home_page):
    """Sending the contact form does not block a feedback survey."""
    survey = make_contact_page(home_page, title="Feedback", slug="feedback")

    client.post(contact_page.url, valid_answer())

    assert client.post(survey.url, valid_answer()).status_code == 200
    assert client.post(contact_page.url, valid_answer()).status_code == 429


@pytest.mark.parametrize("token", [None, "x" * 64])
def test_a_missing_or_wrong_csrf_token_gets_the_themed_403(contact_page, token):
    """Without a valid CSRF token nothing is stored and the page explains why."""
    client = Client(enforce_csrf_checks=True)
    client.get(contact_page.url)
    answer = valid_answer()
    if token:
        answer["csrfmiddlewaretoken"] = token

    response = client.post(contact_page.url, answer)

    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert parse(response).html["lang"] == "en"
    assert not FormSubmission.objects.exists()


def test_extra_and_tampered_fields_change_nothing(client, contact_page):
    """Fields the form does not have are ignored; a choice outside the list fails."""
    tampered = valid_answer(
        page=str(contact_page.pk + 1),
        submit_time="2000-01-01",
        id="1",
        form_data='{"name": "admin"}',
        to_address="victim@example.org",
    )
    client.post(contact_page.url, tampered)

    submission = FormSubmission.objects.get()
    assert submission.page_id == contact_page.pk
    assert set(submission.form_data) == {"name", "email", "message", "topic"}
    assert mail.outbox[0].to == ["team@example.org", "press@example.org"]

    response = client.post(contact_page.url, valid_answer(topic="Approved member"))
    assert "Select a valid choice" in response.content.decode()
    assert FormSubmission.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "length"), [("name", 256), ("message", 5001), ("message", 2**20)]
)
def test_oversize_text_gets_a_form_error(client, contact_page, field, length):
    """Text beyond a field's limit is refused with the limit, never cut short."""
    response = client.post(contact_page.url, valid_answer(**{field: "x" * length}))

    assert response.status_code == 200
    assert "Ensure this value has at most" in response.content.decode()
    assert not FormSubmission.objects.exists()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024 * 1024)
def test_a_body_over_the_upload_limit_is_a_400_not_a_500(client, contact_page):
    """A request body over DATA_UPLOAD_MAX_MEMORY_SIZE is refused cleanly."""
    response = client.post(
        contact_page.url,
        "message=" + "x" * (2 * 1024 * 1024),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 400
    assert not FormSubmission.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_store_nothing(client, contact_page, method):
    """Only POST sends a form; other methods neither store nor fail."""
    response = getattr(client, method)(contact_page.url, valid_answer())

    assert response.status_code < 500
    assert not FormSubmission.objects.exists()
