from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from mmn_plugins.core.registry import DEMO_BUILDERS, SEARCH_SOURCES

from .admin_views import PERMISSION, ModerationLogView, ModerationQueueView


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "debates/moderation/",
            ModerationQueueView.as_view(),
            name="mmn_debates_moderation",
        ),
        path(
            "debates/moderation/log/",
            ModerationLogView.as_view(),
            name="mmn_debates_moderation_log",
        ),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Debate moderation"),
        reverse("mmn_debates_moderation"),
        name="debate-moderation",
        icon_name="comment",
        order=350,
    )


@hooks.register(SEARCH_SOURCES)
def debates_in_search():
    from .search import debate_search_source

    return debate_search_source()


@hooks.register(DEMO_BUILDERS)
def build_debates_demo(demo):
    from .demo import build_debates

    build_debates(demo)
