"""The site's menus: the editors' wagtailmenus menus, in the reader's language.

``{% site_menu "main" %}`` renders the site's main menu and
``{% site_menu "footer" %}`` the flat menu with that handle, each through
``menus/<handle>_menu.html`` (or ``template="..."``). The template receives
``menu_items``, each with ``href``, ``text`` and ``active_class``.

wagtailmenus' own tags look up each item's translation one query at a time.
This tag reads a menu with two queries (its items with their pages, then every
linked page's translation in the active language at once) and keeps the result
in the cache for each site and language, under the page cache generation, so
publishing a page or saving a menu shows at once. Only the active state is
worked out for each request, and it needs no query.
"""

from dataclasses import dataclass

from django import template
from django.core.cache import cache
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtailmenus.conf import settings as menu_settings
from wagtailmenus.models import FlatMenuItem, MainMenuItem

from mmn_plugins.core.cache import generation_cache_key
from multilingual.models import LanguageSettings


register = template.Library()

MAIN_MENU_HANDLE = "main"
MENU_CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class CachedMenuItem:
    """One item as stored in the cache, the same for every reader of a language."""

    href: str
    text: str
    page_id: int | None = None
    page_path: str = ""
    page_depth: int = 0
    # Set when the item shows a page that has no translation in the menu's
    # language (editors chose to mark such items rather than hide them).
    untranslated_language: str = ""


@dataclass(frozen=True)
class MenuItem:
    """What a menu template receives for each item."""

    href: str
    text: str
    active_class: str = ""
    untranslated_language: str = ""


@register.simple_tag(takes_context=True)
def site_menu(context, handle, template=""):
    """Render the menu ``handle`` of the current site in the active language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""

    items = menu_items_for(site, handle, request)
    current_page = context.get("page")
    menu_items = [
        MenuItem(
            item.href,
            item.text,
            active_class(item, current_page, request),
            item.untranslated_language,
        )
        for item in items
    ]
    return render_to_string(
        template or f"menus/{handle}_menu.html",
        {"menu_items": menu_items, "handle": handle, "request": request},
    )


def menu_items_for(site, handle, request=None):
    """The items of the menu ``handle`` in the active language, cached."""
    language = translation.get_language()
    key = generation_cache_key("menu", site.pk, handle, language)
    items = cache.get(key)
    if items is None:
        items = build_menu_items(site, handle, language, request)
        cache.set(key, items, timeout=MENU_CACHE_SECONDS)
    return items


def build_menu_items(site, handle, language, request=None):
    """Read the menu from the database and localise every page it links."""
    menu_items = _editors_items(site, handle)
    linked_pages = [item.link_page for item in menu_items if item.link_page_id]
    translations = _translations(linked_pages, language)
    mark_untranslated = LanguageSettings.marks_untranslated_menu_items(site)

    items = []
    for item in menu_items:
        if not item.link_page_id:
            # A plugin's section that is not a page (the forum) is linked by
            # its address: it follows the reader's language prefix, and its
            # text, written in English, is looked up in the catalogues.
            items.append(
                CachedMenuItem(
                    translate_url(item.link_url, language) + item.url_append,
                    gettext(item.link_text) if item.link_text else "",
                )
            )
            continue

        # A page without a live translation in this language is hidden, or
        # shown in its own language and marked so, as the site's language
        # settings say.
        page = translations.get(item.link_page.translation_key)
        untranslated_language = ""
        if page is None:
            if not (mark_untranslated and item.link_page.live):
                continue
            page = item.link_page
            untranslated_language = page.locale.language_code
        url = page.get_url(request=request, current_site=site)
        if url is None:
            continue
        items.append(
            CachedMenuItem(
                href=url + item.url_append,
                text=_item_text(item, page),
                page_id=page.pk,
                page_path=page.path,
                page_depth=page.depth,
                untranslated_language=untranslated_language,
            )
        )
    return items


def _editors_items(site, handle):
    """The menu's items in their order, with the page each one links to."""
    if handle == MAIN_MENU_HANDLE:
        queryset = MainMenuItem.objects.filter(menu__site=site)
        return list(queryset.select_related("link_page__locale").order_by("sort_order"))

    # Like wagtailmenus, a site without its own flat menu of that handle shows
    # the default site's one.
    queryset = FlatMenuItem.objects.filter(menu__handle=handle).filter(
        Q(menu__site=site) | Q(menu__site__is_default_site=True)
    )
    items = list(
        queryset.select_related("link_page__locale", "menu").order_by("sort_order")
    )
    site_menu_ids = {item.menu_id for item in items if item.menu.site_id == site.pk}
    chosen_menu_ids = site_menu_ids or {item.menu_id for item in items[:1]}
    return [item for item in items if item.menu_id in chosen_menu_ids]


def _translations(pages, language):
    """The live translation of each page, by translation key.

    ``show_in_menus`` is not consulted: it steers menus built from the page
    tree, while an item in these menus is a page an editor chose by hand.
    """
    if not pages:
        return {}
    try:
        language = get_supported_content_language_variant(language)
    except LookupError:
        return {}
    queryset = Page.objects.filter(
        translation_key__in={page.translation_key for page in pages},
        locale__language_code=language,
        live=True,
        expired=False,
    ).filter(
        # An alias of another language's page holds that language's text.
        Q(alias_of__isnull=True) | Q(alias_of__locale_id=F("locale_id"))
    )
    return {page.translation_key: page for page in queryset}


def _item_text(item, page):
    # The custom link text is written once, in the language of the page the
    # editor chose; a translation shows its own title instead.
    if item.link_text and page.pk == item.link_page_id:
        return item.link_text
    return getattr(page, menu_settings.PAGE_FIELD_FOR_MENU_ITEM_TEXT, "") or page.title


def active_class(item, current_page, request):
    """``is-active`` for the current page, the ancestor class for its sections."""
    if item.page_id is None:
        return _active_class_for_url(item.href, request)
    if current_page is None or not isinstance(current_page, Page):
        return _active_class_for_url(item.href, request)
    if current_page.pk == item.page_id:
        return menu_settings.ACTIVE_CLASS
    # The home page is an ancestor of everything, so only sections count.
    is_section = item.page_depth >= menu_settings.SECTION_ROOT_DEPTH
    if is_section and current_page.path.startswith(item.page_path):
        return menu_settings.ACTIVE_ANCESTOR_CLASS
    return ""


def _active_class_for_url(href, request):
    # Views that are not Wagtail pages (a plugin's forum or search) still light
    # up the section whose address they sit under.
    if request is None or not href.startswith("/"):
        return ""
    path = href.split("?", 1)[0].split("#", 1)[0]
    if request.path == path:
        return menu_settings.ACTIVE_CLASS
    is_language_root = path.strip("/").count("/") == 0
    if not is_language_root and request.path.startswith(path):
        return menu_settings.ACTIVE_ANCESTOR_CLASS
    return ""
