"""The search page: one box for everything a visitor may see.

The query goes through :func:`.text.normalise_query` once; what the backend
answers is turned into what the template shows: results with highlighted
extracts, kinds to narrow to, facets with their counts, pages, and
suggestions when nothing matched.
"""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mmn_plugins.core.ratelimit import is_rate_limited

from . import settings as search_settings
from .backends import search as run_search
from .backends.base import SearchRequest, Viewer
from .facets import FACET_LABELS, facet_value_labels, kind_labels
from .text import InvalidQuery, highlight, normalise_query, strip_controls


logger = logging.getLogger(__name__)

TEMPLATE = "mmn_search/search.html"
MAX_PAGE = 1000


def search(request):
    """``GET ?q=...&kind=...&topic=...&page=...``: the results a reader may see."""
    if is_rate_limited(request, "search", search_settings.get("MMN_SEARCH_RATE")):
        return _render(request, {"error": _RATE_LIMITED}, status=429)
    try:
        query = normalise_query(request.GET.get("q", ""))
    except InvalidQuery:
        return _render(request, {"error": _TOO_LONG}, status=400)

    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    labels = kind_labels()
    kind = request.GET.get("kind", "")
    kind = kind if kind in labels else ""
    facets = _selected_facets(request)
    page = _page_number(request)
    per_page = search_settings.get("MMN_SEARCH_RESULTS_PER_PAGE")

    search_request = SearchRequest(
        query=query,
        viewer=Viewer.of(request.user),
        language=language,
        kind=kind,
        facets=facets,
        page=page,
        per_page=per_page,
    )
    results = run_search(search_request) if query else None
    context = {"query": query, "kind": kind, "results": results}
    if results is not None:
        context.update(_results_context(request, search_request, results, labels))
    return _render(request, context)


_TOO_LONG = _(
    "This search is too long to make sense of. Please search with a few words."
)
_RATE_LIMITED = _(
    "You have searched many times in a short while. Please wait a minute and "
    "search again."
)


def _render(request, context, status=200):
    context.setdefault("query", None)
    context.setdefault("raw_query", strip_controls(request.GET.get("q", ""))[:200])
    response = render(request, TEMPLATE, context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


def _selected_facets(request):
    """The facet codes asked for; control characters (NUL) can match nothing."""
    selected = {}
    for name in FACET_LABELS:
        codes = [strip_controls(code)[:120] for code in request.GET.getlist(name)]
        codes = [code for code in codes[:20] if code]
        if codes:
            selected[name] = codes
    return selected


def _page_number(request):
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        return 1
    return min(max(number, 1), MAX_PAGE)


def _results_context(request, search_request, results, labels):
    per_page = search_request.per_page
    page_count = max(1, -(-results.total // per_page))
    hits = [
        {
            "hit": hit,
            "kind_label": labels.get(hit.kind, hit.kind),
            "title": highlight(hit.title, search_request.query, len(hit.title) + 1),
            "snippet": highlight(hit.body or hit.title, search_request.query),
        }
        for hit in results.hits
    ]
    return {
        "hits": hits,
        "kinds": _kind_choices(request, results, labels, search_request.kind),
        "facet_groups": _facet_groups(results, search_request),
        "page": search_request.page,
        "page_count": page_count,
        "previous_url": _page_url(request, search_request.page - 1, page_count),
        "next_url": _page_url(request, search_request.page + 1, page_count),
        "suggestions": [] if results.total else _suggestions(request, search_request),
        "query_without_filters": urlencode({"q": search_request.query.text}),
    }


def _kind_choices(request, results, labels, selected):
    base = {"q": request.GET.get("q", "")}
    choices = [
        {
            "kind": "",
            "label": _("Everything"),
            "count": sum(results.kind_counts.values()),
            "url": "?" + urlencode(base),
            "is_selected": not selected,
        }
    ]
    for kind, label in labels.items():
        count = results.kind_counts.get(kind, 0)
        if count or kind == selected:
            choices.append(
                {
                    "kind": kind,
                    "label": label,
                    "count": count,
                    "url": "?" + urlencode({**base, "kind": kind}),
                    "is_selected": kind == selected,
                }
            )
    return choices


def _facet_groups(results, search_request):
    value_labels = facet_value_labels(results.facet_counts, results.type_kinds)
    groups = []
    for name, label in FACET_LABELS.items():
        counts = results.facet_counts.get(name, {})
        selected = set(search_request.facets.get(name, ()))
        values = [
            {
                "code": code,
                "label": value_labels.get((name, code), code),
                "count": count,
                "is_selected": code in selected,
            }
            for code, count in counts.items()
        ]
        values.sort(key=lambda value: (-value["count"], str(value["label"])))
        if values:
            groups.append({"name": name, "label": label, "values": values[:15]})
    return groups


def _page_url(request, number, page_count):
    if number < 1 or number > page_count:
        return ""
    parameters = request.GET.copy()
    parameters["page"] = number
    return "?" + parameters.urlencode()


def _suggestions(request, search_request):
    """What to try when nothing matched: without filters, or fewer words."""
    suggestions = []
    if search_request.kind or any(search_request.facets.values()):
        everywhere = SearchRequest(
            query=search_request.query,
            viewer=search_request.viewer,
            language=search_request.language,
            per_page=1,
        )
        total = run_search(everywhere).total
        if total:
            suggestions.append(
                {
                    "text": search_request.query.text,
                    "count": total,
                    "url": "?" + urlencode({"q": search_request.query.text}),
                    "is_without_filters": True,
                }
            )
    if len(search_request.query.terms) > 1:
        for term in search_request.query.terms[:5]:
            single = SearchRequest(
                query=normalise_query(term),
                viewer=search_request.viewer,
                language=search_request.language,
                per_page=1,
            )
            total = run_search(single).total
            if total:
                suggestions.append(
                    {"text": term, "count": total, "url": "?" + urlencode({"q": term})}
                )
    return suggestions
