from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "demo"
    label = "mmn_demo"
    verbose_name = _("Demo network")
    default_auto_field = "django.db.models.AutoField"
