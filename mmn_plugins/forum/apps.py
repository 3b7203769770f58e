from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """The network's forum, on django-machina's models (whose label is ``forum``)."""

    name = "mmn_plugins.forum"
    label = "mmn_forum"
    verbose_name = _("Forum")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401
