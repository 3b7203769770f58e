"""Each profile field at each visibility, for each kind of viewer."""

import pytest
from bs4 import BeautifulSoup

from mmn_plugins.directory.models import Language, Role, Visibility
from tests import factories
from tests.directory.conftest import make_organisation, make_person


pytestmark = pytest.mark.django_db

# Field, the value the person gives it, how the page shows it.
FIELDS = [
    ("name", "Selma Quillfeather", "Selma Quillfeather"),
    ("job_title", "Chief lighthouse keeper", "Chief lighthouse keeper"),
    ("bio", "I restore **old boats**.", "old boats"),
    ("email", "selma.private@example.org", "selma.private@example.org"),
    ("phone", "+00 123 456 789", "+00 123 456 789"),
    ("languages", ["mt"], "Maltese"),
]

# Viewer, and the widest visibility they may see.
VIEWERS = {
    "anonymous": Visibility.PUBLIC,
    "member": Visibility.MEMBERS,
    "staff": Visibility.HIDDEN,
    "self": Visibility.HIDDEN,
}
RANK = {Visibility.PUBLIC: 0, Visibility.MEMBERS: 1, Visibility.HIDDEN: 2}


@pytest.fixture
def organisation(types):
    return make_organisation(types["ngo"], name="Visible org", slug="visible-org")


def log_in(client, viewer, person, member, editor):
    if viewer == "member":
        client.force_login(member)
    elif viewer == "staff":
        client.force_login(editor)
    elif viewer == "self":
        client.force_login(person.user)


@pytest.mark.parametrize("field, value, shown", FIELDS, ids=[f[0] for f in FIELDS])
@pytest.mark.parametrize("visibility", list(Visibility), ids=lambda v: v.value)
@pytest.mark.parametrize("viewer", list(VIEWERS))
def test_field_reaches_only_its_audience(
    client, directory_page, organisation, member, editor, field, value, shown,
    visibility, viewer,
):  # fmt: skip
    """A field shows on the organisation's profile exactly to the viewers its
    visibility allows: everyone, members (and staff, and the person), or only
    staff and the person; otherwise it is absent from the page's HTML."""
    person = make_person("selma@example.org", organisation, kind=Role.Kind.STAFF)
    person.name = "Selma Quillfeather"
    # Keep the name public unless it is the field under test, so the person
    # is listed and the other field can be looked for.
    setattr(person, f"{field}_visibility", visibility)
    if field == "languages":
        person.save()
        person.languages.set(Language.objects.filter(code__in=value))
    else:
        setattr(person, field, value)
        person.save()
    log_in(client, viewer, person, member, editor)

    response = client.get("/en/members/visible-org/")

    assert response.status_code == 200
    should_show = RANK[visibility] <= RANK[VIEWERS[viewer]]
    people = BeautifulSoup(response.content, "html.parser").select(".person-card")
    text = " ".join(card.get_text(" ", strip=True) for card in people)
    assert (shown in text) is should_show
    if not should_show:
        assert shown not in response.content.decode()


def test_a_person_whose_name_is_hidden_is_not_listed(
    client, directory_page, organisation
):
    """Without a visible name, a person is left out entirely for that viewer."""
    person = make_person(
        "ghost@example.org", organisation, name="Ghost Writer",
        name_visibility=Visibility.MEMBERS, job_title="Shown?",
        job_title_visibility=Visibility.PUBLIC,
    )  # fmt: skip

    response = client.get("/en/members/visible-org/")

    assert person.name not in response.content.decode()
    assert "Shown?" not in response.content.decode()


def test_signed_in_visitor_outside_the_network_sees_public_fields_only(
    client, directory_page, organisation
):
    """An account that is neither in the members group nor in an organisation
    counts as the public."""
    make_person(
        "open@example.org", organisation, name="Open Person",
        email="members-only@example.org", email_visibility=Visibility.MEMBERS,
    )  # fmt: skip
    client.force_login(factories.make_user("outsider@example.org"))

    content = client.get("/en/members/visible-org/").content.decode()

    assert "Open Person" in content
    assert "members-only@example.org" not in content


def test_ended_roles_are_not_shown(client, directory_page, organisation):
    """Someone whose role has ended no longer appears on the profile."""
    import datetime

    person = make_person("gone@example.org", name="Long Gone")
    Role.objects.create(
        person=person, organisation=organisation,
        starts_on=datetime.date(2019, 1, 1), ends_on=datetime.date(2020, 1, 1),
    )  # fmt: skip

    assert "Long Gone" not in client.get("/en/members/visible-org/").content.decode()
