"""Accounts, profiles and invitations of the people of member organisations.

An invited person gets an account without a password and an e-mail with a
link to choose one (Django's password-reset tokens, so the link stops working
once used). A person who already has an account is given the new role and
told so, with no second account.
"""

import logging

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify

from mmn_plugins.core.notifications import send_templated_email

from . import settings as directory_settings
from .models import Person, Role


logger = logging.getLogger(__name__)


def find_account(email):
    User = get_user_model()
    return User.objects.filter(email__iexact=email).order_by("pk").first()


def get_or_create_account(email, name):
    """The account with ``email``, created without a password when missing.

    Returns ``(user, created)``.
    """
    user = find_account(email)
    if user is not None:
        return user, False

    User = get_user_model()
    fields = {"email": email}
    if User.USERNAME_FIELD != "email":
        fields[User.USERNAME_FIELD] = _free_username(User, email)
    first_name, _space, last_name = name.partition(" ")
    if hasattr(User, "first_name"):
        fields.update(first_name=first_name[:150], last_name=last_name[:150])
    user = User(**fields)
    user.set_unusable_password()
    user.save()
    _mark_email_verified(user, email)
    return user, True


def _free_username(User, email):
    base = slugify(email.split("@")[0])[:120] or "member"
    username, number = base, 1
    while User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
        number += 1
        username = f"{base}-{number}"
    return username


def _mark_email_verified(user, email):
    # The invitation reached this address, which proves it; sites running
    # django-allauth with mandatory verification would otherwise refuse the
    # first login.
    if apps.is_installed("allauth.account"):
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )


def join_member_group(user):
    group = Group.objects.filter(name=directory_settings.member_group_name()).first()
    if group is not None:
        user.groups.add(group)


def get_or_create_person(user, name, **fields):
    person = Person.objects.filter(user=user).first()
    if person is None:
        person = Person.objects.create(user=user, name=name, email=user.email, **fields)
    return person


def invitation_path(directory_page, user):
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return directory_page.reverse_subpage("accept_invitation", args=[uidb64, token])


def invitation_url(directory_page, user, request=None):
    return directory_page.get_full_url(request) + invitation_path(directory_page, user)


def add_person_to_organisation(
    *,
    email,
    name,
    organisation,
    kind,
    language,
    directory_page,
    inviter=None,
    job_title="",
    request=None,
    send=True,
):
    """Give ``email`` a role in ``organisation``, inviting them if they are new.

    Returns ``(person, role, link)`` where ``link`` is the invitation link for
    a new account (``None`` when the person could already log in). With
    ``send`` the person gets the e-mail at once, in ``language``.
    """
    user, _created = get_or_create_account(email, name)
    join_member_group(user)
    person = get_or_create_person(user, name, job_title=job_title)
    role, _role_created = Role.objects.get_or_create(
        person=person,
        organisation=organisation,
        kind=kind,
        ends_on=None,
    )

    link = None
    if not user.has_usable_password():
        link = invitation_url(directory_page, user, request)
    if send:
        send_templated_email(
            "mmn_directory/email/invitation" if link else "mmn_directory/email/added",
            {
                "person": person,
                "organisation": organisation,
                "role": role,
                "inviter": inviter,
                "link": link or directory_page.get_full_url(request),
            },
            [email],
            language,
        )
    logger.info(
        "Gave %s the role %s in organisation %s.", user.pk, kind, organisation.pk
    )
    return person, role, link
