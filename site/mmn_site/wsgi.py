"""WSGI entry point: ``gunicorn --chdir site mmn_site.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mmn_site.settings.production")

application = get_wsgi_application()
