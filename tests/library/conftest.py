"""Builders for the e-library's tests: a library page, resources, documents."""

import datetime
import itertools

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from mmn_plugins.core.models import Topic
from mmn_plugins.library.models import (
    LibraryPage,
    ResourceAuthor,
    ResourceFile,
    ResourcePage,
)
from tests import factories


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
_numbers = itertools.count(1)


def make_document(title="Report", filename="report.pdf", content=PDF_BYTES):
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name=filename)
    )


def make_resource(library, title=None, files=(), authors=(), topics=(), **fields):
    """A published resource under ``library``.

    ``files`` holds ``(language, document_or_url)`` pairs or dicts of
    ResourceFile fields; ``authors`` holds ``(given, family)`` pairs.
    """
    number = next(_numbers)
    fields.setdefault("summary", f"Summary of resource {number}.")
    fields.setdefault("resource_type", "report")
    fields.setdefault("publication_date", datetime.date(2024, 5, 1))
    resource = ResourcePage(title=title or f"Resource {number}", **fields)
    for order, spec in enumerate(files):
        if isinstance(spec, tuple):
            language, target = spec
            spec = {"language": language}
            if isinstance(target, str):
                spec["external_url"] = target
            else:
                spec["document"] = target
        resource.files.add(ResourceFile(sort_order=order, **spec))
    for order, (given, family) in enumerate(authors):
        resource.authors.add(
            ResourceAuthor(sort_order=order, given_names=given, family_name=family)
        )
    library.add_child(instance=resource)
    if topics:
        resource.topics.set(topics)
    resource.save_revision().publish()
    resource.refresh_from_db()
    return resource


@pytest.fixture
def library(home_page):
    """A published library page at /en/library/."""
    return factories.add_page(home_page, LibraryPage(title="E-library", slug="library"))


@pytest.fixture
def topics(locales):
    return {
        slug: Topic.objects.create(slug=slug, name=name, locale=locales["en"])
        for slug, name in [
            ("education", "Education"),
            ("labour", "Labour migration"),
            ("health", "Health"),
        ]
    }


@pytest.fixture
def make(library):
    def build(**kwargs):
        return make_resource(library, **kwargs)

    return build


__all__ = ["ResourcePage", "make_document", "make_resource"]
