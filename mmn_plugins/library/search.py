"""What the e-library gives the site-wide search: one document per resource.

Registered under core's ``SEARCH_SOURCES`` in :mod:`.wagtail_hooks`; the
search plugin, when installed, indexes it. A members-only resource is found
by members only; a draft or a resource behind a password is not found at all.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from mmn_plugins.core.registry import Audience, SearchDocument, SearchSource

from .models import Access, ResourcePage, ResourceType


def resource_source():
    return SearchSource(
        kind="resource",
        label=_("Resources"),
        models=(ResourcePage,),
        documents=resource_documents,
        all_instances=_all_resources,
        facet_label=resource_facet_label,
        order=30,
    )


def resource_documents(resource):
    """The resource's document in its page's language, or nothing if hidden."""
    resource = resource.specific if hasattr(resource, "specific") else resource
    if not resource.live:
        return []
    restrictions = list(resource.get_view_restrictions())
    if any(r.restriction_type == PageViewRestriction.PASSWORD for r in restrictions):
        return []
    url = resource.get_url()
    if not url:
        return []
    audience = Audience.PUBLIC
    if restrictions or resource.access == Access.MEMBERS:
        audience = Audience.MEMBERS
    files = list(resource.files.all())
    authors = [author.display_name for author in resource.authors.all()]
    body = [resource.summary, resource.publisher, " ".join(authors)]
    body += [file.title for file in files] + [file.abstract for file in files]
    body += [tag.name for tag in resource.keywords.all()]
    languages = {file.language for file in files} or {resource.locale.language_code}
    return [
        SearchDocument(
            kind="resource",
            key=str(resource.pk),
            language=resource.locale.language_code,
            title=resource.title,
            body=" ".join(text for text in body if text),
            url=url,
            audience=audience,
            facets={
                "type": [resource.resource_type],
                "topic": [topic.slug for topic in resource.topics.all()],
                "country": [str(country) for country in resource.countries],
                "language": sorted(languages),
            },
            date=resource.first_published_at,
        )
    ]


def resource_facet_label(facet, code):
    if facet == "type":
        return dict(ResourceType.choices).get(code, code)
    if facet == "language":
        return dict(settings.LANGUAGES).get(code, code)
    return code


def _all_resources():
    return ResourcePage.objects.live().prefetch_related(
        "files", "authors", "topics", "tagged_keywords__tag"
    )
