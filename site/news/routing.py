"""Routing shared by the news and events sections, without wasted queries."""

from django.apps import apps
from django.http import Http404


class SectionRoutingMixin:
    """For a section's index page whose children are all of one page type.

    ``child_page_model`` names that type ("news.NewsPage").

    Wagtail finds a child page in two queries (the page, then ``.specific``);
    a section that knows its children's type finds it in one, with what its
    template needs joined in (``child_select_related``). The section's own
    routes (feeds, calendars) come first, as with ``RoutablePageMixin``; a
    child of another type (made before the section's rules) still routes the
    usual way.
    """

    child_page_model = None
    child_select_related = ()

    def route(self, request, path_components):
        if path_components and not self._has_own_route(path_components):
            child_model = apps.get_model(self.child_page_model)
            child = (
                child_model.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*self.child_select_related)
                .first()
            )
            if child is not None:
                # As Wagtail does: child.get_parent() then costs no query.
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def _has_own_route(self, path_components):
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True


def parent_url(page, request=None):
    """The URL of ``page``'s parent, worked out from the page's own URL.

    A Wagtail page's URL is its parent's URL followed by its slug, so the
    parent's URL needs no query of its own: news and event pages link back
    to their section with it. ``None`` when the page has no URL.
    """
    url = page.get_url(request)
    if url is None:
        return None
    return url.rstrip("/").rsplit("/", 1)[0] + "/"
