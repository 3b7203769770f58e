"""Organisation profiles, working groups and the home page slot."""

import pytest
from bs4 import BeautifulSoup
from wagtail import hooks

from mmn_plugins.core.registry import ORGANISATION_SLOTS, Slot
from mmn_plugins.directory.models import WorkingGroup, WorkingGroupDescription
from tests.directory.conftest import describe, make_organisation


pytestmark = pytest.mark.django_db


def test_profile_shows_public_fields_and_escapes_member_text(
    client, directory_page, types, topics
):
    """The profile shows the organisation's public details; its description is
    Markdown rendered through the sanitiser, so markup never goes live."""
    organisation = make_organisation(
        types["ngo"], "MT", name="Harbour Lantern", slug="harbour-lantern",
        city="Valletta", website="https://harbour.example.org/",
        topics=[topics["health"]], languages=["mt", "en"],
        looking_for_partners="Partners for *summer schools*",
    )  # fmt: skip
    describe(organisation, "We **welcome**. <script>alert('RELSEC')</script>")

    response = client.get("/en/members/harbour-lantern/")
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert soup.select_one("h1").get_text(" ", strip=True) == "Harbour Lantern"
    description = soup.select_one(".organisation__description")
    assert description["dir"] == "auto"
    assert description.select_one("strong").text == "welcome"
    assert not soup.select("main script")
    facts = soup.select_one(".organisation__facts").get_text(" ", strip=True)
    assert "Health" in facts and "Maltese" in facts
    assert soup.select_one(".organisation__partners em").text == "summer schools"


def test_description_follows_the_language(
    client, directory_page, types, french_home_page
):
    """A reader gets the description in their language when there is one."""
    from tests import factories

    factories.translate_page(directory_page, "fr", title="Membres")
    organisation = make_organisation(types["ngo"], slug="bilingual")
    describe(organisation, "In English.", "en")
    describe(organisation, "En français.", "fr")

    assert "En français." in client.get("/fr/members/bilingual/").content.decode()
    assert "In English." in client.get("/en/members/bilingual/").content.decode()


def test_unpublished_profile_is_not_found(client, directory_page, types, editor):
    """An unpublished organisation's profile is a 404, except for editors."""
    make_organisation(types["ngo"], slug="hidden-org", is_published=False)

    assert client.get("/en/members/hidden-org/").status_code == 404
    client.force_login(editor)
    assert client.get("/en/members/hidden-org/").status_code == 200


def test_slots_from_other_plugins_appear(client, directory_page, types):
    """A block registered under ORGANISATION_SLOTS shows on the profile."""
    organisation = make_organisation(types["ngo"], slug="slotted")

    def library_slot(request, organisation=None, **context):
        return Slot(
            title="Resources by this member",
            template="mmn_core/slots.html",
            context={"slots": []},
        )

    with hooks.register_temporarily(ORGANISATION_SLOTS, library_slot):
        content = client.get(f"/en/members/{organisation.slug}/").content.decode()

    assert "Resources by this member" in content


def test_working_groups_list_and_page(client, directory_page, types):
    """Working groups have an index and a page listing member organisations."""
    coordinator = make_organisation(types["ngo"], name="Coordinator", slug="coord")
    member = make_organisation(types["academia"], name="Member lab", slug="lab")
    group = WorkingGroup.objects.create(
        name="Labour market inclusion",
        slug="labour",
        coordinating_organisation=coordinator,
    )
    group.member_organisations.set([coordinator, member])
    group.save()
    WorkingGroupDescription.objects.create(
        working_group=group, language="en", text="Jobs."
    )

    index = client.get("/en/members/working-groups/")
    page = client.get("/en/members/working-groups/labour/")
    profile = client.get("/en/members/lab/")

    assert "Labour market inclusion" in index.content.decode()
    members = BeautifulSoup(page.content, "html.parser").select("#members-title + ul a")
    assert [link.text for link in members] == ["Coordinator", "Member lab"]
    assert "Labour market inclusion" in profile.content.decode()


def test_home_page_shows_newest_members(client, directory_page, types):
    """The home page's slot lists the newest listed members, linked."""
    make_organisation(types["ngo"], name="Newest member", slug="newest")

    soup = BeautifulSoup(client.get("/en/").content, "html.parser")

    link = soup.find("a", string="Newest member")
    assert link is not None and link["href"] == "/en/members/newest/"
