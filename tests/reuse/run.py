"""Run the reuse harness: each plugin installed alone in a plain Wagtail site.

Every ``settings_<name>.py`` here describes a plain Wagtail site with one
plugin; its tests live in ``tests/reuse/<name>/``. Django's settings are set
once per process, so each pair runs in a pytest of its own::

    .venv/bin/python tests/reuse/run.py            # every plugin
    .venv/bin/python tests/reuse/run.py core -x    # one plugin, pytest options

The runs use ``tests/reuse/pytest.ini``, so the site's folder is never on the
import path: a plugin that imports the site fails here.
"""

import subprocess
import sys
from pathlib import Path


HERE = Path(__file__).resolve().parent


def available_plugins():
    return sorted(
        path.stem.removeprefix("settings_")
        for path in HERE.glob("settings_*.py")
        if path.stem != "settings_base"
    )


def run(plugin, pytest_args):
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-c",
        str(HERE / "pytest.ini"),
        f"--ds=tests.reuse.settings_{plugin}",
        str(HERE / plugin),
        *pytest_args,
    ]
    print(f"\n--- {plugin} installed alone in a plain Wagtail site", flush=True)
    return subprocess.run(command, check=False).returncode


def main(arguments):
    known = available_plugins()
    plugins = [name for name in arguments if name in known] or known
    pytest_args = [argument for argument in arguments if argument not in known]
    failed = [plugin for plugin in plugins if run(plugin, pytest_args) != 0]
    if failed:
        print(f"Reuse tests failed for: {', '.join(failed)}.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
