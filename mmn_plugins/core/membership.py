"""Who counts as a member of the network.

Forum, debates, library and search ask this one function, so a site decides
the rule in one place: staff, the members group (``MMN_CORE_MEMBER_GROUP``),
and whoever a plugin's ``MEMBER_CHECKS`` hook vouches for (the directory
vouches for people with a current role in an active member organisation).
"""

from wagtail import hooks

from . import settings as core_settings
from .registry import MEMBER_CHECKS


def is_member(user):
    """Whether ``user`` may act as a member; kept on the user for the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    cached = getattr(user, "_mmn_core_is_member", None)
    if cached is not None:
        return cached

    group = core_settings.get("MMN_CORE_MEMBER_GROUP")
    answer = (
        user.is_superuser
        or user.is_staff
        or user.groups.filter(name=group).exists()
        or any(check(user) for check in hooks.get_hooks(MEMBER_CHECKS))
    )
    user._mmn_core_is_member = answer
    return answer
