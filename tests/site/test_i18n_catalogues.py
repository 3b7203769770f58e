"""Every catalogue (the site's and each plugin's) is complete in every language.

A message that is missing, left empty or marked fuzzy shows English to a reader
of another language. This fails, naming the catalogue, the language and the
count of each kind of gap, until translators have finished.
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings


REPO_DIR = Path(__file__).resolve().parents[2]
PLUGINS_DIR = REPO_DIR / "mmn_plugins"
# The site's catalogue (site and theme), then every plugin that is an app.
CATALOGUE_ROOTS = [REPO_DIR] + sorted(
    path.parent for path in PLUGINS_DIR.glob("*/apps.py")
)
EXAMPLES_SHOWN = 3


def translated_languages():
    return [
        code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]


def catalogue_gaps(root, language):
    """What is wrong with ``root``'s catalogue in ``language``, as sentences."""
    po_path = root / "locale" / language / "LC_MESSAGES" / "django.po"
    if not po_path.exists():
        return [f"{language}: no catalogue at {po_path.relative_to(REPO_DIR)}"]
    catalogue = polib.pofile(str(po_path))
    untranslated = [
        entry for entry in catalogue.untranslated_entries() if not entry.obsolete
    ]
    fuzzy = [entry for entry in catalogue.fuzzy_entries() if not entry.obsolete]
    gaps = []
    for kind, entries in [("missing", untranslated), ("fuzzy", fuzzy)]:
        if entries:
            examples = "; ".join(
                repr(entry.msgid[:60]) for entry in entries[:EXAMPLES_SHOWN]
            )
            gaps.append(
                f"{language}: {len(entries)} {kind} of {len(catalogue)} "
                f"(e.g. {examples})"
            )
    return gaps


@pytest.mark.parametrize(
    "root",
    CATALOGUE_ROOTS,
    ids=[str(root.relative_to(REPO_DIR)) or "site" for root in CATALOGUE_ROOTS],
)
def test_catalogue_is_complete_in_every_language(root):
    gaps = [
        gap
        for language in translated_languages()
        for gap in catalogue_gaps(root, language)
    ]
    name = str(root.relative_to(REPO_DIR)) if root != REPO_DIR else "site (locale/)"

    assert not gaps, f"Catalogue {name}:\n  " + "\n  ".join(gaps)


def test_every_plugin_is_checked():
    """A plugin added later is found without editing this test."""
    names = {root.name for root in CATALOGUE_ROOTS}

    assert {"core", "directory", "library"} <= names
