from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebatesConfig(AppConfig):
    name = "mmn_plugins.debates"
    label = "mmn_debates"
    verbose_name = _("Debates")
    default_auto_field = "django.db.models.AutoField"
