"""Who is a member of the network, and what each viewer may see of a person.

Pages never read a person's fields directly: they ask
:meth:`Person.visible_profile` for a :class:`VisibleProfile`, which carries
only what the viewer may see. A members-only or hidden value therefore never
reaches an anonymous page's template context at all.
"""

from dataclasses import dataclass, field

from .models import MembershipStatus, Role, Visibility


RANK = {Visibility.PUBLIC: 0, Visibility.MEMBERS: 1, Visibility.HIDDEN: 2}


def is_network_member(user):
    """Whether ``user`` is a member of the network (or its staff).

    Core's rule (:func:`mmn_plugins.core.membership.is_member`), which every
    plugin asks: staff, the members group, and whoever a ``MEMBER_CHECKS``
    hook vouches for, this plugin's :func:`holds_current_role` included. The
    directory's own staff (who may change people) count too.
    """
    from mmn_plugins.core.membership import is_member

    if user is None or not user.is_authenticated:
        return False
    return is_member(user) or is_directory_staff(user)


def holds_current_role(user):
    """The directory's ``MEMBER_CHECKS`` rule: a current role (focal point,
    contact or staff) in an active member organisation, published or not yet
    (an approved application's organisation may wait for an editor)."""
    if user is None or not user.is_authenticated:
        return False
    return (
        Role.objects.current()
        .filter(person__user=user, organisation__status=MembershipStatus.ACTIVE)
        .exists()
    )


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
