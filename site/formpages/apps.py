from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormPagesConfig(AppConfig):
    name = "formpages"
    verbose_name = _("Forms and surveys")
    default_auto_field = "django.db.models.AutoField"
