"""Who is a member of the network, and what each viewer may see of a person.

Pages never read a person's fields directly: they ask
:meth:`Person.visible_profile` for a :class:`VisibleProfile`, which carries
only what the viewer may see. A members-only or hidden value therefore never
reaches an anonymous page's template context at all.
"""

from dataclasses import dataclass, field

from . import settings as directory_settings
from .models import Role, Visibility


RANK = {Visibility.PUBLIC: 0, Visibility.MEMBERS: 1, Visibility.HIDDEN: 2}


def is_network_member(user):
    """Whether ``user`` is a member of the network (or its staff).

    A member belongs to the members group or holds a current role in an
    organisation listed in the directory. The answer is kept on the user for
    the rest of the request.
    """
    if user is None or not user.is_authenticated:
        return False
    cached = getattr(user, "_mmn_is_network_member", None)
    if cached is not None:
        return cached

    group = directory_settings.get("MMN_DIRECTORY_MEMBER_GROUP")
    is_member = (
        is_directory_staff(user)
        or user.groups.filter(name=group).exists()
        or Role.objects.current()
        .filter(person__user=user, organisation__is_published=True)
        .filter(organisation__status="active")
        .exists()
    )
    user._mmn_is_network_member = is_member
    return is_member


def is_directory_staff(user):
    """Staff who manage people in the admin see every field."""
    return user.is_authenticated and user.has_perm("mmn_directory.change_person")


def audience_for(user):
    """The widest :class:`Visibility` ``user`` may see of other people."""
    if user is None or not user.is_authenticated:
        return Visibility.PUBLIC
    if is_directory_staff(user):
        return Visibility.HIDDEN
    if is_network_member(user):
        return Visibility.MEMBERS
    return Visibility.PUBLIC


@dataclass
class VisibleProfile:
    """The part of a person's profile one audience may see.

    Fields the audience may not see are simply absent (``None``, or an empty
    list for languages and topics); ``is_listed`` is false when even the name
    is not visible, and pages then leave the person out.
    """

    pk: int
    name: str | None = None
    photo: object = None
    job_title: str | None = None
    bio: str | None = None
    email: str | None = None
    phone: str | None = None
    languages: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    role: object = None

    @property
    def is_listed(self):
        return bool(self.name)

    @classmethod
    def of(cls, person, audience, viewer=None):
        """Build the profile ``audience`` sees; ``viewer`` sees all of themselves."""
        if viewer is not None and viewer.pk == person.user_id:
            audience = Visibility.HIDDEN
        values = {}
        for name in person.PROFILE_FIELDS:
            visibility = getattr(person, f"{name}_visibility")
            if RANK[visibility] > RANK[audience]:
                continue
            if name in {"languages", "topics"}:
                values[name] = list(getattr(person, name).all())
            else:
                values[name] = getattr(person, name) or None
        return cls(pk=person.pk, **values)
