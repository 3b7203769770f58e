"""The translation status of every page in every language, for the admin report.

For each page of the default language and each other language, one of:

* **up to date**: the translation is live and was made from the source as it
  is now;
* **outdated**: the source was published again after the translation was
  made (wagtail-localize's "Sync translated pages" brings it up to date);
* **in progress**: the translation exists but is not live, has unpublished
  changes, or has strings nobody has translated yet;
* **missing**: there is no translation (an alias of the source, made by a
  synchronised tree, shows the source's text and counts as missing).

The query count does not depend on how many pages a report page shows: the
translations, wagtail-localize's sources and their progress are each read
for the whole page of rows at once.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


UP_TO_DATE = "up-to-date"
OUTDATED = "outdated"
IN_PROGRESS = "in-progress"
MISSING = "missing"
STATUS_LABELS = {
    UP_TO_DATE: _("Up to date"),
    OUTDATED: _("Outdated: the source changed"),
    IN_PROGRESS: _("In progress"),
    MISSING: _("Missing"),
}


@dataclass(frozen=True)
class Cell:
    language: str
    status: str
    translated_page: Page | None = None
    progress: tuple[int, int] | None = None  # (translated strings, all strings)

    @property
    def label(self):
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Row:
    page: Page
    cells: list[Cell]


def source_pages(section=None):
    """Pages of the default language below the root, in tree order."""
    queryset = Page.objects.filter(locale=Locale.get_default(), depth__gt=1)
    if section is not None:
        queryset = queryset.filter(path__startswith=section.path)
    return queryset.order_by("path")


def sections():
    """The default home pages' children, which editors think of as sections."""
    return Page.objects.filter(locale=Locale.get_default(), depth=3).order_by("path")


def status_rows(pages, languages):
    """One ``Row`` per page of ``pages``, one ``Cell`` per language."""
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    translated = _translated_pages(keys, languages)
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale=Locale.get_default()
        )
    }
    progress = _translations_with_progress(sources.values(), languages)
    return [
        Row(
            page,
            [_cell(page, code, translated, progress) for code in languages],
        )
        for page in pages
    ]


def _translated_pages(keys, languages):
    queryset = (
        Page.objects.filter(
            translation_key__in=keys, locale__language_code__in=languages
        )
        .select_related("locale", "alias_of")
        .only(
            "id", "title", "translation_key", "live", "has_unpublished_changes",
            "last_published_at", "alias_of_id", "alias_of__locale_id",
            "locale__language_code", "locale_id", "path", "depth", "url_path",
        )
    )  # fmt: skip
    return {
        (page.translation_key, page.locale.language_code): page for page in queryset
    }


def _translations_with_progress(sources, languages):
    """wagtail-localize's translations with their (done, total) string counts."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated_segments = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )

    def count_of(queryset):
        counted = queryset.order_by().values("source_id").annotate(n=Count("pk"))
        return Coalesce(
            Subquery(counted.values("n")[:1], output_field=IntegerField()), Value(0)
        )

    translations = (
        Translation.objects.filter(
            source__in=list(sources),
            target_locale__language_code__in=languages,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .annotate(total=count_of(segments), done=count_of(translated_segments))
    )
    return {
        (translation.source.object_id, translation.target_locale.language_code): (
            translation
        )
        for translation in translations
    }


def _cell(page, code, translated, progress):
    key = page.translation_key
    target = translated.get((key, code))
    translation = progress.get((key, code))
    if target is None or _is_foreign_alias(target):
        status = IN_PROGRESS if translation is not None else MISSING
        return Cell(code, status)

    counts = (translation.done, translation.total) if translation else None
    if not target.live:
        return Cell(code, IN_PROGRESS, target, counts)
    if translation is not None:
        made_at = translation.source.last_updated_at
    else:
        made_at = target.last_published_at  # Translated by hand, as a copy.
    if page.last_published_at and made_at and page.last_published_at > made_at:
        return Cell(code, OUTDATED, target, counts)
    if counts and counts[0] < counts[1]:
        return Cell(code, IN_PROGRESS, target, counts)
    if target.has_unpublished_changes:
        return Cell(code, IN_PROGRESS, target, counts)
    return Cell(code, UP_TO_DATE, target, counts)


def _is_foreign_alias(page):
    return page.alias_of_id is not None and page.alias_of.locale_id != page.locale_id
