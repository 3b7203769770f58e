"""Faceted browsing of a library: the filter form, the filtered list, the counts.

Everything lives in the query string (``?type=report&country=GR&q=asylum``),
so a filtered list is a plain link, works without JavaScript and can be cached.
Values within one facet are alternatives (type is a report *or* a study);
facets combine (a report *and* about Greece). Each facet's counts are taken
with every other facet applied but not its own, so a count says how many
resources the reader gets by choosing that value.

The number of SQL queries is fixed, whatever the number of resources: type,
year and access share one query grouped by the three (each facet then applies
the other two in Python, and the list's total comes from it too), and
country, topic and language take one each. Topics are named in the reader's
language (they are translatable snippets).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.core.paginator import Paginator
from django.core.validators import MaxLengthValidator
from django.db.models import (
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Cast, Coalesce, Substr
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from mmn_plugins.core.forms import CleanTextMixin
from mmn_plugins.core.models import Topic

from . import settings as library_settings
from .models import (
    Access,
    DownloadCount,
    ResourceAuthor,
    ResourceFile,
    ResourceKeyword,
    ResourcePage,
    ResourceType,
    language_choices,
)


class Sort:
    NEWEST = "newest"
    OLDEST = "oldest"
    TITLE = "title"
    DOWNLOADS = "downloads"

    CHOICES = [
        (NEWEST, _("Newest first")),
        (OLDEST, _("Oldest first")),
        (TITLE, _("Title")),
        (DOWNLOADS, _("Most downloaded")),
    ]


TOPIC_SLUG = re.compile(r"^[-\w]{1,120}$")
FACET_NAMES = ["type", "topic", "country", "language", "year", "access"]
# The facets on the resource's own single-valued columns, counted together in
# one query.
GRID_FACETS = ("type", "year", "access")


class SlugListField(forms.MultipleChoiceField):
    """Any number of slugs; unknown ones simply match nothing."""

    def valid_value(self, value):
        return bool(TOPIC_SLUG.match(value))


class YearListField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(coerce=int, **kwargs)

    def valid_value(self, value):
        return value.isascii() and value.isdigit() and 1000 <= int(value) <= 9999


class LibraryFilterForm(CleanTextMixin, forms.Form):
    """What a reader asks of the library, read from the query string."""

    q = forms.CharField(label=_("Search the library"), required=False)
    type = forms.MultipleChoiceField(
        label=_("Type of resource"), required=False, choices=ResourceType.choices
    )
    topic = SlugListField(label=_("Topic"), required=False)
    country = forms.MultipleChoiceField(
        label=_("Country covered"), required=False, choices=lambda: list(countries)
    )
    language = forms.MultipleChoiceField(
        label=_("Language available"), required=False, choices=language_choices
    )
    year = YearListField(label=_("Year of publication"), required=False)
    access = forms.MultipleChoiceField(
        label=_("Access"), required=False, choices=Access.choices
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=Sort.CHOICES)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        # Read when used, so a site can change the limit in its settings.
        self.fields["q"].max_length = library_settings.get(
            "MMN_LIBRARY_SEARCH_MAX_LENGTH"
        )
        self.fields["q"].validators.append(
            MaxLengthValidator(self.fields["q"].max_length)
        )


def search_terms(text):
    """The words of a text search, at most ten, without empty ones."""
    return [word for word in text.split() if word][:10]


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    is_selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list = field(default_factory=list)

    @property
    def selected(self):
        return [value for value in self.values if value.is_selected]


class LibraryBrowser:
    """Applies a valid :class:`LibraryFilterForm` to a library's resources."""

    def __init__(self, library, form):
        self.library = library
        self.form = form
        self.filters = form.cleaned_data if form.is_valid() else None

    # The list -------------------------------------------------------------

    def results(self):
        """The resources matching every filter, sorted as asked."""
        if self.filters is None:
            return ResourcePage.objects.none()
        resources = self._filtered(exclude=None)
        files = ResourceFile.objects.select_related("document")
        return self._sorted(resources).prefetch_related(
            Prefetch("files", queryset=files), "authors"
        )

    def paginator(self, per_page):
        """A paginator over :meth:`results` that knows its count from the
        facets' query, so the list costs no ``COUNT`` of its own."""
        if self.filters is None:
            return Paginator(self.results(), per_page)
        return KnownCountPaginator(self.results(), per_page, count=self.total)

    @cached_property
    def total(self):
        """How many resources match every filter."""
        return sum(count for _values, count, misses in self._grid if not misses)

    @cached_property
    def _base(self):
        # Built once: Wagtail's public() reads the view restrictions when the
        # queryset is built, and every facet starts from this one.
        resources = self.library.resources()
        terms = search_terms(self.filters.get("q", ""))
        for term in terms:
            resources = resources.filter(self._matches_term(term))
        return resources

    def _matches_term(self, term):
        authors = ResourceAuthor.objects.filter(
            Q(family_name__icontains=term) | Q(given_names__icontains=term)
        ).values("page_id")
        keywords = ResourceKeyword.objects.filter(tag__name__icontains=term).values(
            "content_object_id"
        )
        return (
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(pk__in=authors)
            | Q(pk__in=keywords)
        )

    def _filtered(self, exclude):
        """The resources with every facet applied but ``exclude`` (a facet's
        name, or a collection of names)."""
        excluded = {exclude} if isinstance(exclude, str) else set(exclude or ())
        resources = self._base
        chosen = self.filters
        if chosen["type"] and "type" not in excluded:
            resources = resources.filter(resource_type__in=chosen["type"])
        if chosen["access"] and "access" not in excluded:
            resources = resources.filter(access__in=chosen["access"])
        if chosen["year"] and "year" not in excluded:
            # One ``__year`` lookup per year: a date range in SQL, where
            # ``__year__in`` would extract each row's year (in Python on SQLite).
            in_years = Q()
            for year in chosen["year"]:
                in_years |= Q(publication_date__year=year)
            resources = resources.filter(in_years)
        if chosen["topic"] and "topic" not in excluded:
            tagged = ResourcePage.topics.through.objects.filter(
                topic__slug__in=chosen["topic"]
            ).values("resourcepage_id")
            resources = resources.filter(pk__in=tagged)
        if chosen["language"] and "language" not in excluded:
            in_language = ResourceFile.objects.filter(
                language__in=chosen["language"]
            ).values("page_id")
            resources = resources.filter(pk__in=in_language)
        if chosen["country"] and "country" not in excluded:
            # Codes are stored comma-separated and are all two letters long,
            # so a two-letter substring can only be a whole code.
            covers_any = Q()
            for code in chosen["country"]:
                covers_any |= Q(countries__contains=code)
            resources = resources.filter(covers_any)
        return resources

    def _sorted(self, resources):
        sort = self.filters.get("sort") or Sort.NEWEST
        if sort == Sort.OLDEST:
            return resources.order_by("publication_date", "pk")
        if sort == Sort.TITLE:
            return resources.order_by("title", "pk")
        if sort == Sort.DOWNLOADS:
            downloads = (
                DownloadCount.objects.filter(resource=OuterRef("pk"))
                .values("resource")
                .annotate(total=Sum("count"))
                .values("total")
            )
            return resources.annotate(
                downloads=Coalesce(Subquery(downloads, output_field=IntegerField()), 0)
            ).order_by("-downloads", "-publication_date", "pk")
        return resources.order_by("-publication_date", "-pk")

    # The facets -----------------------------------------------------------

    def facets(self):
        """Every facet with the values in use and their counts."""
        if self.filters is None:
            return []
        return [
            self._grid_facet(
                "type",
                _("Type of resource"),
                [(value, value) for value in ResourceType.values],
                dict(ResourceType.choices),
            ),
            self._topic_facet(),
            self._country_facet(),
            self._language_facet(),
            self._year_facet(),
            self._grid_facet(
                "access",
                _("Access"),
                [(value, value) for value in Access.values],
                dict(Access.choices),
            ),
        ]

    def _facet(self, name, label, counts, labels):
        selected = {str(value) for value in self.filters.get(name) or []}
        values = [
            FacetValue(
                value=str(value),
                label=labels.get(value, str(value)),
                count=count,
                is_selected=str(value) in selected,
            )
            for value, count in counts
            if count
        ]
        return Facet(name=name, label=label, values=values)

    @cached_property
    def _grid(self):
        """Counts grouped by type, year and access, over the resources matching
        every other facet (topic, language, country, the search).

        Each row is ``(values, count, misses)``, ``misses`` naming the chosen
        grid facets the row fails; a row failing two counts nowhere and is
        dropped. The year is read from the date's text in SQL: Django's year
        extraction runs in Python on SQLite.
        """
        year = Cast(Substr(Cast("publication_date", CharField()), 1, 4), IntegerField())
        rows = (
            self._filtered(exclude=GRID_FACETS)
            .order_by()
            .annotate(year=year)
            .values_list("resource_type", "year", "access")
            .annotate(count=Count("pk"))
        )
        chosen = {name: set(self.filters.get(name) or ()) for name in GRID_FACETS}
        grid = []
        for kind, year_value, access, count in rows:
            values = {"type": kind, "year": year_value, "access": access}
            misses = {
                name
                for name in GRID_FACETS
                if chosen[name] and values[name] not in chosen[name]
            }
            if len(misses) <= 1:
                grid.append((values, count, misses))
        return grid

    def _grid_counts(self, name):
        """``name``'s values in use with their counts, the others applied."""
        tally = Counter()
        for values, count, misses in self._grid:
            if not misses or misses == {name}:
                tally[values[name]] += count
        return tally

    def _grid_facet(self, name, label, ordered_values, labels):
        tally = self._grid_counts(name)
        counts = [(value, tally.get(key, 0)) for value, key in ordered_values]
        return self._facet(name, label, counts, labels)

    def _topic_facet(self):
        resources = self._filtered(exclude="topic").order_by().values("pk")
        rows = (
            ResourcePage.topics.through.objects.filter(resourcepage_id__in=resources)
            .values(
                "topic__slug",
                "topic__name",
                "topic__translation_key",
                "topic__locale__language_code",
            )
            .annotate(count=Count("resourcepage_id", distinct=True))
        )
        names = topic_names_in_reader_language(
            (
                row["topic__translation_key"],
                row["topic__name"],
                row["topic__locale__language_code"],
            )
            for row in rows
        )
        labels, tally = {}, Counter()
        for row in rows:
            # A topic and its translation may share a slug: one value for both.
            labels[row["topic__slug"]] = names[row["topic__translation_key"]]
            tally[row["topic__slug"]] += row["count"]
        counts = sorted(tally.items(), key=lambda item: labels[item[0]].casefold())
        return self._facet("topic", _("Topic"), counts, labels)

    def _country_facet(self):
        # Grouped by the stored text of the countries (without the field's
        # conversion of every row into Country objects), then counted per code.
        rows = (
            self._filtered(exclude="country")
            .order_by()
            .annotate(country_codes=Cast("countries", CharField()))
            .values_list("country_codes")
            .annotate(count=Count("pk"))
        )
        tally = Counter()
        for stored, count in rows:
            for code in set(_country_codes(stored)):
                tally[str(code)] += count
        labels = dict(countries)
        counts = sorted(tally.items(), key=lambda item: str(labels.get(item[0], "")))
        return self._facet("country", _("Country covered"), counts, labels)

    def _language_facet(self):
        resources = self._filtered(exclude="language").order_by().values("pk")
        rows = (
            ResourceFile.objects.filter(page_id__in=resources)
            .values("language")
            .annotate(count=Count("page_id", distinct=True))
        )
        counts = {row["language"]: row["count"] for row in rows}
        ordered = [(code, counts.get(code, 0)) for code, _name in language_choices()]
        return self._facet(
            "language", _("Language available"), ordered, dict(language_choices())
        )

    def _year_facet(self):
        tally = self._grid_counts("year")
        counts = sorted(tally.items(), key=lambda item: -item[0])
        return self._facet("year", _("Year of publication"), counts, {})


class KnownCountPaginator(Paginator):
    """A paginator told its count, which the facets have already worked out."""

    def __init__(self, object_list, per_page, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count


def topic_names_in_reader_language(topics, language=None):
    """Map each topic's translation key to its name in the reader's language.

    ``topics`` holds ``(translation_key, name, language_code)`` triples.
    Topics are translatable snippets, and a resource (a page copied for
    translation, say) may point at the topic in another locale: its name is
    then that of its translation in the active language, when there is one.
    One query at most, none when every topic is already in that language.
    """
    language = language or translation.get_language() or ""
    names, foreign = {}, set()
    for key, name, topic_language in topics:
        if names.get(key) is None or topic_language == language:
            names[key] = name
        if topic_language != language:
            foreign.add(key)
    if foreign:
        translated = Topic.objects.filter(
            translation_key__in=foreign, locale__language_code=language
        ).values_list("translation_key", "name")
        names.update(dict(translated))
    return names


def _country_codes(stored):
    if not stored:
        return []
    if isinstance(stored, str):
        return [code for code in stored.split(",") if code]
    return [getattr(code, "code", code) for code in stored]
