"""People edit their profile; focal points edit their organisation and invite
colleagues, who accept the invitation by choosing a password."""

import base64
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mmn_plugins.directory.models import Person, Role, Visibility
from tests.directory.conftest import make_organisation, make_person


pytestmark = pytest.mark.django_db

PROFILE_URL = "/en/members/profile/"


def profile_data(**changes):
    data = {"name": "Amal Haddad", "job_title": "Coordinator", "bio": "", "email": "",
            "phone": ""}  # fmt: skip
    for field in Person.PROFILE_FIELDS:
        data[f"{field}_visibility"] = Visibility.PUBLIC
    data.update(changes)
    return data


def png_bytes(size=(20, 20), mode="RGB"):
    output = io.BytesIO()
    Image.new(mode, size, "teal").save(output, format="PNG")
    return output.getvalue()


@pytest.fixture
def focal_point(types):
    organisation = make_organisation(
        types["ngo"], name="Cedar Roots", slug="cedar-roots"
    )
    return make_person("focal@example.org", organisation, kind=Role.Kind.FOCAL_POINT)


def test_profile_needs_login(client, directory_page):
    """Anonymous visitors are sent to the login page."""
    response = client.get(PROFILE_URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_person_edits_profile_and_visibility(client, directory_page, focal_point):
    """A person saves their fields and who sees each; extra fields are ignored."""
    client.force_login(focal_point.user)
    response = client.post(
        PROFILE_URL,
        profile_data(bio="Hello", bio_visibility="hidden", user=999, is_staff="1"),
    )

    assert response.status_code == 302
    focal_point.refresh_from_db()
    assert focal_point.bio == "Hello"
    assert focal_point.bio_visibility == Visibility.HIDDEN
    assert focal_point.user.is_staff is False


def test_account_without_profile_gets_one(client, directory_page, member):
    """A member without a profile creates it by saving the form."""
    client.force_login(member)
    assert client.get(PROFILE_URL).status_code == 200
    client.post(PROFILE_URL, profile_data(name="New Member"))
    assert Person.objects.get(user=member).name == "New Member"


def test_photo_is_re_encoded(client, directory_page, focal_point):
    """A real picture is accepted and stored re-encoded, never as uploaded."""
    client.force_login(focal_point.user)
    upload = SimpleUploadedFile("me.png", png_bytes(), content_type="image/png")
    response = client.post(PROFILE_URL, {**profile_data(), "photo_upload": upload})

    assert response.status_code == 302
    focal_point.refresh_from_db()
    assert focal_point.photo is not None
    assert focal_point.photo.file.name.endswith(".jpg")


def upload_from(item):
    if "body_b64" in item:
        return base64.b64decode(item["body_b64"])
    if "body_text" in item:
        return item["body_text"].encode()
    recipe = item.get("gen") or {}
    if "png_with_text_chunk" in recipe:
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_text("comment", recipe["png_with_text_chunk"])
        output = io.BytesIO()
        Image.new("RGB", (8, 8)).save(output, format="PNG", pnginfo=info)
        return output.getvalue()
    if "png_declared_size" in recipe:
        width, height = recipe["png_declared_size"]
        data = png_bytes((1, 1))
        # Rewrite the IHDR chunk's size; Pillow reads it before decoding.
        return (
            data[:16] + width.to_bytes(4, "big") + height.to_bytes(4, "big") + data[24:]
        )
    return None


def test_bad_uploads_get_a_form_error(client, directory_page, focal_point, bad_inputs):
    """Every hostile upload of the shared corpus is refused with a form error
    (or, for a real picture with a text chunk, re-encoded without it)."""
    client.force_login(focal_point.user)
    for item in bad_inputs["upload_files"]:
        body = upload_from(item)
        if body is None:
            continue
        upload = SimpleUploadedFile(item["filename"], body, item["content_type"])
        response = client.post(PROFILE_URL, {**profile_data(), "photo_upload": upload})
        focal_point.refresh_from_db()
        if item["id"] == "up-png-text-chunk":
            assert response.status_code == 302, item["id"]
            assert b"RELSEC" not in focal_point.photo.file.read()
            focal_point.photo = None
            focal_point.save()
        else:
            assert response.status_code == 400, item["id"]
            assert focal_point.photo is None, item["id"]


def test_focal_point_edits_the_organisation(client, directory_page, focal_point):
    """The focal point changes the profile and its description in the page's
    language; status and publication stay with the editors."""
    organisation = focal_point.roles.get().organisation
    client.force_login(focal_point.user)
    response = client.post(
        "/en/members/cedar-roots/edit/",
        {"short_name": "CR", "city": "Oran", "description": "New text",
         "status": "former", "is_published": "", "slug": "hijack"},
    )  # fmt: skip

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.short_name, organisation.city) == ("CR", "Oran")
    assert organisation.status == "active" and organisation.is_published
    assert organisation.slug == "cedar-roots"
    assert organisation.descriptions.get(language="en").text == "New text"


@pytest.mark.parametrize("role", [Role.Kind.STAFF, Role.Kind.CONTACT])
def test_staff_and_contacts_cannot_edit_or_invite(client, directory_page, types, role):
    """Only focal points (and editors) edit an organisation or invite people."""
    organisation = make_organisation(types["ngo"], slug="guarded")
    person = make_person("staff@example.org", organisation, kind=role)
    client.force_login(person.user)
    assert client.get("/en/members/guarded/edit/").status_code == 403
    assert client.post("/en/members/guarded/invite/", {}).status_code == 403


def test_focal_point_cannot_edit_another_organisation(
    client, directory_page, focal_point, types
):
    """A focal point's rights stop at their own organisation."""
    make_organisation(types["ngo"], slug="someone-else")
    client.force_login(focal_point.user)
    assert client.get("/en/members/someone-else/edit/").status_code == 403


def test_invitation_journey(client, directory_page, focal_point):
    """The focal point invites a colleague, who sets a password through the
    e-mailed link (once), is logged in and lands on their profile."""
    client.force_login(focal_point.user)
    response = client.post(
        "/en/members/cedar-roots/invite/",
        {"name": "Omar Tahiri", "email": "omar@example.org", "job_title": "Officer",
         "kind": "staff", "language": "en"},
    )  # fmt: skip
    assert response.status_code == 302
    invitation = mail.outbox[-1]
    assert invitation.to == ["omar@example.org"]
    link = re.search(r"http://\S+/invitation/\S+/", invitation.body).group(0)
    path = link.split("localhost", 1)[-1]
    client.logout()

    response = client.post(
        path,
        {
            "new_password1": "a long pass phrase 42",
            "new_password2": "a long pass phrase 42",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    user = get_user_model().objects.get(email="omar@example.org")
    assert user.check_password("a long pass phrase 42")
    assert Role.objects.get(person__user=user).kind == Role.Kind.STAFF
    assert client.get(PROFILE_URL).status_code == 200
    client.logout()
    assert client.get(path).status_code == 400  # The link works once.


def test_inviting_an_existing_account_adds_the_role(
    client, directory_page, focal_point, member
):
    """Someone who can already log in gets the role and a notice, no new account."""
    client.force_login(focal_point.user)
    client.post(
        "/en/members/cedar-roots/invite/",
        {"name": "Member", "email": member.email, "kind": "contact", "language": "en"},
    )
    assert get_user_model().objects.filter(email=member.email).count() == 1
    assert Role.objects.filter(person__user=member, kind="contact").exists()
    assert "/invitation/" not in mail.outbox[-1].body


def test_invalid_invitation_link(client, directory_page):
    """A forged link gets a clear page, not an error."""
    response = client.get("/en/members/invitation/MTIz/forged-token/")
    assert response.status_code == 400
    assert "does not work" in response.content.decode()
