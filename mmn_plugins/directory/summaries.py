"""How the directory shows a person beside what they wrote elsewhere.

Registered under core's ``PERSON_SUMMARIES`` hook: the forum and the debates
ask once per page for every author on it, so this answers in a fixed number
of queries (people with their photos, the photos' renditions, current roles
with their organisations, the directory page), whatever the number of users.

What is shown is what an anonymous visitor may see of the person, since
pages beside posts are public: the name, photo and organisation only when the
person made their name and photo public. A person who hides their name is
shown as a member of the network, never by their account's name.
"""

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from mmn_plugins.core.registry import PersonSummary

from .models import DirectoryPage, MembershipStatus, Person, Role, Visibility


PHOTO_RENDITION = "fill-96x96"


def person_summaries(user_ids):
    """Map each of ``user_ids`` that has a directory profile to its summary."""
    user_ids = list(user_ids)
    if not user_ids:
        return {}
    renditions = get_image_model().get_rendition_model().objects
    people = list(
        Person.objects.filter(user_id__in=user_ids)
        .select_related("photo")
        .prefetch_related(
            Prefetch(
                "photo__renditions",
                queryset=renditions.filter(filter_spec=PHOTO_RENDITION),
            )
        )
    )
    if not people:
        return {}
    organisations = _organisations_of(people)
    directory_url = _directory_url()
    return {
        person.user_id: _summary(person, organisations.get(person.pk), directory_url)
        for person in people
    }


def _organisations_of(people):
    """Each person's organisation to show: their current role in a listed
    organisation, focal points' first, then the oldest role."""
    roles = (
        Role.objects.current()
        .filter(
            person__in=people,
            organisation__is_published=True,
            organisation__status=MembershipStatus.ACTIVE,
        )
        .select_related("organisation")
        .order_by("person_id", "kind", "starts_on", "pk")
    )
    chosen = {}
    for role in roles:
        # Kinds sort as "contact", "focal_point", "staff": focal points win.
        current = chosen.get(role.person_id)
        if current is None or (
            role.kind == Role.Kind.FOCAL_POINT and current.kind != Role.Kind.FOCAL_POINT
        ):
            chosen[role.person_id] = role
    return {person_id: role.organisation for person_id, role in chosen.items()}


def _directory_url():
    """The live directory page's URL in the active language, else any one's."""
    language = translation.get_language()
    pages = DirectoryPage.objects.live().order_by("pk")
    page = pages.filter(locale__language_code=language).first() or pages.first()
    return page.get_url() if page is not None else ""


def _summary(person, organisation, directory_url):
    if person.name_visibility != Visibility.PUBLIC or not person.name:
        return PersonSummary(name=_("A member of the network"))
    photo_url = ""
    if person.photo is not None and person.photo_visibility == Visibility.PUBLIC:
        photo_url = person.photo.get_rendition(PHOTO_RENDITION).url
    organisation_name = organisation_url = ""
    if organisation is not None:
        organisation_name = organisation.name
        if directory_url:
            organisation_url = f"{directory_url}{organisation.slug}/"
    return PersonSummary(
        name=person.name,
        photo_url=photo_url,
        organisation_name=organisation_name,
        organisation_url=organisation_url,
    )
