"""RSS and Atom feeds of a library's newest resources, filtered like the list."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from . import settings as library_settings


class LibraryRssFeed(Feed):
    def __init__(self, library):
        super().__init__()
        self.library = library

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.library

    def title(self, library):
        return library.title

    def link(self, library):
        return library.get_url(self.request)

    def description(self, library):
        return library.introduction or _("New resources in the e-library.")

    def items(self, library):
        _form, browser = library.browse(self.request)
        length = library_settings.get("MMN_LIBRARY_FEED_LENGTH")
        return browser.results().order_by("-first_published_at", "-pk")[:length]

    def item_title(self, resource):
        return resource.title

    def item_description(self, resource):
        return resource.summary

    def item_link(self, resource):
        return resource.get_url(self.request)

    def item_pubdate(self, resource):
        return resource.first_published_at

    def item_updateddate(self, resource):
        return resource.last_published_at

    def item_author_name(self, resource):
        return ", ".join(resource.author_names()) or None

    def item_categories(self, resource):
        return [resource.get_resource_type_display()]


class LibraryAtomFeed(LibraryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, library):
        return self.description(library)
