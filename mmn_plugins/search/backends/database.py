"""Search in the site's own database: SQLite FTS5 or PostgreSQL full text.

A word found in nearly every document is the hard case: ranking every match
costs time in proportion to the matches. Only the ``MMN_SEARCH_MAX_CANDIDATES``
newest matches a viewer may see are ranked, so one query costs the same
whether a word is rare or everywhere. Who may see a document is decided inside
the full-text query (FTS5 tokens on SQLite, indexed columns on PostgreSQL), so
documents a viewer may not see never crowd out those they may. Facets and
kinds are then counted by the database over those candidates.
"""

from dataclasses import replace

from django.db import connection
from django.db.models import Count

from mmn_plugins.core.registry import Audience

from .. import settings as search_settings
from ..indexing import kind_token
from ..models import SearchEntry, SearchFacet
from ..text import postgres_config
from .base import Hit, SearchResults


class DatabaseBackend:
    name = "database"

    def search(self, request):
        if not request.query:
            return SearchResults(backend=self.name)
        limit = search_settings.get("MMN_SEARCH_MAX_CANDIDATES")
        # The tabs count every kind; a chosen kind then gets candidates of its
        # own, so a kind with many documents (forum posts) never hides another.
        everything = replace(request, kind="")
        scored = self.ranked_candidates(everything, limit)
        ranked_ids = one_per_record(scored, request.language)
        kind_counts = dict(
            SearchEntry.objects.filter(pk__in=ranked_ids)
            .order_by()
            .values_list("kind")
            .annotate(count=Count("pk"))
        )
        if request.kind:
            scored = self.ranked_candidates(request, limit)
            ranked_ids = one_per_record(scored, request.language)
        candidates = SearchEntry.objects.filter(pk__in=ranked_ids)

        matching = candidates
        for name, codes in request.facets.items():
            if codes:
                matching = matching.filter(
                    pk__in=SearchFacet.objects.filter(name=name, code__in=codes).values(
                        "entry_id"
                    )
                )
        facet_counts, type_kinds = {}, {}
        rows = (
            SearchFacet.objects.filter(entry__in=matching.values("pk"))
            .order_by()
            .values_list("name", "code", "entry__kind")
            .annotate(count=Count("pk"))
        )
        for name, code, kind, count in rows:
            counts = facet_counts.setdefault(name, {})
            counts[code] = counts.get(code, 0) + count
            if name == "type":
                type_kinds.setdefault(code, kind)

        if matching is not candidates:
            kept = set(matching.values_list("pk", flat=True))
            ranked_ids = [pk for pk in ranked_ids if pk in kept]
        start = (request.page - 1) * request.per_page
        page_ids = ranked_ids[start : start + request.per_page]
        entries = SearchEntry.objects.only(
            "kind", "key", "title", "body", "url", "language", "date"
        ).in_bulk(page_ids)
        return SearchResults(
            hits=[_hit(entries[pk]) for pk in page_ids if pk in entries],
            total=len(ranked_ids),
            is_capped=len(scored) >= limit,
            kind_counts=kind_counts,
            facet_counts=facet_counts,
            type_kinds=type_kinds,
            backend=self.name,
        )

    def ranked_candidates(self, request, limit):
        """``(entry id, score)`` of the best candidates, best first."""
        if connection.vendor == "postgresql":
            return _postgres_candidates(request, limit)
        if connection.vendor == "sqlite":
            return _sqlite_candidates(request, limit)
        return _portable_candidates(request, limit)


def one_per_record(scored, language):
    """Entry ids best first, one per record: its version in ``language`` if any.

    An organisation gives one document per language of the site; a reader
    wants it once, in their own language when it has one.
    """
    chosen = {}
    order = []
    for pk, _score, ref, entry_language in scored:
        if ref not in chosen:
            chosen[ref] = (pk, entry_language)
            order.append(ref)
        elif entry_language == language and chosen[ref][1] != language:
            chosen[ref] = (pk, entry_language)
    return [chosen[ref][0] for ref in order]


def _hit(entry):
    return Hit(
        kind=entry.kind,
        key=entry.key,
        title=entry.title,
        body=entry.body,
        url=entry.url,
        language=entry.language,
        date=entry.date,
    )


def _boost(request):
    return float(search_settings.get("MMN_SEARCH_LANGUAGE_BOOST"))


# SQLite ------------------------------------------------------------------


def sqlite_match_expression(query, viewer, kind=""):
    """The FTS5 query: every word in the title or text, and a permitted audience.

    Words are quoted FTS5 strings of letters and digits only, so nothing a
    visitor types is FTS5 syntax.
    """
    words = " AND ".join(f'"{term}"' for term in query.terms)
    expression = f"{{folded_title folded_body}} : ({words})"
    if kind:
        expression += f' AND filter_tokens : "{kind_token(kind)}"'
    if viewer.sees_everything:
        return expression
    tokens = [f"aud{Audience.PUBLIC}"]
    if viewer.is_member:
        tokens.append(f"aud{Audience.MEMBERS}")
    tokens += [f"grp{pk}" for pk in viewer.group_ids]
    allowed = " OR ".join(f'"{token}"' for token in tokens)
    return f"{expression} AND filter_tokens : ({allowed})"


# The newest ``limit`` matches, found in the index's own order (cheap), give
# the lowest id worth ranking; only those are then ranked.
SQLITE_LOWEST_CANDIDATE = (
    "SELECT rowid FROM mmn_search_fts WHERE mmn_search_fts MATCH %s "
    "ORDER BY rowid DESC LIMIT 1 OFFSET %s"
)
SQLITE_RANKED_CANDIDATES = (
    "SELECT mmn_search_fts.rowid, -bm25(mmn_search_fts, 10.0, 1.0, 0.0) * "
    "CASE WHEN e.language = %s THEN %s ELSE 1.0 END AS score, "
    "e.source_ref, e.language "
    "FROM mmn_search_fts JOIN mmn_search_searchentry e "
    "ON e.id = mmn_search_fts.rowid "
    "WHERE mmn_search_fts MATCH %s AND mmn_search_fts.rowid >= %s "
    "ORDER BY score DESC, mmn_search_fts.rowid DESC LIMIT %s"
)


def _sqlite_candidates(request, limit):
    expression = sqlite_match_expression(request.query, request.viewer, request.kind)
    with connection.cursor() as cursor:
        cursor.execute(SQLITE_LOWEST_CANDIDATE, [expression, limit - 1])
        row = cursor.fetchone()
        lowest_id = row[0] if row else 0
        cursor.execute(
            SQLITE_RANKED_CANDIDATES,
            [request.language, _boost(request), expression, lowest_id, limit],
        )
        return cursor.fetchall()


# PostgreSQL --------------------------------------------------------------


def postgres_query_sql(query, language):
    """SQL and parameters of the ``tsquery``: each word stemmed or as written.

    Every word is parsed with ``plainto_tsquery``, which reads no operators,
    in the reader's language (its stem) or as written ("simple"), so a French
    word matches a French document read by an English reader too.
    """
    config = postgres_config(language)
    parts, params = [], []
    for term in query.terms:
        parts.append(
            "(plainto_tsquery(%s::regconfig, %s) || plainto_tsquery('simple', %s))"
        )
        params += [config, term, term]
    # Parenthesised: ``@@`` binds tighter than ``&&``.
    return "(" + " && ".join(parts) + ")", params


def _postgres_audience_sql(viewer):
    if viewer.sees_everything:
        return "TRUE", []
    audiences = [Audience.PUBLIC] + ([Audience.MEMBERS] if viewer.is_member else [])
    clauses = ["e.audience = ANY(%s)"]
    params = [audiences]
    for pk in viewer.group_ids:
        clauses.append("e.group_list LIKE %s")
        params.append(f"%,{pk},%")
    return "(" + " OR ".join(clauses) + ")", params


def _postgres_candidates(request, limit):
    """The candidates and their rank, in one statement.

    The ``tsquery`` is written out in the statement (not in a CTE) so that the
    planner estimates from the index's statistics how common each word is: a
    word in nearly every document is then read newest first along the primary
    key, stopping after ``limit`` rows, and a rare one through the GIN index.
    """
    tsquery, query_params = postgres_query_sql(request.query, request.language)
    audience, audience_params = _postgres_audience_sql(request.viewer)
    kind, kind_params = (
        ("e.kind = %s", [request.kind]) if request.kind else ("TRUE", [])
    )
    # The fragments hold placeholders only; every value is a parameter.
    sql = (
        f"SELECT c.id, ts_rank(c.search_vector, {tsquery}) * "  # noqa: S608
        "CASE WHEN c.language = %s THEN %s ELSE 1.0 END AS score, "
        "c.source_ref, c.language "
        "FROM ("
        "  SELECT e.id, e.search_vector, e.language, e.source_ref "
        "  FROM mmn_search_searchentry e "
        f"  WHERE e.search_vector @@ {tsquery} AND {audience} AND {kind} "
        "  ORDER BY e.id DESC LIMIT %s"
        ") c ORDER BY score DESC, c.id DESC"
    )
    params = [
        *query_params,
        request.language,
        _boost(request),
        *query_params,
        *audience_params,
        *kind_params,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# Any other database: no full-text index, words searched with LIKE. ---------


def _portable_candidates(request, limit):
    from django.db.models import Q

    entries = SearchEntry.objects.all()
    if request.kind:
        entries = entries.filter(kind=request.kind)
    for term in request.query.terms:
        entries = entries.filter(
            Q(folded_title__contains=term) | Q(folded_body__contains=term)
        )
    viewer = request.viewer
    if not viewer.sees_everything:
        allowed = Q(audience=Audience.PUBLIC)
        if viewer.is_member:
            allowed |= Q(audience=Audience.MEMBERS)
        for pk in viewer.group_ids:
            allowed |= Q(group_list__contains=f",{pk},")
        entries = entries.filter(allowed)
    rows = entries.order_by("-pk").values_list("pk", "source_ref", "language")
    return [(pk, 1.0, ref, language) for pk, ref, language in rows[:limit]]
