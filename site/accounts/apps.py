from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    label = "mmn_accounts"
    verbose_name = _("Accounts and roles")
    default_auto_field = "django.db.models.AutoField"
