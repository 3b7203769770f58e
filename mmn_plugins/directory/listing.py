"""The directory's list: filters from the URL, facet counts and live figures.

Each facet counts, for each value in use, the organisations matching every
*other* active filter, so a reader sees how many results each alternative
would give. Every count is one grouped query, whatever the number of
organisations: the page's query count does not grow with the directory.
Country and type share one query grouped by both when neither is chosen (and
for the figures), and each card's description comes with the page's own
query, so an uncached page stays within the site's budget of 12 queries.
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, When
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.images import get_image_model

from mmn_plugins.core.sanitise import strip_control_characters

from .models import (
    Language,
    Organisation,
    OrganisationDescription,
    OrganisationType,
    Topic,
)


LOGO_RENDITION = "max-160x96"
MAX_QUERY_LENGTH = 100
# The figures are renewed with the cache generation; this only bounds how long
# a change made without a signal (a bulk import) can go unseen.
FIGURES_CACHE_SECONDS = 600


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    is_selected: bool = False


@dataclass
class Facet:
    """One filter of the directory: its URL parameter and the values in use."""

    name: str
    label: str
    options: list = field(default_factory=list)
    selected: str = ""

    @property
    def selected_option(self):
        return next((option for option in self.options if option.is_selected), None)


class DirectoryFilters:
    """The filters a visitor chose, read from the query string.

    Unknown or malformed values are ignored rather than refused, so an old or
    hand-edited link still shows a directory.
    """

    FACETS = ["country", "type", "topic", "language"]

    def __init__(self, params):
        self.query = " ".join(
            strip_control_characters(params.get("q", ""))[:MAX_QUERY_LENGTH].split()
        )
        self.values = {
            name: strip_control_characters(params.get(name, "")).strip()[:80]
            for name in self.FACETS
        }

    @property
    def is_active(self):
        return bool(self.query or any(self.values.values()))

    def apply(self, queryset, skip=None):
        """Filter ``queryset`` by every chosen filter but ``skip``."""
        country = self.values["country"].upper()
        if country and skip != "country":
            queryset = queryset.filter(head_office_country=country)
        if self.values["type"] and skip != "type":
            queryset = queryset.filter(organisation_type__slug=self.values["type"])
        if self.values["topic"] and skip != "topic":
            queryset = queryset.filter(topics__slug=self.values["topic"])
        if self.values["language"] and skip != "language":
            queryset = queryset.filter(languages__code=self.values["language"])
        if self.query:
            queryset = queryset.filter(self._text_filter())
        return queryset

    def _text_filter(self):
        query = self.query
        in_descriptions = OrganisationDescription.objects.filter(
            text__icontains=query
        ).values("organisation_id")
        return (
            Q(name__icontains=query)
            | Q(short_name__icontains=query)
            | Q(city__icontains=query)
            | Q(looking_for_partners__icontains=query)
            | Q(pk__in=in_descriptions)
        )

    def as_query_string(self, **changes):
        """The query string of these filters with ``changes`` applied."""
        from django.http import QueryDict

        params = QueryDict(mutable=True)
        values = {"q": self.query, **self.values, **changes}
        for name, value in values.items():
            if value:
                params[name] = value
        return params.urlencode()


def translated_names(model, objects, language=None):
    """Map each object's pk to its name in ``language`` (one query at most).

    ``objects`` are records of a translatable ``model`` in the default locale;
    an object without a translation keeps its own name.
    """
    objects = list(objects)
    language = language or translation.get_language()
    if not objects or language == settings.LANGUAGE_CODE:
        return {obj.pk: obj.name for obj in objects}
    keys = {obj.translation_key for obj in objects}
    names = dict(
        model.objects.filter(
            translation_key__in=keys, locale__language_code=language
        ).values_list("translation_key", "name")
    )
    return {obj.pk: names.get(obj.translation_key, obj.name) for obj in objects}


class DirectoryListing:
    """Everything the directory page shows for one set of filters."""

    def __init__(self, params, page_size):
        self.filters = DirectoryFilters(params)
        self.page_size = page_size
        self.page_number = params.get("page", "1")

    @cached_property
    def base_queryset(self):
        return Organisation.objects.listed()

    @cached_property
    def facets(self):
        country_facet, type_facet = self._country_and_type_facets()
        return [
            country_facet,
            type_facet,
            self._topic_facet(),
            self._language_facet(),
        ]

    @cached_property
    def total(self):
        """The number of organisations matching every filter.

        Every organisation has exactly one type, so the type facet already
        holds this number: no count query of its own.
        """
        type_facet = self.facets[1]
        if self.filters.values["type"]:
            option = type_facet.selected_option
            return option.count if option else 0
        return sum(option.count for option in type_facet.options)

    @cached_property
    def page(self):
        queryset = (
            self.filters.apply(self.base_queryset)
            .select_related("organisation_type", "logo")
            .prefetch_related("topics", self._logo_renditions_prefetch())
            .annotate(**_card_description_annotations())
            .order_by("name", "pk")
        )
        paginator = KnownCountPaginator(queryset, self.page_size, count=self.total)
        page = paginator.get_page(self.page_number)
        self._name_types_and_topics(page.object_list)
        return page

    @cached_property
    def figures(self):
        """The network in figures, over every listed organisation."""
        if self.filters.is_active:
            rows = self._network_rows()
            by_country = self._country_options(rows)
            by_type = self._type_options(rows)
        else:
            by_country, by_type = self.facets[0].options, self.facets[1].options
        return NetworkFigures(
            organisations=sum(option.count for option in by_type),
            by_type=sorted(by_type, key=lambda option: -option.count),
            by_country=sorted(by_country, key=lambda option: -option.count),
        )

    def _network_rows(self):
        """Every listed organisation counted by country and type.

        Kept in the cache under core's generation, which saving or deleting
        an organisation (a snippet) renews, so a filtered page does not count
        the whole network again.
        """
        # Imported here: core's cache module needs the app registry ready,
        # and the directory's models import this module.
        from mmn_plugins.core.cache import generation_cache_key

        key = generation_cache_key("mmn-directory-figures")
        rows = cache.get(key)
        if rows is None:
            rows = self._country_type_rows(self.base_queryset)
            cache.set(key, rows, timeout=FIGURES_CACHE_SECONDS)
        return rows

    def _country_and_type_facets(self):
        """The country and type facets: one grouped query when neither filter
        is chosen (each then counts over the same organisations), else one each."""
        country = self.filters.values["country"].upper()
        kind = self.filters.values["type"]
        if not country and not kind:
            rows = self._country_type_rows(self.filters.apply(self.base_queryset))
            country_rows = type_rows = rows
        else:
            country_rows = self._country_type_rows(
                self.filters.apply(self.base_queryset, skip="country"), by_type=False
            )
            type_rows = self._country_type_rows(
                self.filters.apply(self.base_queryset, skip="type"), by_country=False
            )
        country_options = self._country_options(country_rows)
        for option in country_options:
            option.is_selected = option.value == country
        type_options = self._type_options(type_rows)
        for option in type_options:
            option.is_selected = option.value == kind
        return (
            Facet("country", _("Country"), country_options, country),
            Facet("type", _("Type"), type_options, kind),
        )

    TYPE_COLUMNS = [
        "organisation_type",
        "organisation_type__slug",
        "organisation_type__name",
        "organisation_type__translation_key",
        "organisation_type__sort_order",
    ]

    def _country_type_rows(self, queryset, by_country=True, by_type=True):
        """Counts grouped by country and/or type, as dicts."""
        columns = (["head_office_country"] if by_country else []) + (
            self.TYPE_COLUMNS if by_type else []
        )
        return list(queryset.order_by().values(*columns).annotate(count=Count("pk")))

    def _country_options(self, rows):
        counts = {}
        for row in rows:
            code = row["head_office_country"]
            counts[code] = counts.get(code, 0) + row["count"]
        options = [
            FacetOption(code, str(countries.name(code)) or code, count)
            for code, count in counts.items()
        ]
        return sorted(options, key=lambda option: option.label)

    def _type_options(self, rows):
        totals = {}
        for row in rows:
            key = tuple(row[column] for column in self.TYPE_COLUMNS)
            totals[key] = totals.get(key, 0) + row["count"]
        return _options_with_translated_names(
            OrganisationType, [(*key, count) for key, count in totals.items()]
        )

    def _topic_facet(self):
        queryset = self.filters.apply(self.base_queryset, skip="topic")
        rows = (
            Organisation.topics.through.objects.filter(
                organisation__in=queryset.values("pk")
            )
            .values_list(
                "topic", "topic__slug", "topic__name", "topic__translation_key"
            )
            .annotate(count=Count("organisation", distinct=True))
        )
        rows = [(pk, slug, name, key, 0, count) for pk, slug, name, key, count in rows]
        options = _options_with_translated_names(Topic, rows)
        selected = self.filters.values["topic"]
        for option in options:
            option.is_selected = option.value == selected
        options.sort(key=lambda option: option.label)
        return Facet("topic", _("Topic"), options, selected)

    def _language_facet(self):
        queryset = self.filters.apply(self.base_queryset, skip="language")
        through = Organisation.languages.through
        rows = (
            through.objects.filter(organisation__in=queryset.values("pk"))
            .values_list("language__code", "language__name")
            .annotate(count=Count("organisation", distinct=True))
        )
        selected = self.filters.values["language"]
        options = [
            FacetOption(code, Language(code=code, name=name).display_name, count)
            for code, name, count in rows
        ]
        for option in options:
            option.is_selected = option.value == selected
        options.sort(key=lambda option: option.label)
        return Facet("language", _("Language of work"), options, selected)

    def _logo_renditions_prefetch(self):
        """The cards' logo renditions in one query (the logos come joined)."""
        from django.db.models import Prefetch

        renditions = get_image_model().get_rendition_model().objects
        return Prefetch(
            "logo__renditions",
            queryset=renditions.filter(filter_spec=LOGO_RENDITION),
        )

    def _name_types_and_topics(self, organisations):
        """Give each organisation's type and topics their translated names."""
        type_names = {option.value: option.label for option in self.facets[1].options}
        topic_names = {option.value: option.label for option in self.facets[2].options}
        for organisation in organisations:
            kind = organisation.organisation_type
            kind.display_name = type_names.get(kind.slug, kind.name)
            for topic in organisation.topics.all():
                topic.display_name = topic_names.get(topic.slug, topic.name)


def _card_description_annotations():
    """Annotations giving each card its description in the active language
    (else the first one written) within the list's own query."""
    language = translation.get_language()
    first = OrganisationDescription.objects.filter(
        organisation=OuterRef("pk")
    ).order_by(
        Case(When(language=language, then=0), default=1, output_field=IntegerField()),
        "sort_order",
        "pk",
    )
    return {
        "card_description_text": Subquery(first.values("text")[:1]),
        "card_description_language": Subquery(first.values("language")[:1]),
    }


def _options_with_translated_names(model, rows):
    """Facet options from ``(pk, slug, name, translation_key, order, count)``
    rows, named in the active language, in the editors' order then by name."""
    records = [
        SimpleNamespace(pk=pk, slug=slug, name=name, translation_key=key, order=order)
        for pk, slug, name, key, order, _count in rows
    ]
    names = translated_names(model, records)
    counts = {row[0]: row[-1] for row in rows}
    records.sort(key=lambda record: (record.order, names[record.pk]))
    return [
        FacetOption(record.slug, names[record.pk], counts[record.pk])
        for record in records
    ]


@dataclass
class NetworkFigures:
    organisations: int
    by_type: list
    by_country: list

    @property
    def countries(self):
        return len(self.by_country)

    @property
    def member_countries(self):
        return {option.value: option for option in self.by_country}

    @property
    def largest_type_count(self):
        return max((option.count for option in self.by_type), default=0)


class KnownCountPaginator(Paginator):
    """A paginator told its count, which the facets have already computed."""

    def __init__(self, object_list, per_page, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count
