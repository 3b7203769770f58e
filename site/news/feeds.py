"""RSS and Atom feeds of a news section, and of its press releases alone.

The news index page serves them on its own routes (``feed/rss/``,
``feed/atom/``, ``press-releases/rss/``, ``press-releases/atom/``), so each
language's section has feeds in that language. Every link in a feed is
absolute, as feed readers need.
"""

import datetime
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site


FEED_LENGTH = 20


class NewsRssFeed(Feed):
    """The latest items of one news index page, all kinds or one kind.

    Built for one request: the index page passes itself and the kind.
    """

    feed_type = Rss201rev2Feed

    def __init__(self, index, kind=None):
        super().__init__()
        self.index = index
        self.kind = kind
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        # An attribute, not a method, for Django's Feed: the section's own
        # language, whatever the reader's browser asks for.
        self.language = self.index.locale.language_code
        return self.index

    def title(self, index):
        if self.kind:
            return _("%(section)s: press releases") % {"section": index.title}
        return index.title

    def link(self, index):
        url = index.get_url(self.request)
        if self.kind:
            url += "?" + urlencode({"kind": self.kind})
        return self.request.build_absolute_uri(url)

    def feed_url(self, index):
        return self.request.build_absolute_uri(self.request.path)

    def description(self, index):
        return index.introduction or _("The latest news of the network.")

    def author_name(self, index):
        return Site.find_for_request(self.request).site_name or None

    def items(self, index):
        return index.news_items(self.kind)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_pubdate(self, item):
        # The date the editor gave; the time of publication when it went out
        # that same day (an embargoed press release, say), midnight otherwise.
        published_at = item.first_published_at
        if published_at and timezone.localdate(published_at) == item.date:
            return published_at
        return datetime.datetime.combine(
            item.date, datetime.time(), tzinfo=timezone.get_current_timezone()
        )

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [topic.display_name for topic in item.localized_topics]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
