from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .cache import mark_cacheable
from .models import Topic


@hooks.register("before_serve_page")
def let_page_cache_store_published_pages(page, request, serve_args, serve_kwargs):
    # A restricted page answers anonymous readers with a redirect or a password
    # form (which holds a CSRF token), and neither is ever stored.
    if not getattr(request, "is_preview", False):
        mark_cacheable(request)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)
