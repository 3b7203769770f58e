from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MultilingualConfig(AppConfig):
    """Language switcher, hreflang, sitemap alternates, translation status."""

    name = "multilingual"
    verbose_name = _("Languages and translations")
    default_auto_field = "django.db.models.AutoField"
