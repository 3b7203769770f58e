"""Names of kinds and facet values, in the reader's language.

Topics, countries and languages are named here for every source at once (one
query for all topics); the values of the "type" facet belong to the sources,
which name them through :attr:`SearchSource.facet_label`.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .indexing import all_sources
from .pages import KIND_LABELS


logger = logging.getLogger(__name__)

FACET_LABELS = {
    "type": _("Type"),
    "topic": _("Topic"),
    "country": _("Country"),
    "language": _("Language"),
}


def kind_labels():
    """Every kind of result, in display order, with its name."""
    labels = {}
    for source in all_sources():
        if source.kind == "page":
            continue
        labels[source.kind] = source.label
    labels.update(KIND_LABELS)
    return labels


def facet_value_labels(facet_counts, type_kinds=None):
    """``{(facet, code): label}`` for the codes in ``facet_counts``.

    ``type_kinds`` maps a "type" code to its kind, so that only that kind's
    source is asked to name it; otherwise every source is asked in turn.
    """
    labels = {}
    for code in facet_counts.get("language", {}):
        labels[("language", code)] = _language_name(code)
    for code in facet_counts.get("country", {}):
        labels[("country", code)] = _country_name(code)
    labels.update(_topic_names(facet_counts.get("topic", {})))
    sources = all_sources()
    by_kind = {source.kind: source for source in sources}
    page_source = by_kind.get("page")
    for code in facet_counts.get("type", {}):
        kind = (type_kinds or {}).get(code)
        source = by_kind.get(kind) or (page_source if kind in KIND_LABELS else None)
        labels[("type", code)] = _type_label([source] if source else sources, code)
    return labels


def _language_name(code):
    names = dict(settings.LANGUAGES)
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return names.get(code, code)


def _country_name(code):
    try:
        from django_countries import countries
    except ImportError:
        return code
    return countries.name(code) or code


def _topic_names(codes):
    if not codes or not apps.is_installed("mmn_plugins.core"):
        return {}
    from mmn_plugins.core.models import Topic

    language = translation.get_language() or settings.LANGUAGE_CODE
    names = {}
    topics = Topic.objects.filter(slug__in=list(codes)).values_list(
        "slug", "name", "locale__language_code"
    )
    for slug, name, topic_language in topics:
        # The reader's language wins; otherwise whichever comes first.
        if ("topic", slug) not in names or topic_language == language:
            names[("topic", slug)] = name
    return names


def _type_label(sources, code):
    for source in sources:
        try:
            label = source.facet_label("type", code)
        except Exception:  # A source that does not know the code.
            logger.debug("Source %s cannot name type %r.", source.kind, code)
            continue
        if label and str(label) != code:
            return label
    return code
