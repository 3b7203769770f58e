"""How text is folded, queries normalised and snippets highlighted.

Documents and queries go through the same :func:`fold`, so a query typed with
or without accents, Arabic short vowels or tatweel finds the same words. Every
query the search page receives passes through :func:`normalise_query` once,
here; backends only ever see its :class:`Query`, a list of plain words.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import settings as search_settings


# Arabic short vowels, shadda, sukun, Quranic marks and the tatweel stretch a
# word without changing it; Hebrew points likewise.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f"  # ASCII controls
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"  # zero-width and bidi
)
_WORD = re.compile(r"\w+")
# A word of a document as written, with its marks (highlighting reads those).
_WRITTEN_WORD = re.compile(
    "(?:\\w|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640])+"
)

# PostgreSQL's text search configuration for each language; Arabic (and any
# language PostgreSQL has no stemmer for) is split into words without stemming.
POSTGRES_CONFIGS = {
    "en": "english",
    "fr": "french",
    "el": "greek",
    "it": "italian",
    "es": "spanish",
}


class InvalidQuery(ValueError):
    """A query no one could mean (far too long): the page answers 400."""


@dataclass(frozen=True)
class Query:
    """A normalised query: the words to find, folded, at most a few of them."""

    text: str
    terms: tuple

    def __bool__(self):
        return bool(self.terms)


def postgres_config(language):
    return POSTGRES_CONFIGS.get((language or "")[:2], "simple")


def strip_controls(text):
    """``text`` without control, zero-width or bidirectional override characters."""
    return _CONTROL.sub("", text or "")


def fold(text):
    """Lower-case ``text`` without accents, Arabic marks or control characters."""
    text = unicodedata.normalize("NFKC", _CONTROL.sub(" ", text or ""))
    text = _ARABIC_MARKS.sub("", text).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    without_accents = "".join(
        char for char in decomposed if not unicodedata.combining(char)
    )
    return unicodedata.normalize("NFC", without_accents)


def normalise_query(raw):
    """Turn what a visitor typed into a :class:`Query`.

    Operators of any engine (quotes, ``AND``, ``*``, ``title:``, ``&``, ``~``)
    are not syntax here: only words count, and every word must be found.
    Raises :class:`InvalidQuery` for a query longer than
    ``MMN_SEARCH_MAX_QUERY_LENGTH``.
    """
    raw = raw or ""
    if len(raw) > search_settings.get("MMN_SEARCH_MAX_QUERY_LENGTH"):
        raise InvalidQuery(raw[:50])
    text = " ".join(_CONTROL.sub(" ", raw).split())
    terms = []
    for word in _WORD.findall(fold(text)):
        # "\w" takes the underscore; engines split on it, so it splits here too.
        for part in word.split("_"):
            if part and part not in terms:
                terms.append(part)
    most = search_settings.get("MMN_SEARCH_MAX_TERMS")
    return Query(text=text, terms=tuple(terms[:most]))


def highlight(text, query, length=240):
    """An escaped extract of ``text`` around the first word found, words marked.

    A word of the text is marked when its folded form starts with a query
    term's first letters, so stemmed matches ("migrants" for "migration") show.
    """
    # An extract comes from the start of a long text: no need to read it all.
    text = " ".join((text or "")[:20_000].split())
    stems = [_stem(term) for term in query.terms]
    words = list(_WRITTEN_WORD.finditer(text))
    matches = [word for word in words if _matches(word.group(), stems)]
    start = 0
    if matches and matches[0].start() > length // 3:
        start = text.rfind(" ", 0, matches[0].start() - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)

    pieces, position = [], start
    for word in matches:
        if word.start() < start or word.end() > end:
            continue
        pieces.append(escape(text[position : word.start()]))
        pieces.append(f"<mark>{escape(word.group())}</mark>")
        position = word.end()
    pieces.append(escape(text[position:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)


def _stem(term):
    return term if len(term) <= 4 else term[: max(4, len(term) - 4)]


def _matches(word, stems):
    folded = word.lower() if word.isascii() else _fold_word(word)
    return any(folded.startswith(stem) for stem in stems)


@functools.lru_cache(maxsize=4096)
def _fold_word(word):
    return fold(word)
