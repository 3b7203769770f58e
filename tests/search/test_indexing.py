"""The index follows publishing, saving and deleting, and never blocks them."""

import logging

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from mmn_plugins.search import indexing
from mmn_plugins.search.models import SearchEntry, SearchFacet
from tests import factories


pytestmark = pytest.mark.django_db


def entries(kind):
    return set(SearchEntry.objects.filter(kind=kind).values_list("title", flat=True))


def test_publishing_and_unpublishing_a_page(
    home_page, django_capture_on_commit_callbacks
):
    index = factories.make_news_index(home_page)
    with django_capture_on_commit_callbacks(execute=True):
        news = factories.make_news_page(index, "Harbour opens", publish=False)
    assert entries("news") == set()

    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    assert entries("news") == {"Harbour opens"}

    news.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()
    assert entries("news") == set()


def test_deleting_a_page_removes_it(home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        index = factories.make_news_index(home_page)
        news = factories.make_news_page(index, "Harbour opens")
    assert entries("news") == {"Harbour opens"}

    with django_capture_on_commit_callbacks(execute=True):
        news.delete()
    assert entries("news") == set()


def test_pages_behind_a_password_are_not_indexed(home_page):
    index = factories.make_news_index(home_page)
    factories.make_news_page(index, "Secret harbour")
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    indexing.rebuild()

    assert entries("news") == set()


def test_saving_a_directory_record_reindexes_it(
    directory_page, django_capture_on_commit_callbacks
):
    from .conftest import make_organisation

    with django_capture_on_commit_callbacks(execute=True):
        organisation = make_organisation("Harbour Union", "Dockers together.")
    assert entries("organisation") == {"Harbour Union"}

    with django_capture_on_commit_callbacks(execute=True):
        organisation.is_published = False
        organisation.save()
    assert entries("organisation") == set()

    with django_capture_on_commit_callbacks(execute=True):
        organisation.delete()
    assert not SearchEntry.objects.filter(source_ref__startswith="mmn_directory")


def test_facets_are_stored_with_the_entry(network, topic):
    resource = SearchEntry.objects.get(kind="resource", title="Lighthouse report")

    assert set(
        SearchFacet.objects.filter(entry=resource).values_list("name", "code")
    ) == {
        ("type", "report"),
        ("topic", "health"),
        ("country", "GR"),
        ("language", "en"),
    }


def test_publishing_never_fails_when_indexing_does(
    home_page, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    """The search index breaking (here: its writer raising) loses no page."""

    def broken(*args, **kwargs):
        raise RuntimeError("the index is down")

    monkeypatch.setattr(indexing, "write_documents", broken)
    index = factories.make_news_index(home_page)
    with (
        caplog.at_level(logging.ERROR),
        django_capture_on_commit_callbacks(execute=True),
    ):
        news = factories.make_news_page(index, "Harbour opens")

    assert news.live
    assert "Could not index" in caplog.text


def test_rebuild_command_shows_progress_and_a_count(network, capsys):
    SearchEntry.objects.all().delete()

    call_command("rebuild_search_index")
    output = capsys.readouterr().out

    written = SearchEntry.objects.count()
    assert written > 6
    assert f"Indexed {written} documents" in output
    assert "resource" in output and "[" in output and "]" in output


def test_the_demo_builder_indexes_the_demo(network):
    from mmn_plugins.search.wagtail_hooks import build_search_index

    SearchEntry.objects.all().delete()
    lines = []
    demo = type("Demo", (), {"log": lambda self, message: lines.append(message)})()

    build_search_index(demo)

    assert SearchEntry.objects.filter(kind="resource").exists()
    assert lines and "indexed" in lines[0]
