"""Where each language version of the current address lives.

For a Wagtail page, every language has one of three targets:

* the page's own live translation in that language (``available``);
* otherwise the nearest ancestor that has one, with ``?untranslated=<code>``
  so that the page reached can tell the reader why they landed there;
* otherwise (the language has no home page at all) the page itself, in its
  own language, with the same notice.

A translation that is a wagtail-localize alias of a page in another locale
holds that other language's text, so it counts as missing.

Views that are not pages (the forum, search, accounts) have no translations
to look up: their address is the same with the language prefix swapped, or
the same address when it has no prefix (the language cookie decides there).

The targets of a page are read with two queries and kept in the cache under
the page cache generation, so publishing or moving a page shows at once.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Q
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from mmn_plugins.core.cache import generation_cache_key


UNTRANSLATED_PARAMETER = "untranslated"
VERSIONS_CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class LanguageVersion:
    """One entry of the language switcher, or one hreflang alternate."""

    code: str
    name: str
    url: str
    available: bool


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


def active_language():
    """The active language as one of ``settings.LANGUAGES``' codes."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def untranslated_url(url, language):
    """``url`` with the notice that ``language`` has no version of the page."""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({UNTRANSLATED_PARAMETER: language})}"


def requested_untranslated_language(request):
    """The language the reader asked for and did not get, if they came so."""
    if request is None:
        return None
    code = request.GET.get(UNTRANSLATED_PARAMETER, "")
    return code if code in language_codes() else None


def is_foreign_alias(page, alias_locale_id):
    """True when ``page`` only mirrors a page of another language."""
    return page.alias_of_id is not None and alias_locale_id != page.locale_id


def versions_for_request(request, page=None):
    """Every language's target for the address of ``request``, in LANGUAGES order.

    Remembered on the request: the switcher and the hreflang links both ask.
    """
    cached = getattr(request, "_mmn_language_versions", None)
    if cached is not None:
        return cached
    if isinstance(page, Page) and page.pk and page.live:
        versions = _page_versions(page, request)
    else:
        versions = _path_versions(request.path)
    request._mmn_language_versions = versions
    return versions


def _path_versions(path):
    """Swap the language prefix of a view that is not a Wagtail page."""
    codes = language_codes()
    parts = path.split("/", 2)
    prefixed = len(parts) > 1 and parts[1] in codes
    rest = parts[2] if len(parts) > 2 else ""
    return [
        LanguageVersion(
            code, language_name(code), f"/{code}/{rest}" if prefixed else path, True
        )
        for code in codes
    ]


def _page_versions(page, request):
    # By host too: a page's address is relative on its own site only.
    key = generation_cache_key("language-versions", page.pk, request.get_host())
    stored = cache.get(key)
    if stored is None:
        stored = page_language_targets(page, request)
        cache.set(key, stored, timeout=VERSIONS_CACHE_SECONDS)

    # A routable page (an index with sub-pages of its own) keeps the reader's
    # place: the part of the address past the page's own goes along.
    own_url = stored.get("own_url") or ""
    remainder = ""
    if own_url and request.path.startswith(own_url) and request.path != own_url:
        remainder = request.path[len(own_url) :]
    versions = []
    for code in language_codes():
        url, available = stored["targets"][code]
        if available and remainder:
            url = url + remainder
        versions.append(LanguageVersion(code, language_name(code), url, available))
    return versions


def page_language_targets(page, request=None):
    """``{"own_url": ..., "targets": {code: (url, available)}}`` for ``page``.

    Two queries: the page's ancestors, then the live translations of the
    page and of every ancestor at once.
    """
    ancestors = list(page.get_ancestors().filter(depth__gt=1))
    # Nearest first: the page itself, then its parent, up to the home page.
    chain = [page, *reversed(ancestors)]
    translations = live_translations({p.translation_key for p in chain})

    own_url = page.get_url(request=request)
    targets = {}
    for code in language_codes():
        target = None
        for position, candidate in enumerate(chain):
            translated = translations.get((candidate.translation_key, code))
            if translated is None:
                continue
            url = translated.get_url(request=request)
            if url is None:
                continue
            target = (
                (url, True) if position == 0 else (untranslated_url(url, code), False)
            )
            break
        if target is None:
            target = (untranslated_url(own_url or "/", code), False)
        targets[code] = target
    return {"own_url": own_url, "targets": targets}


def live_translations(translation_keys):
    """Live, real (not aliased) pages by ``(translation_key, language code)``."""
    queryset = (
        Page.objects.filter(translation_key__in=translation_keys, live=True)
        .filter(Q(alias_of__isnull=True) | Q(alias_of__locale_id=F("locale_id")))
        .select_related("locale")
    )
    return {
        (page.translation_key, page.locale.language_code): page for page in queryset
    }
