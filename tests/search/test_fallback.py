"""When the primary engine fails, the database answers and says so, once logged.

The primary here is the Elasticsearch backend pointed at a port where nothing
listens: a real connection failure, not a mock.
"""

import logging

import pytest

from mmn_plugins.search import backends


pytestmark = pytest.mark.django_db

UNREACHABLE = {"URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1, "INDEX_PREFIX": "t"}


@pytest.fixture
def failing_primary(settings):
    settings.MMN_SEARCH_ELASTICSEARCH = UNREACHABLE
    settings.MMN_SEARCH_RETRY_SECONDS = 0


def test_the_page_answers_from_the_database(client, network, failing_primary):
    response = client.get("/en/search/", {"q": "lighthouse"})

    assert response.status_code == 200
    assert response.context["results"].is_incomplete
    assert response.context["results"].total >= 6
    assert b"may be incomplete" in response.content


def test_the_failure_is_logged_once_per_incident(
    client, network, failing_primary, caplog
):
    with caplog.at_level(logging.WARNING, logger="mmn_plugins.search.backends"):
        for _ in range(3):
            client.get("/en/search/", {"q": "lighthouse"})

    warnings = [r for r in caplog.records if r.name == "mmn_plugins.search.backends"]
    assert len(warnings) == 1
    assert "failed" in warnings[0].getMessage()


def test_the_incident_ends_when_the_primary_answers(
    network, failing_primary, caplog, monkeypatch
):
    from mmn_plugins.search.backends.base import SearchRequest
    from mmn_plugins.search.text import normalise_query

    request = SearchRequest(query=normalise_query("lighthouse"))
    backends.search(request)

    class Answering:
        name = "recovered"

        def search(self, request):
            return backends.database_backend().search(request)

    monkeypatch.setattr(backends, "primary_backend", Answering)
    with caplog.at_level(logging.INFO, logger="mmn_plugins.search.backends"):
        results = backends.search(request)

    assert not results.is_incomplete
    assert "answers again" in caplog.text


def test_saving_works_when_the_primary_is_down(
    home_page, failing_primary, caplog, django_capture_on_commit_callbacks
):
    from mmn_plugins.search.models import SearchEntry
    from tests import factories

    with django_capture_on_commit_callbacks(execute=True):
        index = factories.make_news_index(home_page)
        news = factories.make_news_page(index, "Harbour opens")

    assert news.live
    assert SearchEntry.objects.filter(kind="news", title="Harbour opens").exists()
    assert "search engine could not be updated" in caplog.text
