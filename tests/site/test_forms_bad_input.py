"""Every text field of a form page against the shared corpus of bad inputs.

For each item of the ``text_xss_html`` and ``unicode`` groups, sent in the
single-line and the multi-line text fields at once, and then in the e-mail
field: the answer is either refused with a form error (and nothing stored) or
stored exactly as sent (surrounding whitespace and control characters aside)
and shown escaped, on the form page and in the admin's submissions listing.
Never a 500, never live markup.
"""

import re
from urllib.parse import quote_from_bytes

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.contrib.forms.models import FormSubmission

from mmn_plugins.core.sanitise import strip_control_characters
from tests import factories
from tests.site.test_forms import make_contact_page, valid_answer


pytestmark = pytest.mark.django_db

CORPUS = factories.load_bad_inputs()
ITEMS = CORPUS["text_xss_html"] + CORPUS["unicode"]
TEXT_FIELDS = ["name", "message"]

LIVE_TAGS = {
    "script", "svg", "math", "iframe", "object", "embed", "style", "base",
    "meta", "img", "body", "noscript", "template",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|vbscript|data:text/html)", re.I)


def expand(recipe):
    """Build the value an item describes: a str, or raw bytes for ``bytes_hex``."""
    if isinstance(recipe, str):
        return recipe
    if "repeat" in recipe:
        return recipe["repeat"] * recipe["count"]
    if "bytes_hex" in recipe:
        return bytes.fromhex(recipe["bytes_hex"])
    parts = [expand(part) for part in recipe["concat"]]
    return "".join(parts)


def item_value(item):
    return item["value"] if "value" in item else expand(item["gen"])


def post_answer(client, page, answer):
    """Send the answer form-encoded; raw bytes go into the body unencoded."""
    body = "&".join(
        f"{name}={quote_from_bytes(value)}"
        if isinstance(value, bytes)
        else f"{name}={quote_from_bytes(value.encode('utf-8', 'surrogatepass'))}"
        for name, value in answer.items()
    )
    return client.post(page.url, body, content_type="application/x-www-form-urlencoded")


def live_markup(html, container="main"):
    """Describe every piece of live markup inside ``container``, if any."""
    document = BeautifulSoup(html, "html.parser")
    root = document.select_one(container) or document.body  # A bare 400 has no main.
    found = [f"<{tag.name}>" for tag in root.find_all(LIVE_TAGS)]
    if len(root.find_all("form")) > 1:
        found.append("a second <form>")
    for tag in root.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"{name}= on <{tag.name}>")
            if name.lower() in URL_ATTRIBUTES and DANGEROUS_SCHEME.match(str(value)):
                found.append(f"{name}={value!r} on <{tag.name}>")
    return found


def as_stored(value):
    """What the form keeps of a valid value: outer spaces, then controls, dropped."""
    return strip_control_characters(value.strip())


@pytest.fixture
def contact_page(home_page):
    return make_contact_page(home_page)


@pytest.mark.parametrize("item", ITEMS, ids=[item["id"] for item in ITEMS])
def test_text_fields_store_as_sent_or_refuse_clearly(client, contact_page, item):
    """Stored exactly and shown escaped, or refused with a form error; no 500."""
    value = item_value(item)
    answer = valid_answer(**dict.fromkeys(TEXT_FIELDS, value))

    response = post_answer(client, contact_page, answer)

    assert response.status_code in {200, 400}, response.status_code
    assert live_markup(response.content) == []
    submission = FormSubmission.objects.filter(page=contact_page).first()
    if submission is None:
        assert response.status_code == 400 or b"error-summary" in response.content
    else:
        assert isinstance(value, str), "undecodable bytes must not be stored"
        data = submission.get_data()
        assert [data[name] for name in TEXT_FIELDS] == [as_stored(value)] * 2


@pytest.mark.parametrize("item", ITEMS, ids=[item["id"] for item in ITEMS])
def test_the_email_field_refuses_what_is_not_an_address(client, contact_page, item):
    """None of the corpus is an e-mail address: each gets a form error."""
    answer = valid_answer(email=item_value(item))

    response = post_answer(client, contact_page, answer)

    assert response.status_code in {200, 400}
    assert live_markup(response.content) == []
    assert not FormSubmission.objects.exists()


@override_settings(MMN_SITE_FORM_RATE="1000/m")
def test_the_admin_lists_stored_answers_escaped(client, contact_page):
    """Every stored hostile answer appears as text in the submissions listing."""
    stored = []
    for item in CORPUS["text_xss_html"]:
        value = item_value(item)
        response = post_answer(
            client, contact_page, valid_answer(name=value[:255], message=value)
        )
        assert response.status_code == 200
        if FormSubmission.objects.filter(form_data__message=as_stored(value)):
            stored.append(as_stored(value))
    assert len(stored) >= 30  # Most of the group is plain text to keep.

    admin = factories.make_user("admin@example.org", is_superuser=True)
    admin.is_staff = True
    admin.save()
    client.force_login(admin)
    response = client.get(f"/admin/forms/submissions/{contact_page.pk}/")

    assert response.status_code == 200
    assert live_markup(response.content, container="table.listing") == []
    listing = BeautifulSoup(response.content, "html.parser").select_one("table.listing")
    listing = listing.get_text()
    assert "<script>alert('RELSEC')</script>" in listing
