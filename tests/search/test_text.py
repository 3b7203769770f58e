"""Queries are normalised once; snippets are escaped, then marked."""

import pytest

from mmn_plugins.search.text import (
    InvalidQuery,
    fold,
    highlight,
    normalise_query,
    postgres_config,
)


def test_fold_removes_accents_case_and_arabic_marks():
    assert fold("Éducation ÉLÈVES") == "education eleves"
    assert fold("مُحَمَّد") == fold("مــحمد") == "محمد"
    assert fold("Μετανάστευση") == "μεταναστευση"


def test_operators_of_every_engine_are_plain_words(settings):
    settings.MMN_SEARCH_MAX_TERMS = 20
    query = normalise_query('title:secret AND "x" -y* NEAR(a b, 5) a & b | !c <-> d:*')

    assert query.terms == ("title", "secret", "and", "x", "y", "near", "a", "b",
                           "5", "c", "d")  # fmt: skip


def test_control_characters_and_bidi_overrides_are_dropped():
    assert normalise_query("a\x00b\u202eabc").terms == ("a", "b", "abc")


def test_underscores_split_words_as_the_indexes_do():
    assert normalise_query("_exists_:password").terms == ("exists", "password")


def test_a_query_of_only_punctuation_is_empty():
    assert not normalise_query('" " ~ * ? \\ /')
    assert not normalise_query("   ")


def test_words_are_limited_and_repeats_dropped(settings):
    settings.MMN_SEARCH_MAX_TERMS = 3

    assert normalise_query("a a b c d e").terms == ("a", "b", "c")


def test_an_absurdly_long_query_is_refused(settings):
    settings.MMN_SEARCH_MAX_QUERY_LENGTH = 20

    with pytest.raises(InvalidQuery):
        normalise_query("x" * 21)
    assert normalise_query("x" * 20).terms == ("x" * 20,)


def test_highlight_escapes_then_marks():
    snippet = highlight(
        "<b>Migrants</b> & migration policy", normalise_query("migration")
    )

    assert str(snippet) == (
        "&lt;b&gt;<mark>Migrants</mark>&lt;/b&gt; &amp; <mark>migration</mark> policy"
    )


def test_highlight_marks_arabic_words_with_their_marks():
    snippet = highlight("قال مُحَمَّد شيئا", normalise_query("محمد"))

    assert "<mark>مُحَمَّد</mark>" in snippet


def test_highlight_cuts_around_the_first_match():
    text = "word " * 200 + "lighthouse " + "word " * 200
    snippet = str(highlight(text, normalise_query("lighthouse"), length=100))

    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<mark>lighthouse</mark>" in snippet
    assert len(snippet) < 140


def test_postgres_configurations_by_language():
    assert postgres_config("fr") == "french"
    assert postgres_config("el") == "greek"
    assert postgres_config("ar") == "simple"
    assert postgres_config("") == "simple"
