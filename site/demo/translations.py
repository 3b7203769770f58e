"""Turn the demo's translated pages into wagtail-localize synced translations.

The builders write each translation from ``fixtures/demo/site.json`` as a copy
of the English page with its fields translated. Editors, though, translate
through wagtail-localize, whose translations remember their source: they show
in the translation editor, can be synced when the source changes and appear
in the translation status report. So each copy's texts are recorded here as
wagtail-localize string translations of the source's segments, and the
translation is published from them, exactly as the editor would.

A field whose translated copy does not have the same shape as its source (a
paragraph more or less) cannot be paired string by string; such a page stays
a plain copy, and the log says which.
"""

import logging
from collections import defaultdict

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import (
    MissingRelatedObjectError,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


logger = logging.getLogger(__name__)


def ensure_synced_translations(home):
    """Record every translation of the pages under ``home`` with wagtail-localize.

    Returns how many translations were recorded in this run; pages already
    recorded are left alone, so a second run does nothing.
    """
    recorded = 0
    for source in home.get_descendants(inclusive=True).live().specific():
        for translated in _hand_made_translations(source):
            if _record(source, translated):
                recorded += 1
    return recorded


def _hand_made_translations(source):
    translations = (
        Page.objects.filter(
            translation_key=source.translation_key, alias_of__isnull=True
        )
        .exclude(locale_id=source.locale_id)
        .specific()
    )
    return [page for page in translations if page.live]


def _record(source, translated):
    source_record, _created = TranslationSource.get_or_create_from_instance(source)
    if Translation.objects.filter(
        source=source_record, target_locale_id=translated.locale_id
    ).exists():
        return False

    pairs = _paired_strings(source_record, translated)
    if pairs is None:
        logger.warning(
            "Demo page %r (%s) does not match its source's shape; kept as a copy.",
            translated.title,
            translated.locale.language_code,
        )
        return False

    try:
        with transaction.atomic():
            translation = Translation.objects.create(
                source=source_record, target_locale=translated.locale
            )
            for segment, text in pairs:
                StringTranslation.objects.update_or_create(
                    translation_of_id=segment.string_id,
                    locale=translated.locale,
                    context_id=segment.context_id,
                    defaults={
                        "data": text,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    },
                )
            translation.save_target(publish=True)
    except MissingRelatedObjectError:
        # The page links to one that has no translation in this language.
        logger.warning(
            "Demo page %r (%s) links to an untranslated page; kept as a copy.",
            translated.title,
            translated.locale.language_code,
        )
        return False
    return True


def _paired_strings(source_record, translated):
    """``[(source StringSegment, translated text)]``, or None if they don't pair.

    Segments are paired field by field in document order: a StreamField's
    blocks have new ids in the copy, so paths cannot be compared past the
    field's name.
    """
    source_segments = defaultdict(list)
    for segment in (
        StringSegment.objects.filter(source=source_record)
        .select_related("context")
        .order_by("order")
    ):
        source_segments[_field(segment.context.path)].append(segment)

    translated_segments = defaultdict(list)
    for value in extract_segments(translated):
        if isinstance(value, StringSegmentValue):
            translated_segments[_field(value.path)].append(value)

    pairs = []
    for field, segments in source_segments.items():
        values = translated_segments.get(field, [])
        if len(values) != len(segments):
            return None
        for segment, value in zip(segments, sorted(values, key=_order), strict=True):
            pairs.append((segment, value.string.data))
    return pairs


def _field(path):
    return path.split(".", 1)[0]


def _order(value):
    return value.order
