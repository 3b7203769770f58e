"""Elasticsearch 8: an index per kind, language analysers, facets by aggregation.

Each kind of result has its own index (``<prefix>_search_<kind>``), with the
same mapping: the title and text analysed once folded (any language) and once
by each language analyser of the site's languages, so the reader's language
is stemmed properly. Facets are ``terms`` aggregations; one result per record
comes from ``collapse`` on the record's name. Queries are built with
``elasticsearch.dsl`` from the normalised words only: no query-string syntax
reaches the cluster.

No Elasticsearch server can run on this project's machines; the unit tests
check the generated queries and mappings, and the integration tests run
against a real cluster when ``ELASTICSEARCH_URL`` is set.
"""

import logging

from django.utils.dateparse import parse_datetime
from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import A, Q, Search

from mmn_plugins.core.registry import Audience

from .. import settings as search_settings
from .base import Hit, SearchResults


logger = logging.getLogger(__name__)

# Elasticsearch's own analyser for each language of the site.
LANGUAGE_ANALYSERS = {
    "en": "english",
    "fr": "french",
    "el": "greek",
    "it": "italian",
    "es": "spanish",
    "ar": "arabic",
}
FACETS = ("type", "topic", "country", "language")


def index_settings():
    """Settings and mapping of every kind's index."""
    analysed = {
        "type": "text",
        "analyzer": "mmn_folded",
        "fields": {
            code: {"type": "text", "analyzer": analyser}
            for code, analyser in LANGUAGE_ANALYSERS.items()
        },
    }
    return {
        "settings": {
            "analysis": {
                "analyzer": {
                    "mmn_folded": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "char_filter": ["mmn_arabic_marks"],
                        "filter": ["lowercase", "asciifolding"],
                    }
                },
                "char_filter": {
                    # The same marks text.fold removes: short vowels, tatweel.
                    "mmn_arabic_marks": {
                        "type": "pattern_replace",
                        "pattern": "[\u0610-\u061a\u064b-\u065f\u0670\u0640]",
                        "replacement": "",
                    }
                },
            }
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "kind": {"type": "keyword"},
                "key": {"type": "keyword"},
                "source_ref": {"type": "keyword"},
                "language": {"type": "keyword"},
                "title": analysed,
                "body": analysed,
                "url": {"type": "keyword", "index": False},
                "audience": {"type": "keyword"},
                "group_ids": {"type": "integer"},
                "date": {"type": "date"},
                "facets": {
                    "properties": {name: {"type": "keyword"} for name in FACETS}
                },
            },
        },
    }


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, options):
        self.options = options
        self.prefix = options.get("INDEX_PREFIX", "mmn")
        self._client = None

    @property
    def client(self):
        if self._client is None:
            self._client = Elasticsearch(
                self.options["URLS"],
                request_timeout=self.options.get("TIMEOUT", 5),
                retry_on_timeout=False,
                max_retries=0,
            )
        return self._client

    def index_name(self, kind):
        return f"{self.prefix}_search_{kind}"

    @property
    def all_indexes(self):
        return f"{self.prefix}_search_*"

    # Searching -----------------------------------------------------------

    def build_search(self, request):
        """The :class:`Search` for ``request``, without a connection."""
        query = request.query
        language = request.language
        fields = ["title^3", "body"]
        if language in LANGUAGE_ANALYSERS:
            fields += [f"title.{language}^3", f"body.{language}"]
        words = Q(
            "multi_match",
            query=" ".join(query.terms),
            fields=fields,
            type="cross_fields",
            operator="and",
        )
        boost = float(search_settings.get("MMN_SEARCH_LANGUAGE_BOOST"))
        in_language = Q("term", language={"value": language, "boost": boost})
        filters = [] if request.viewer.sees_everything else [audience_filter(request)]
        facet_filters = [
            Q("terms", **{f"facets.{name}": list(codes)})
            for name, codes in request.facets.items()
            if codes
        ]
        search = Search(index=self.all_indexes).query(
            Q(
                "bool",
                must=[words],
                should=[in_language],
                filter=filters + facet_filters,
            )
        )
        kind_filter = Q("term", kind=request.kind) if request.kind else Q("match_all")
        if request.kind:
            search = search.post_filter(kind_filter)
        search.aggs.bucket("kinds", A("terms", field="kind", size=50))
        narrowed = search.aggs.bucket("narrowed", A("filter", filter=kind_filter))
        narrowed.bucket("records", A("cardinality", field="source_ref"))
        for name in FACETS:
            narrowed.bucket(name, A("terms", field=f"facets.{name}", size=30))
        start = (request.page - 1) * request.per_page
        search = search.extra(
            collapse={"field": "source_ref"}, track_total_hits=True
        ).source(["kind", "key", "title", "body", "url", "language", "date"])
        return search[start : start + request.per_page]

    def search(self, request):
        if not request.query:
            return SearchResults(backend=self.name)
        body = self.build_search(request).to_dict()
        response = self.client.search(
            index=self.all_indexes,
            body=body,
            ignore_unavailable=True,
            allow_no_indices=True,
        )
        return results_from_response(response.body, self.name)

    # Indexing ------------------------------------------------------------

    def replace(self, ref, documents):
        """Put ``documents`` in place of whatever the record ``ref`` had."""
        self.client.delete_by_query(
            index=self.all_indexes,
            query={"term": {"source_ref": ref}},
            ignore_unavailable=True,
            allow_no_indices=True,
            refresh=True,
        )
        if not documents:
            return
        for kind in {document.kind for document in documents}:
            self.ensure_index(kind)
        helpers.bulk(self.client, (self.action(ref, doc) for doc in documents))

    def action(self, ref, document):
        """The bulk action that indexes one document."""
        return {
            "_index": self.index_name(document.kind),
            "_id": f"{document.kind}:{document.key}",
            "_source": {
                "kind": document.kind,
                "key": str(document.key),
                "source_ref": ref,
                "language": document.language,
                "title": document.title,
                "body": document.body,
                "url": document.url,
                "audience": document.audience,
                "group_ids": [int(pk) for pk in document.group_ids],
                "date": document.date.isoformat() if document.date else None,
                "facets": {
                    name: list(document.facets.get(name, ())) for name in FACETS
                },
            },
        }

    def ensure_index(self, kind):
        name = self.index_name(kind)
        if not self.client.indices.exists(index=name):
            self.client.indices.create(index=name, **index_settings())

    def reset(self):
        self.client.indices.delete(
            index=self.all_indexes, ignore_unavailable=True, allow_no_indices=True
        )


def audience_filter(request):
    """Documents the viewer may see: public, members' if a member, their groups'."""
    viewer = request.viewer
    audiences = [Audience.PUBLIC] + ([Audience.MEMBERS] if viewer.is_member else [])
    allowed = [Q("terms", audience=audiences)]
    if viewer.group_ids:
        allowed.append(
            Q("bool", filter=[Q("term", audience=Audience.GROUPS),
                              Q("terms", group_ids=list(viewer.group_ids))])
        )  # fmt: skip
    return Q("bool", should=allowed, minimum_should_match=1)


def results_from_response(response, backend_name="elasticsearch"):
    """Turn Elasticsearch's answer (a dict) into :class:`SearchResults`."""
    hits = [
        Hit(
            kind=hit["_source"]["kind"],
            key=hit["_source"]["key"],
            title=hit["_source"]["title"],
            body=hit["_source"].get("body", ""),
            url=hit["_source"]["url"],
            language=hit["_source"]["language"],
            date=parse_datetime(hit["_source"].get("date") or ""),
        )
        for hit in response["hits"]["hits"]
    ]
    aggregations = response.get("aggregations", {})
    kinds = {
        bucket["key"]: bucket["doc_count"]
        for bucket in aggregations.get("kinds", {}).get("buckets", [])
    }
    narrowed = aggregations.get("narrowed", {})
    facet_counts = {
        name: {
            bucket["key"]: bucket["doc_count"]
            for bucket in narrowed.get(name, {}).get("buckets", [])
        }
        for name in FACETS
        if narrowed.get(name, {}).get("buckets")
    }
    total = narrowed.get("records", {}).get("value", len(hits))
    return SearchResults(
        hits=hits,
        total=total,
        kind_counts=kinds,
        facet_counts=facet_counts,
        backend=backend_name,
    )
