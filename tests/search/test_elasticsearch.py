"""The Elasticsearch backend's queries and mappings, and a real cluster if any.

No Elasticsearch server can run on this project's machines: the unit tests
check what would be sent, and the integration tests at the end run only when
``ELASTICSEARCH_URL`` names a cluster.
"""

import json
import os
import uuid

import pytest

from mmn_plugins.core.registry import Audience, SearchDocument
from mmn_plugins.search.backends.base import SearchRequest, Viewer
from mmn_plugins.search.backends.elasticsearch import (
    ElasticsearchBackend,
    index_settings,
    results_from_response,
)
from mmn_plugins.search.text import normalise_query


OPTIONS = {"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "unit"}


def built(query, **fields):
    request = SearchRequest(query=normalise_query(query), **fields)
    return ElasticsearchBackend(OPTIONS).build_search(request).to_dict()


def test_words_are_matched_in_every_language_field_never_as_syntax():
    body = built('title:secret AND "x*"', language="fr")
    text = json.dumps(body)
    match = body["query"]["bool"]["must"][0]["multi_match"]

    assert match["query"] == "title secret and x"
    assert match["operator"] == "and"
    assert set(match["fields"]) == {"title^3", "body", "title.fr^3", "body.fr"}
    assert "query_string" not in text and "regexp" not in text
    assert "wildcard" not in text and "fuzzy" not in text


def test_the_readers_language_is_favoured():
    body = built("port", language="el")

    assert body["query"]["bool"]["should"] == [
        {"term": {"language": {"value": "el", "boost": 1.5}}}
    ]


def test_visitors_see_public_documents_only():
    [audience] = built("port")["query"]["bool"]["filter"]

    assert audience["bool"]["should"] == [{"terms": {"audience": ["public"]}}]


def test_members_and_groups_see_theirs():
    viewer = Viewer(is_member=True, group_ids=(4, 9))
    [audience] = built("port", viewer=viewer)["query"]["bool"]["filter"]

    assert audience["bool"]["should"] == [
        {"terms": {"audience": ["public", "members"]}},
        {
            "bool": {
                "filter": [
                    {"term": {"audience": "groups"}},
                    {"terms": {"group_ids": [4, 9]}},
                ]
            }
        },
    ]


def test_staff_with_every_right_are_not_filtered():
    body = built("port", viewer=Viewer(is_member=True, sees_everything=True))

    assert "filter" not in body["query"]["bool"]


def test_facets_and_kinds_are_aggregations_and_the_kind_a_post_filter():
    body = built("port", kind="resource", facets={"topic": ["health"]}, page=3)

    assert body["post_filter"] == {"term": {"kind": "resource"}}
    assert {"terms": {"facets.topic": ["health"]}} in body["query"]["bool"]["filter"]
    assert body["aggs"]["kinds"] == {"terms": {"field": "kind", "size": 50}}
    narrowed = body["aggs"]["narrowed"]
    assert narrowed["filter"] == {"term": {"kind": "resource"}}
    assert narrowed["aggs"]["country"] == {
        "terms": {"field": "facets.country", "size": 30}
    }
    assert body["collapse"] == {"field": "source_ref"}
    assert (body["from"], body["size"]) == (40, 20)


def test_the_mapping_analyses_text_in_each_language():
    mapping = index_settings()
    title = mapping["mappings"]["properties"]["title"]

    assert title["analyzer"] == "mmn_folded"
    assert {name: field["analyzer"] for name, field in title["fields"].items()} == {
        "en": "english",
        "fr": "french",
        "el": "greek",
        "it": "italian",
        "es": "spanish",
        "ar": "arabic",
    }
    folded = mapping["settings"]["analysis"]["analyzer"]["mmn_folded"]
    assert "asciifolding" in folded["filter"]
    assert mapping["mappings"]["dynamic"] == "strict"


def test_one_index_per_kind():
    backend = ElasticsearchBackend(OPTIONS)
    document = SearchDocument(
        kind="resource", key="7", language="fr", title="Port", body="", url="/fr/r/",
        audience=Audience.GROUPS, group_ids=(3,), facets={"topic": ["health"]},
    )  # fmt: skip

    action = backend.action("page:7", document)

    assert action["_index"] == "unit_search_resource"
    assert action["_id"] == "resource:7"
    assert action["_source"]["group_ids"] == [3]
    assert action["_source"]["facets"]["topic"] == ["health"]


def test_an_answer_becomes_results():
    answer = {
        "hits": {"hits": [{"_source": {
            "kind": "resource", "key": "7", "title": "Port", "body": "Le port",
            "url": "/fr/r/", "language": "fr", "date": "2026-01-02T03:04:05+00:00",
        }}]},
        "aggregations": {
            "kinds": {"buckets": [{"key": "resource", "doc_count": 3}]},
            "narrowed": {
                "records": {"value": 2},
                "topic": {"buckets": [{"key": "health", "doc_count": 2}]},
                "type": {"buckets": []},
            },
        },
    }  # fmt: skip

    results = results_from_response(answer)

    assert results.total == 2
    assert results.kind_counts == {"resource": 3}
    assert results.facet_counts == {"topic": {"health": 2}}
    assert results.hits[0].date.year == 2026


ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
needs_a_cluster = pytest.mark.skipif(
    not ELASTICSEARCH_URL,
    reason=(
        "ELASTICSEARCH_URL is not set: no Elasticsearch server can run on this "
        "project's machines. Set it to a test cluster to run these tests."
    ),
)


@pytest.fixture
def cluster(settings):
    options = {
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": f"test{uuid.uuid4().hex[:8]}",
    }
    settings.MMN_SEARCH_ELASTICSEARCH = options
    backend = ElasticsearchBackend(options)
    yield backend
    backend.reset()


@needs_a_cluster
@pytest.mark.django_db
def test_a_cluster_finds_what_each_viewer_may_see(cluster, fake_source, client, member):
    from mmn_plugins.search.indexing import rebuild

    rebuild()
    cluster.client.indices.refresh(index=cluster.all_indexes)

    anonymous = client.get("/en/search/", {"q": "harbour"})
    client.force_login(member)
    as_member = client.get("/en/search/", {"q": "harbour"})

    assert anonymous.context["results"].backend == "elasticsearch"
    assert not anonymous.context["results"].is_incomplete
    urls = [item["hit"].url for item in anonymous.context["hits"]]
    assert "/en/fake/public/" in urls and "/en/fake/members/" not in urls
    member_urls = [item["hit"].url for item in as_member.context["hits"]]
    assert "/en/fake/members/" in member_urls
    assert anonymous.context["results"].facet_counts["type"]["note"] == 2
