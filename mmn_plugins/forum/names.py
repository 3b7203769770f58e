"""Forum and category names in the reader's language.

machina keeps one name and description per forum; :class:`ForumTranslation`
holds the other languages. Readers see their language's name, and machina's
own when no translation exists, so a forum never shows without a name.
"""

from dataclasses import dataclass

from django.utils import translation

from .models import ForumTranslation


@dataclass(frozen=True)
class LocalisedName:
    name: str
    description: str
    language: str


def _raw(markup):
    """The text of one of machina's Markdown fields, which may hold ``None``."""
    return str(getattr(markup, "raw", markup) or "")


def localised_names(forums, language=None):
    """Map each forum's pk to its :class:`LocalisedName`, in one query."""
    language = (language or translation.get_language() or "en").split("-")[0]
    forums = [forum for forum in forums if forum is not None]
    translated = {
        row.forum_id: row
        for row in ForumTranslation.objects.filter(
            forum__in=[forum.pk for forum in forums], language=language
        )
    }
    names = {}
    for forum in forums:
        row = translated.get(forum.pk)
        if row is not None:
            names[forum.pk] = LocalisedName(
                row.name, row.description or _raw(forum.description), language
            )
        else:
            names[forum.pk] = LocalisedName(forum.name, _raw(forum.description), "")
    return names


def localise(forums, language=None):
    """Give each forum ``display_name`` and ``display_description``; return them."""
    names = localised_names(forums, language)
    for forum in forums:
        if forum is None:
            continue
        forum.display_name = names[forum.pk].name
        forum.display_description = names[forum.pk].description
    return forums
