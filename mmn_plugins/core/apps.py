from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mmn_plugins.core"
    label = "mmn_core"
    verbose_name = _("Network core")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401
