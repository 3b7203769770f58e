"""Debates in the site-wide search contract, and a demo that runs twice."""

import io

import pytest
from wagtail import hooks

from mmn_plugins.core.registry import SEARCH_SOURCES, DemoContext, search_sources
from mmn_plugins.debates.demo import build_debates
from mmn_plugins.debates.models import (
    DebateComment,
    DebateIndexPage,
    DebateOutcome,
    DebatePage,
)
from mmn_plugins.debates.search import debate_documents

from .conftest import argue


pytestmark = pytest.mark.django_db


def test_debates_register_a_search_source():
    assert hooks.get_hooks(SEARCH_SOURCES)
    source = next(source for source in search_sources() if source.kind == "debate")
    assert DebatePage in source.models
    assert source.facet_label("type", "debate") == "Debate"


def test_a_debate_gives_one_public_document(debate, member):
    argue(debate, member, "Comments are never indexed.")

    [document] = debate_documents(debate)

    assert (document.kind, document.key, document.language) == (
        "debate",
        str(debate.pk),
        "en",
    )
    assert debate.question in document.body
    assert "never indexed" not in document.body
    assert document.url == debate.url
    assert document.facets["status"] == ["open"]


def test_unpublished_debate_gives_no_document(debate):
    debate.unpublish()

    assert debate_documents(DebatePage.objects.get(pk=debate.pk)) == []


def test_conclusion_is_searchable(debate, moderator):
    source = next(source for source in search_sources() if source.kind == "debate")
    outcome = DebateOutcome.objects.create(
        debate_key=debate.translation_key, conclusion="A searchable conclusion."
    )

    [document] = source.documents(outcome)

    assert "A searchable conclusion." in document.body
    assert document.facets["status"] == ["closed"]


def test_demo_builds_five_debates_and_runs_twice(
    home_page, member, moderator, french_home_page
):
    demo = DemoContext(
        password="demo-password-1",
        home_pages={"en": home_page, "fr": french_home_page},
        users={"member": member, "member2": member, "moderator": moderator},
        stdout=io.StringIO(),
    )

    build_debates(demo)
    counts = (
        DebatePage.objects.count(),
        DebateComment.objects.count(),
        DebateOutcome.objects.count(),
    )
    build_debates(demo)

    assert counts == (
        DebatePage.objects.count(),
        DebateComment.objects.count(),
        DebateOutcome.objects.count(),
    )
    assert DebatePage.objects.filter(locale__language_code="en").count() == 5
    assert counts[1] >= 24 and counts[2] == 2
    assert DebateIndexPage.objects.get(locale__language_code="fr").url == "/fr/debates/"
    languages = set(DebateComment.objects.values_list("language", flat=True))
    assert {"en", "fr", "ar", "el", "it", "es"} <= languages
    statuses = {
        page.status for page in DebatePage.objects.filter(locale__language_code="en")
    }
    assert statuses == {"open", "upcoming", "closed"}
