"""Extract, compile and check the translations of the site and the plugins.

    python tools/messages.py           extract new strings, then compile
    python tools/messages.py --compile compile every .po into its .mo
    python tools/messages.py --check   fail when a committed .mo is stale
    python tools/messages.py --root mmn_plugins/forum   only that catalogue

Compiling uses polib (pure Python), so the committed ``.mo`` files are the
same bytes on every machine and the check can compare them exactly.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

import polib


REPO_DIR = Path(__file__).resolve().parent.parent
# Each folder with its own locale/: the site (with the theme) and each plugin.
CATALOGUE_ROOTS = [REPO_DIR] + sorted(
    path.parent for path in (REPO_DIR / "mmn_plugins").glob("*/locale")
)
LANGUAGES = ["fr", "ar", "el", "it", "es"]


def po_files(roots=None):
    for root in roots or CATALOGUE_ROOTS:
        yield from sorted((root / "locale").glob("*/LC_MESSAGES/*.po"))


def compiled(po_path):
    catalogue = polib.pofile(str(po_path))
    mo_path = po_path.with_suffix(".mo")
    temporary = mo_path.with_suffix(".mo.tmp")
    catalogue.save_as_mofile(str(temporary))
    data = temporary.read_bytes()
    temporary.unlink()
    return mo_path, data


def compile_all(roots=None):
    for po_path in po_files(roots):
        mo_path, data = compiled(po_path)
        mo_path.write_bytes(data)
        print(f"Compiled {mo_path.relative_to(REPO_DIR)}")


def check_all():
    stale = []
    for po_path in po_files():
        mo_path, data = compiled(po_path)
        if not mo_path.exists() or mo_path.read_bytes() != data:
            stale.append(mo_path.relative_to(REPO_DIR))
    for path in stale:
        print(f"Stale or missing compiled translations: {path}", file=sys.stderr)
    if stale:
        print("Run `make messages` and commit the .mo files.", file=sys.stderr)
        return 1
    print(f"All {len(list(po_files()))} compiled catalogues are current.")
    return 0


def extract_all(roots=None):
    env = dict(os.environ, PYTHONPATH=f"{REPO_DIR / 'site'}:{REPO_DIR}")
    manage = [sys.executable, str(REPO_DIR / "manage.py"), "makemessages"]
    language_args = [arg for code in LANGUAGES for arg in ("-l", code)]
    for root in roots or CATALOGUE_ROOTS:
        ignore = ["--ignore=.venv/*", "--ignore=var/*", "--ignore=tests/*"]
        if root == REPO_DIR:
            ignore.append("--ignore=mmn_plugins/*")
        (root / "locale").mkdir(exist_ok=True)
        subprocess.run(
            [*manage, *language_args, *ignore, "--no-obsolete"],
            cwd=root,
            env=env,
            check=True,
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--compile", action="store_true")
    parser.add_argument(
        "--root",
        action="append",
        help="a folder with a locale/ (the repository, or a plugin); repeatable",
    )
    options = parser.parse_args()
    if options.check:
        return check_all()
    roots = [(REPO_DIR / root).resolve() for root in options.root or []] or None
    if not options.compile:
        extract_all(roots)
    compile_all(roots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
