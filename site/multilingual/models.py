"""What editors choose about languages, in Wagtail's site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class UntranslatedMenuItems(models.TextChoices):
    HIDE = "hide", _("Hide the item")
    MARK = "mark", _("Show the page in its own language, marked as such")


@register_setting(icon="globe")
class LanguageSettings(BaseSiteSetting):
    """How the site treats pages that have no translation yet."""

    untranslated_menu_items = models.CharField(
        _("menu items whose page is not translated"),
        max_length=10,
        choices=UntranslatedMenuItems.choices,
        default=UntranslatedMenuItems.HIDE,
        help_text=_(
            "In a language where a menu item's page has no translation yet, the "
            "item is either left out of the menu, or links to the page in its "
            "own language with a note that says so."
        ),
    )

    panels = [FieldPanel("untranslated_menu_items")]

    class Meta:
        verbose_name = _("languages")

    @classmethod
    def marks_untranslated_menu_items(cls, site):
        """The site's choice, read without creating its settings record.

        ``for_site`` creates the record on first use, and saving a setting
        purges the page cache: the first page view would throw away the very
        menus and page it had just cached.
        """
        choice = (
            cls.objects.filter(site=site)
            .values_list("untranslated_menu_items", flat=True)
            .first()
        )
        return choice == UntranslatedMenuItems.MARK
