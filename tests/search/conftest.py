"""Builders for the search tests: a small site with one record of each kind.

The records are indexed with :func:`rebuild` (what ``load_demo`` and the
command do); tests of indexing on save use ``django_capture_on_commit_callbacks``
since the tasks are queued when the transaction commits.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail import hooks
from wagtail.models import Locale

from mmn_plugins.core.models import Topic
from mmn_plugins.core.registry import (
    SEARCH_SOURCES,
    Audience,
    SearchDocument,
    SearchSource,
)
from mmn_plugins.directory.models import (
    DirectoryPage,
    Organisation,
    OrganisationDescription,
    OrganisationType,
    Person,
    Role,
    Visibility,
)
from mmn_plugins.library.models import LibraryPage, ResourcePage
from mmn_plugins.search.indexing import rebuild
from pages.models import StandardPage
from tests import factories


@pytest.fixture
def topic(locales):
    return Topic.objects.create(
        name="Health", slug="health", locale=Locale.get_default()
    )


@pytest.fixture
def library(home_page):
    return factories.add_page(home_page, LibraryPage(title="E-library", slug="library"))


def make_resource(library, title, summary, access="public", topics=(), **fields):
    resource = ResourcePage(
        title=title,
        summary=summary,
        resource_type=fields.pop("resource_type", "report"),
        access=access,
        publication_date=datetime.date(2025, 3, 1),
        countries=fields.pop("countries", ["GR"]),
        **fields,
    )
    library.add_child(instance=resource)
    if topics:
        resource.topics.set(topics)
    resource.save_revision().publish()
    return resource


@pytest.fixture
def directory_page(home_page):
    return factories.add_page(home_page, DirectoryPage(title="Members", slug="members"))


def make_organisation(name, description, topic=None, country="TN", **fields):
    kind, _created = OrganisationType.objects.get_or_create(
        slug="ngo", locale=Locale.get_default(), defaults={"name": "NGO"}
    )
    organisation = Organisation.objects.create(
        name=name,
        slug=name.lower().replace(" ", "-"),
        organisation_type=kind,
        head_office_country=country,
        **fields,
    )
    if topic is not None:
        organisation.topics.set([topic])
        organisation.save()
    OrganisationDescription.objects.create(
        organisation=organisation, language="en", text=description
    )
    return organisation


def make_person(email, organisation, **fields):
    user = factories.make_user(email)
    person = Person.objects.create(user=user, **fields)
    Role.objects.create(
        person=person, organisation=organisation, starts_on=datetime.date(2020, 1, 1)
    )
    return person


@pytest.fixture
def network(home_page, library, directory_page, topic):
    """One record of each kind the site's own apps and plugins give.

    Every one mentions "lighthouse", so one query finds them all.
    """
    news_index = factories.make_news_index(home_page)
    event_index = factories.make_event_index(home_page)
    records = {
        "page": factories.add_page(
            home_page,
            StandardPage(
                title="About the lighthouse",
                slug="about",
                introduction="Who keeps the lighthouse.",
            ),
        ),
        "news": factories.make_news_page(
            news_index, "Lighthouse news", introduction="The lighthouse opens."
        ),
        "event": factories.make_event(
            event_index, "Lighthouse meeting", introduction="Meet at the lighthouse."
        ),
        "resource": make_resource(
            library,
            "Lighthouse report",
            "A report on lighthouse keepers and health.",
            topics=[topic],
        ),
        "members_resource": make_resource(
            library,
            "Confidential lighthouse memo",
            "For members: the lighthouse budget.",
            access="members",
        ),
        "draft": factories.make_news_page(
            news_index, "Unpublished lighthouse plan", publish=False
        ),
    }
    organisation = make_organisation(
        "Lighthouse Alliance", "An alliance of lighthouse keepers.", topic=topic
    )
    records["organisation"] = organisation
    records["person"] = make_person(
        "keeper@example.org",
        organisation,
        name="Ada Lighthouse",
        job_title="Lighthouse keeper",
        bio="Secret hobby: the phrase marmalade.",
        bio_visibility=Visibility.MEMBERS,
    )
    rebuild()
    return records


@pytest.fixture
def private_group(db):
    return Group.objects.create(name="Working group on health")


@pytest.fixture
def fake_source(private_group):
    """A source of our own: one public, one members-only and one group document.

    Stands in for the debates and forum plugins, whose sources are tested in
    their own folders; this one proves any source's documents are searched
    with its audience respected.
    """
    documents = [
        SearchDocument(
            kind="fake",
            key="public",
            language="en",
            title="Public harbour notes",
            body="Everyone may read about the harbour.",
            url="/en/fake/public/",
            facets={"type": ["note"], "topic": ["health"]},
        ),
        SearchDocument(
            kind="fake",
            key="members",
            language="en",
            title="Members harbour notes",
            body="Only members read about this harbour.",
            url="/en/fake/members/",
            audience=Audience.MEMBERS,
            facets={"type": ["note"]},
        ),
        SearchDocument(
            kind="fake",
            key="group",
            language="en",
            title="Group harbour notes",
            body="The working group's private harbour thread.",
            url="/en/fake/group/",
            audience=Audience.GROUPS,
            group_ids=(private_group.pk,),
            facets={"type": ["thread"]},
        ),
        SearchDocument(
            kind="fake",
            key="french",
            language="fr",
            title="Notes sur le port (harbour)",
            body="Le port et ses phares: harbour.",
            url="/fr/fake/port/",
            facets={"type": ["note"]},
        ),
    ]
    records = {document.key: document for document in documents}

    class FakeRecord:
        """Stands for one record of the fake source."""

        def __init__(self, key):
            self.pk = key
            self.key = key

    FakeRecord._meta = type("Meta", (), {"label_lower": "tests.fakerecord"})()

    def provide():
        return SearchSource(
            kind="fake",
            label="Fake notes",
            models=(FakeRecord,),
            documents=lambda record: [records[record.key]],
            all_instances=lambda: [FakeRecord(key) for key in records],
            facet_label=lambda facet, code: {"note": "Note", "thread": "Thread"}.get(
                code, code
            ),
        )

    with hooks.register_temporarily(SEARCH_SOURCES, provide):
        rebuild()
        yield records


def result_urls(response):
    return [item["hit"].url for item in response.context["hits"]]


def result_kinds(response):
    return {item["hit"].kind for item in response.context["hits"]}
