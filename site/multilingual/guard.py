"""Never show a page under another language's prefix.

Wagtail routes ``/<lang>/...`` from the home page's translation in that
language, and from the default home page when the language has none: so
``/el/about/`` would show the English page under a Greek address. And a
wagtail-localize alias (a synchronised tree) shows the source language's text
under the target language's prefix. Both are sent on: to the page's real
translation in the address's language when it has one, otherwise to the page
in its own language, with the notice that the language asked for has none.
"""

import logging

from django.http import HttpResponseRedirect

from .languages import active_language, live_translations, untranslated_url


logger = logging.getLogger(__name__)


def redirect_for_foreign_page(page, request):
    """A redirect when ``page`` does not hold the URL's language, else None."""
    if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
        return None
    language = active_language()
    page_language = page.locale.language_code
    alias_source = _foreign_alias_source(page)
    if page_language == language and alias_source is None:
        return None

    translated = live_translations({page.translation_key}).get(
        (page.translation_key, language)
    )
    if translated is not None and translated.pk != page.pk:
        url = translated.get_url(request=request)
    else:
        original = alias_source or page
        url = untranslated_url(original.get_url(request=request) or "/", language)
    logger.info(
        "Page %s (%s) asked for in %s: sent to %s",
        page.pk,
        page_language,
        language,
        url,
    )
    return HttpResponseRedirect(url)


def _foreign_alias_source(page):
    if page.alias_of_id is None:
        return None
    source = page.alias_of
    return source if source.locale_id != page.locale_id else None
