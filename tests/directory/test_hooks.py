"""What the directory offers other plugins through core: who is a member,
and how a person is shown beside what they wrote."""

import datetime
import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from mmn_plugins.core.membership import is_member
from mmn_plugins.core.registry import person_summaries
from mmn_plugins.directory.models import MembershipStatus, Role, Visibility
from mmn_plugins.directory.visibility import is_network_member
from tests import factories
from tests.directory.conftest import make_organisation, make_person


pytestmark = pytest.mark.django_db


def fresh(user):
    """The account again, without the membership answer kept on it."""
    return type(user).objects.get(pk=user.pk)


def test_a_current_role_in_an_active_organisation_makes_a_member(types):
    """Core's rule counts the people of member organisations, not yet
    published ones included, and the directory agrees with it."""
    active = make_organisation(types["ngo"])
    waiting = make_organisation(types["ngo"], is_published=False)
    former = make_organisation(types["ngo"], status=MembershipStatus.FORMER)
    staff = make_person("staff@example.org", active)
    focal_point = make_person("focal@example.org", waiting, Role.Kind.FOCAL_POINT)
    of_former = make_person("former@example.org", former)
    ended = make_person("ended@example.org", active)
    ended.roles.update(ends_on=datetime.date(2021, 1, 1))
    stranger = factories.make_user("stranger@example.org")

    answers = {
        person: is_member(fresh(person.user))
        for person in [staff, focal_point, of_former, ended]
    }

    assert answers == {staff: True, focal_point: True, of_former: False, ended: False}
    assert is_member(stranger) is False
    for user in [staff.user, of_former.user, ended.user, stranger]:
        assert is_network_member(fresh(user)) == is_member(fresh(user))


def test_the_members_group_counts_for_both(member):
    assert is_member(member) is True
    assert is_network_member(fresh(member)) is True


def _photo():
    content = io.BytesIO()
    PillowImage.new("RGB", (40, 40), (20, 120, 200)).save(content, "PNG")
    return get_image_model().objects.create(
        title="Photo", file=ImageFile(content, name="photo.png")
    )


def test_summaries_show_only_what_the_public_may_see(directory_page, types):
    organisation = make_organisation(types["ngo"], name="Harbour Aid")
    public = make_person(
        "public@example.org",
        organisation,
        name="Amal Public",
        photo=_photo(),
        photo_visibility=Visibility.PUBLIC,
    )
    private_photo = make_person(
        "photo@example.org",
        organisation,
        name="Basma Photo",
        photo=_photo(),
        photo_visibility=Visibility.MEMBERS,
    )
    hidden = make_person(
        "hidden@example.org",
        organisation,
        name="Chara Hidden",
        name_visibility=Visibility.MEMBERS,
    )
    outsider = factories.make_user("outsider@example.org", first_name="Dora")

    summaries = person_summaries(
        [public.user, private_photo.user, hidden.user, outsider]
    )

    assert summaries[public.user.pk].name == "Amal Public"
    assert summaries[public.user.pk].photo_url.startswith("/")
    assert summaries[public.user.pk].organisation_name == "Harbour Aid"
    assert summaries[public.user.pk].organisation_url == (
        f"/en/members/{organisation.slug}/"
    )
    assert summaries[private_photo.user.pk].photo_url == ""
    assert summaries[hidden.user.pk].name != "Chara Hidden"
    assert "Chara" not in repr(summaries[hidden.user.pk])
    assert summaries[hidden.user.pk].organisation_name == ""
    # No directory profile: core's own fallback answers.
    assert summaries[outsider.pk].name == "Dora"


def test_summaries_cost_the_same_queries_for_any_number_of_people(
    directory_page, types, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    organisation = make_organisation(types["ngo"])
    people = [
        make_person(
            f"person{number}@example.org",
            organisation,
            photo=_photo(),
            photo_visibility=Visibility.PUBLIC,
        )
        for number in range(8)
    ]
    users = [person.user for person in people]
    person_summaries(users)  # The photos' renditions are made once.

    with CaptureQueriesContext(connection) as for_two:
        person_summaries(users[:2])
    with django_assert_max_num_queries(len(for_two)):
        summaries = person_summaries(users)

    assert len(summaries) == 8
    assert len(for_two) <= 5
