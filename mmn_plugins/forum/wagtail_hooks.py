"""The forum's meeting points with the site and the Wagtail admin."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from mmn_plugins.core.registry import DEMO_BUILDERS, SEARCH_SOURCES

from . import settings as forum_settings
from .models import ForumTranslation, ModerationAction, PostReport


@hooks.register(DEMO_BUILDERS)
def build_forum_demo(demo):
    from .demo import build_forum

    build_forum(demo)


@hooks.register(SEARCH_SOURCES)
def forum_posts_for_search():
    from .search import forum_search_source

    return forum_search_source()


class ForumNameViewSet(ModelViewSet):
    model = ForumTranslation
    url_prefix = "forum/names"
    url_namespace = "mmn_forum_names"
    icon = "globe"
    menu_label = _("Forum names")
    add_to_admin_menu = False
    list_display = ["name", "forum", "language"]
    list_filter = ["language"]
    search_fields = ["name"]
    form_fields = ["forum", "language", "name", "description"]
    ordering = ["forum__tree_id", "forum__lft", "language"]


class PostReportViewSet(ModelViewSet):
    model = PostReport
    url_prefix = "forum/reports"
    url_namespace = "mmn_forum_reports"
    icon = "warning"
    menu_label = _("Reports")
    list_display = ["post", "reason", "status", "reporter", "created_at"]
    list_filter = ["status", "reason"]
    form_fields = ["status"]
    inspect_view_enabled = True


class ModerationLogViewSet(ModelViewSet):
    model = ModerationAction
    url_prefix = "forum/moderation-log"
    url_namespace = "mmn_forum_moderation_log"
    icon = "list-ul"
    menu_label = _("Moderation log")
    list_display = ["created_at", "kind", "topic_subject", "moderator", "note"]
    list_filter = ["kind"]
    search_fields = ["topic_subject", "note"]
    form_fields = ["note"]
    inspect_view_enabled = True


class ForumAdminGroup(ViewSetGroup):
    menu_label = _("Forum")
    menu_icon = "group"
    menu_order = 260
    items = (ForumNameViewSet, PostReportViewSet, ModerationLogViewSet)


@hooks.register("register_admin_viewset")
def register_forum_viewsets():
    return ForumAdminGroup()


class ModerationQueueMenuItem(MenuItem):
    """The moderators' queue (reported and hidden posts), shown to moderators."""

    def is_shown(self, request):
        user = request.user
        group = forum_settings.get("MMN_FORUM_MODERATOR_GROUP")
        return user.is_superuser or user.groups.filter(name=group).exists()


@hooks.register("register_admin_menu_item")
def register_moderation_queue_menu_item():
    return ModerationQueueMenuItem(
        _("Forum moderation queue"),
        reverse("mmn_forum:moderation_queue"),
        icon_name="warning",
        order=261,
    )
