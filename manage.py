#!/usr/bin/env python
"""Django's command-line utility for the network's site.

The project lives in ``site/`` (Python's own ``site`` module owns that name, so
the folder is put on ``sys.path`` instead of being imported as a package).
"""

import os
import sys
from pathlib import Path


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mmn_site.settings.dev")

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
