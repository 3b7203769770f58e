"""Builders for the directory's tests: a directory page, types, organisations."""

import datetime
import itertools

import pytest
from wagtail.models import Locale

from mmn_plugins.core.models import Topic
from mmn_plugins.directory.models import (
    DirectoryPage,
    Language,
    Organisation,
    OrganisationDescription,
    OrganisationType,
    Person,
    Role,
)
from tests import factories


_numbers = itertools.count(1)


@pytest.fixture
def directory_page(home_page):
    """A published directory page at /en/members/."""
    return factories.add_page(home_page, DirectoryPage(title="Members", slug="members"))


@pytest.fixture
def types(locales):
    default = Locale.get_default()
    return {
        slug: OrganisationType.objects.create(name=name, slug=slug, locale=default)
        for slug, name in [
            ("ngo", "NGO, platform or network"),
            ("academia", "Academia"),
            ("public", "Public institution"),
        ]
    }


@pytest.fixture
def topics(locales):
    default = Locale.get_default()
    return {
        slug: Topic.objects.create(name=name, slug=slug, locale=default)
        for slug, name in [("health", "Health"), ("labour", "Labour migration")]
    }


def make_organisation(kind, country="FR", topics=(), languages=(), **fields):
    number = next(_numbers)
    fields.setdefault("name", f"Test organisation {number}")
    fields.setdefault("slug", f"test-organisation-{number}")
    organisation = Organisation.objects.create(
        organisation_type=kind, head_office_country=country, **fields
    )
    organisation.topics.set(topics)
    organisation.languages.set(Language.objects.filter(code__in=languages))
    organisation.save()  # Parental many-to-many relations are saved with it.
    return organisation


def describe(organisation, text, language="en"):
    return OrganisationDescription.objects.create(
        organisation=organisation, language=language, text=text
    )


def make_person(account_email, organisation=None, kind=Role.Kind.STAFF, **fields):
    """A person with an account, and a current role in ``organisation`` if given."""
    user = factories.make_user(account_email)
    fields.setdefault("name", account_email.split("@")[0].title())
    person = Person.objects.create(user=user, **fields)
    if organisation is not None:
        Role.objects.create(
            person=person,
            organisation=organisation,
            kind=kind,
            starts_on=datetime.date(2020, 1, 1),
        )
    return person
