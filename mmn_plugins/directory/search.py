"""What the directory gives the site-wide search: organisations and people.

Registered under core's ``SEARCH_SOURCES`` in :mod:`.wagtail_hooks`. Only
organisations the public directory lists are found, once per language of the
site that has a directory page (with that language's description). A person
is found only by what they show to everyone: their name, and their position,
words about themselves and topics when those are public too.
"""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from mmn_plugins.core.registry import Audience, SearchDocument, SearchSource
from mmn_plugins.core.sanitise import render_markdown

from .models import Organisation, OrganisationType, Person, Role, Visibility
from .pages import DirectoryPage


def organisation_source():
    return SearchSource(
        kind="organisation",
        label=_("Organisations"),
        models=(Organisation,),
        documents=organisation_documents,
        all_instances=lambda: Organisation.objects.listed().prefetch_related(
            "descriptions", "topics"
        ),
        facet_label=organisation_facet_label,
        order=20,
    )


def person_source():
    return SearchSource(
        kind="person",
        label=_("People"),
        models=(Person,),
        documents=person_documents,
        all_instances=lambda: Person.objects.filter(
            name_visibility=Visibility.PUBLIC
        ).prefetch_related("topics"),
        order=25,
    )


def _directory_pages():
    """The live directory page of each language, by language code."""
    pages = {}
    for page in DirectoryPage.objects.live().public().select_related("locale"):
        pages.setdefault(page.locale.language_code, page)
    return pages


def organisation_documents(organisation):
    if not organisation.is_listed:
        return []
    descriptions = {d.language: d.text for d in organisation.descriptions.all()}
    fallback = next(iter(descriptions.values()), "")
    topics = [topic.slug for topic in organisation.topics.all()]
    countries = [str(organisation.head_office_country)]
    countries += [str(country) for country in organisation.countries]
    type_slug = organisation.organisation_type.slug
    documents = []
    for language, page in _directory_pages().items():
        description = descriptions.get(language, fallback)
        body = [
            organisation.short_name,
            _plain(description),
            organisation.city,
            organisation.looking_for_partners,
        ]
        documents.append(
            SearchDocument(
                kind="organisation",
                key=f"{organisation.pk}:{language}",
                language=language,
                title=organisation.name,
                body=" ".join(text for text in body if text),
                url=page.organisation_url(organisation),
                facets={
                    "type": [type_slug],
                    "topic": topics,
                    "country": list(dict.fromkeys(countries)),
                    "language": [language],
                },
                date=organisation.created_at,
            )
        )
    return documents


def person_documents(person):
    """The person's public fields, linked to the organisation they work for."""
    if person.name_visibility != Visibility.PUBLIC:
        return []
    role = (
        Role.objects.current()
        .filter(person=person, organisation__is_published=True)
        .filter(organisation__status="active")
        .select_related("organisation")
        .first()
    )
    if role is None:  # No public page shows the person.
        return []
    body = []
    if person.job_title_visibility == Visibility.PUBLIC:
        body.append(person.job_title)
    body.append(role.organisation.name)
    if person.bio_visibility == Visibility.PUBLIC:
        body.append(_plain(person.bio))
    topics = []
    if person.topics_visibility == Visibility.PUBLIC:
        topics = [topic.slug for topic in person.topics.all()]
    return [
        SearchDocument(
            kind="person",
            key=f"{person.pk}:{language}",
            language=language,
            title=person.name,
            body=" ".join(text for text in body if text),
            url=page.organisation_url(role.organisation),
            audience=Audience.PUBLIC,
            facets={"topic": topics, "language": [language]},
        )
        for language, page in _directory_pages().items()
    ]


def organisation_facet_label(facet, code):
    if facet != "type":
        return code
    from django.utils import translation

    language = translation.get_language()
    types = list(OrganisationType.objects.filter(slug=code).select_related("locale"))
    chosen = next((t for t in types if t.locale.language_code == language), None)
    chosen = chosen or next(iter(types), None)
    return chosen.name if chosen else code


def _plain(markdown_text):
    return " ".join(strip_tags(render_markdown(markdown_text or "")).split())
