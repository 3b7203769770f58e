"""Accounts: login by e-mail, no sign-up, reset, verification, limits, logout."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings
from django_tasks import task_backends

from mmn_plugins.core.tasks import send_email
from tests import factories


pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def log_in(client, email, password=factories.TEST_PASSWORD, follow=False, **extra):
    data = {"login": email, "password": password, **extra}
    return client.post(LOGIN_URL, data, follow=follow)


def is_logged_in(client):
    return "_auth_user_id" in client.session


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body)[1]


def test_the_login_page_is_themed_and_explains_how_to_join(client, home_page):
    """The login page extends the site's base, in the visitor's language."""
    response = client.get(LOGIN_URL)
    html = parse(response)

    assert response.status_code == 200
    assert html.html["lang"] == "en"
    assert html.find(class_="site-header")
    assert html.find("input", {"name": "login"})["type"] == "email"
    assert html.find(class_="how-to-join").find("a")["href"] == "/en/members/apply/"
    assert "sign up" not in response.content.decode().lower()


def test_a_member_logs_in_with_their_e_mail(client, member):
    """The e-mail address and the password open a session."""
    response = log_in(client, "member@example.org")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert is_logged_in(client)


def test_a_wrong_password_is_refused_with_the_same_message_as_an_unknown_address(
    client, member
):
    """Nobody learns from the login form which addresses have accounts."""
    wrong = log_in(client, "member@example.org", password="not the password")
    unknown = log_in(client, "nobody@example.org", password="not the password")

    assert wrong.status_code == unknown.status_code == 200
    assert not is_logged_in(client)
    message = parse(wrong).find(class_="error-summary").get_text(" ", strip=True)
    assert "not correct" in message
    assert parse(unknown).find(class_="error-summary").get_text(" ", strip=True) == (
        message
    )


def test_there_is_no_sign_up_form(client, home_page):
    """The sign-up page explains membership; posting to it creates nobody."""
    users_before = get_user_model().objects.count()

    page = client.get("/accounts/signup/")
    posted = client.post(
        "/accounts/signup/",
        {
            "email": "intruder@example.org",
            "password1": "a long enough password 1",
            "password2": "a long enough password 1",
        },
    )

    html = parse(page)
    assert page.status_code == 200
    assert html.find("input", {"type": "password"}) is None
    assert "membership" in html.find("main").get_text()
    assert posted.status_code == 200
    assert get_user_model().objects.count() == users_before
    assert not EmailAddress.objects.filter(email="intruder@example.org").exists()
    assert mail.outbox == []


def test_password_reset_sends_a_link_that_sets_a_new_password(client, member):
    """The e-mailed link lets the member choose a password, once."""
    response = client.post("/accounts/password/reset/", {"email": "member@example.org"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["member@example.org"]
    reset_link = link_in(message)

    form_page = client.get(reset_link, follow=True)
    action = parse(form_page).find("main").find("form")["action"]
    new_password = "a brand new passphrase"
    done = client.post(
        action, {"password1": new_password, "password2": new_password}, follow=True
    )

    assert "Your password is changed" in done.content.decode()
    assert log_in(Client(), "member@example.org", new_password).status_code == 302
    reused = client.get(reset_link, follow=True)
    assert "This link no longer works" in reused.content.decode()


def test_password_reset_for_an_unknown_address_answers_the_same(client, member):
    """An unknown address gets the same answer, and its e-mail holds no link."""
    known = client.post("/accounts/password/reset/", {"email": "member@example.org"})
    unknown = client.post("/accounts/password/reset/", {"email": "who@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    to_member, to_unknown = mail.outbox
    assert "/accounts/password/reset/key/" in to_member.body
    assert to_unknown.to == ["who@example.org"]
    assert "/accounts/password/reset/key/" not in to_unknown.body


@override_settings(TASKS=DUMMY_TASKS)
def test_account_e_mails_go_through_a_background_task(client, member):
    """The reset e-mail is queued, so the request never waits for SMTP."""
    backend = task_backends["default"]
    backend.clear()

    client.post("/accounts/password/reset/", {"email": "member@example.org"})

    assert mail.outbox == []
    [queued] = [r for r in backend.results if r.task.func is send_email.func]
    assert queued.kwargs["recipients"] == ["member@example.org"]
    assert "/accounts/password/reset/key/" in queued.kwargs["body"]


def test_an_unverified_address_must_be_confirmed_before_logging_in(client, home_page):
    """Logging in with an unverified address sends a link; after it, login works."""
    user = factories.make_user("new@example.org")
    EmailAddress.objects.filter(user=user).update(verified=False)

    response = log_in(client, "new@example.org", follow=True)

    assert not is_logged_in(client)
    assert "Confirm your e-mail address" in response.content.decode()
    [message] = mail.outbox
    confirm_link = link_in(message)
    confirm_page = client.get(confirm_link)
    action = parse(confirm_page).find("main").find("form")["action"]
    client.post(action)
    assert EmailAddress.objects.get(user=user).verified
    assert log_in(Client(), "new@example.org").status_code == 302


def test_failed_logins_are_limited_with_a_clear_message(client, member):
    """After five failures for one address even the right password waits."""
    for _attempt in range(5):
        log_in(client, "member@example.org", password="wrong password")

    response = log_in(client, "member@example.org")

    assert response.status_code == 200
    assert not is_logged_in(client)
    summary = parse(response).find(class_="error-summary").get_text(" ", strip=True)
    assert "Too many failed login attempts" in summary


@override_settings(ACCOUNT_RATE_LIMITS={"reset_password": "2/m/ip"})
def test_too_many_reset_requests_get_the_themed_429_page(client, member):
    """allauth's 429 is the site's page with a sentence, not a bare error."""
    for _attempt in range(2):
        client.post("/accounts/password/reset/", {"email": "member@example.org"})

    response = client.post("/accounts/password/reset/", {"email": "member@example.org"})

    assert response.status_code == 429
    html = parse(response)
    assert html.find(class_="site-header")
    assert "Too many attempts" in html.find("h1").get_text()


REDIRECTS = factories.load_bad_inputs()["open_redirect_next"]


@pytest.mark.parametrize("item", REDIRECTS, ids=[item["id"] for item in REDIRECTS])
def test_next_never_leads_off_the_site(client, member, item):
    """Whatever ``next`` says, the member lands on this site after logging in."""
    response = log_in(client, "member@example.org", next=item["value"])

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.scheme in {"", "http", "https"}
    assert location.netloc in {"", "testserver"}
    assert not response["Location"].startswith(("//", "\\", "/\\"))
    if item["id"] == "next-ok-relative":
        assert response["Location"] == "/forum/"


def test_logout_needs_a_post_with_a_csrf_token(member):
    """A link or a forged form cannot log a member out; the real button can."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    page = client.get("/accounts/logout/")
    assert page.status_code == 200
    assert is_logged_in(client)
    form = parse(page).find("main").find("form")
    assert form["method"] == "post"

    forged = client.post("/accounts/logout/")
    assert forged.status_code == 403
    assert is_logged_in(client)

    token = form.find("input", {"name": "csrfmiddlewaretoken"})["value"]
    client.post("/accounts/logout/", {"csrfmiddlewaretoken": token})
    assert not is_logged_in(client)


def test_login_without_a_csrf_token_is_refused(member):
    """The login form is protected against cross-site posts too."""
    client = Client(enforce_csrf_checks=True)

    response = log_in(client, "member@example.org")

    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert not is_logged_in(client)


def test_password_change_page_uses_the_site_form_markup(client, member):
    """A logged-in member changes their password on a themed, labelled form."""
    client.force_login(member)

    html = parse(client.get("/accounts/password/change/"))

    for name in ("oldpassword", "password1", "password2"):
        field = html.find("input", {"name": name})
        assert html.find("label", {"for": field["id"]})
    new = "another long passphrase"
    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": factories.TEST_PASSWORD,
            "password1": new,
            "password2": new,
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new)


def test_other_allauth_pages_wear_the_theme_through_its_layout(client, member):
    """Pages not overridden one by one (e-mail management) still use base.html."""
    client.force_login(member)

    response = client.get("/accounts/email/")
    html = parse(response)

    assert response.status_code == 200
    assert html.find(class_="site-header")
    assert html.title.get_text().strip().endswith("Mediterranean Migration Network")
    field = html.find("input", {"name": "email"})
    assert html.find("label", {"for": field["id"]})


def test_account_pages_follow_the_browsers_language(client, home_page):
    """Outside the language prefix, the page speaks the visitor's language."""
    html = parse(client.get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="ar"))

    assert html.html["lang"] == "ar"
    assert html.html["dir"] == "rtl"
