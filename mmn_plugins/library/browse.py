"""Faceted browsing of a library: the filter form, the filtered list, the counts.

Everything lives in the query string (``?type=report&country=GR&q=asylum``),
so a filtered list is a plain link, works without JavaScript and can be cached.
Values within one facet are alternatives (type is a report *or* a study);
facets combine (a report *and* about Greece). Each facet's counts are taken
with every other facet applied but not its own, so a count says how many
resources the reader gets by choosing that value.

The number of SQL queries is fixed: one per facet, whatever the number of
resources.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.core.validators import MaxLengthValidator
from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from mmn_plugins.core.forms import CleanTextMixin

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
            Prefetch("files", queryset=files), "authors", "topics"
        )

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
        """The resources with every facet applied but ``exclude``."""
        resources = self._base
        chosen = self.filters
        if chosen["type"] and exclude != "type":
            resources = resources.filter(resource_type__in=chosen["type"])
        if chosen["access"] and exclude != "access":
            resources = resources.filter(access__in=chosen["access"])
        if chosen["year"] and exclude != "year":
            resources = resources.filter(publication_date__year__in=chosen["year"])
        if chosen["topic"] and exclude != "topic":
            tagged = ResourcePage.topics.through.objects.filter(
                topic__slug__in=chosen["topic"]
            ).values("resourcepage_id")
            resources = resources.filter(pk__in=tagged)
        if chosen["language"] and exclude != "language":
            in_language = ResourceFile.objects.filter(
                language__in=chosen["language"]
            ).values("page_id")
            resources = resources.filter(pk__in=in_language)
        if chosen["country"] and exclude != "country":
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
            self._choice_facet(
                "type", _("Type of resource"), "resource_type", ResourceType
            ),
            self._topic_facet(),
            self._country_facet(),
            self._language_facet(),
            self._year_facet(),
            self._choice_facet("access", _("Access"), "access", Access),
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

    def _choice_facet(self, name, label, field_name, choices):
        rows = (
            self._filtered(exclude=name)
            .order_by()
            .values(field_name)
            .annotate(count=Count("pk"))
        )
        counts = {row[field_name]: row["count"] for row in rows}
        ordered = [(value, counts.get(value, 0)) for value in choices.values]
        return self._facet(name, label, ordered, dict(choices.choices))

    def _topic_facet(self):
        resources = self._filtered(exclude="topic").order_by().values("pk")
        rows = (
            ResourcePage.topics.through.objects.filter(resourcepage_id__in=resources)
            .values("topic__slug", "topic__name")
            .annotate(count=Count("resourcepage_id", distinct=True))
            .order_by("topic__name")
        )
        counts = [(row["topic__slug"], row["count"]) for row in rows]
        labels = {row["topic__slug"]: row["topic__name"] for row in rows}
        return self._facet("topic", _("Topic"), counts, labels)

    def _country_facet(self):
        stored = self._filtered(exclude="country").values_list("countries", flat=True)
        tally = Counter()
        for codes in stored:
            # The field gives Country objects or the raw string by backend.
            tally.update(str(code) for code in _country_codes(codes))
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
        rows = (
            self._filtered(exclude="year")
            .order_by()
            .annotate(year=ExtractYear("publication_date"))
            .values("year")
            .annotate(count=Count("pk"))
            .order_by("-year")
        )
        counts = [(row["year"], row["count"]) for row in rows]
        return self._facet("year", _("Year of publication"), counts, {})


def _country_codes(stored):
    if not stored:
        return []
    if isinstance(stored, str):
        return [code for code in stored.split(",") if code]
    return [getattr(code, "code", code) for code in stored]
