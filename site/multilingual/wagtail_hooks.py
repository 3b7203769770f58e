from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .guard import redirect_for_foreign_page
from .report import translation_status_report


@hooks.register("before_serve_page")
def keep_pages_in_their_language(page, request, serve_args, serve_kwargs):
    return redirect_for_foreign_page(page, request)


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "reports/translation-status/",
            translation_status_report,
            name="mmn_translation_status",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("mmn_translation_status"),
        name="translation-status",
        icon_name="globe",
        order=650,
    )
