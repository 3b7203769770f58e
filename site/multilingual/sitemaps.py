"""A sitemap of every language version of every page.

Wagtail's own sitemap lists the pages under the site's root page, which is the
home page in the default language only. This one lists the live public pages
under every translation of that home page, and gives each the addresses of its
other language versions (``xhtml:link`` alternates, with ``x-default``), as
search engines expect of a multilingual site.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import F, Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def pages(self):
        """Live public pages of every language, less aliases of other languages."""
        site = self.get_wagtail_site()
        tree = Q()
        for home in site.root_page.get_translations(inclusive=True):
            tree |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(tree)
            .live()
            .public()
            # An alias of a page in another language holds that language's text.
            .filter(Q(alias_of__isnull=True) | Q(alias_of__locale_id=F("locale_id")))
        )

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        items = list(self.paginator.page(page).object_list)
        alternates = self._alternates({item.translation_key for item in items})
        for item in items:
            own_url = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                # Sub-routes of a routable page have no known translation;
                # only the page's own address gets alternates.
                if url_info.get("location") == own_url:
                    url_info["alternates"] = alternates.get(item.translation_key, [])
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _alternates(self, translation_keys):
        """``{translation_key: [{"lang_code", "location"}, ...]}``, one query."""
        by_key = defaultdict(list)
        translations = (
            self.pages()
            .filter(translation_key__in=translation_keys)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for page in translations:
            by_key[page.translation_key].append(
                {
                    "lang_code": page.locale.language_code,
                    "location": page.get_full_url(self.request),
                }
            )
        alternates = {}
        for key, versions in by_key.items():
            if len(versions) < 2:
                continue
            default = next(
                (v for v in versions if v["lang_code"] == settings.LANGUAGE_CODE),
                versions[0],
            )
            alternates[key] = [
                *versions,
                {"lang_code": "x-default", "location": default["location"]},
            ]
        return alternates
