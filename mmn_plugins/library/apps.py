from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "mmn_plugins.library"
    label = "mmn_library"
    verbose_name = _("E-library")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401
