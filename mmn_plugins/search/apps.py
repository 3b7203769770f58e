from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "mmn_plugins.search"
    label = "mmn_search"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect_sources()
