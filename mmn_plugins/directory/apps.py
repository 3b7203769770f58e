from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "mmn_plugins.directory"
    label = "mmn_directory"
    verbose_name = _("Member directory")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from mmn_plugins.core.signal_handlers import register_purging_model

        from . import signal_handlers  # noqa: F401
        from .models import (
            Organisation,
            OrganisationDescription,
            Person,
            Role,
            WorkingGroup,
        )

        # These records show on the directory's pages without being snippets.
        shown_on_pages = [
            Organisation,
            OrganisationDescription,
            Person,
            Role,
            WorkingGroup,
        ]
        for model in shown_on_pages:
            register_purging_model(model)
