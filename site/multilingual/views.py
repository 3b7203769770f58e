"""The language switcher's view: remember the language, go to its version."""

import logging

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from .languages import language_codes


logger = logging.getLogger(__name__)

LANGUAGE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365


@require_GET
def switch_language(request, language):
    """Remember the reader's language and take them to ``next``.

    A plain link rather than Django's ``set_language`` form: a form would put
    a CSRF token in every page's header, and the page cache never stores a
    page that holds one. Choosing a language changes nothing but the reader's
    own cookie, so a GET is safe.
    """
    if language not in language_codes():
        # Not a 404: LocaleMiddleware would answer one with a redirect to the
        # same address under a language prefix, which is a page route.
        return HttpResponseBadRequest(
            gettext("This language is not one of the site's languages."),
            content_type="text/plain; charset=utf-8",
        )
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"/{language}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or LANGUAGE_COOKIE_MAX_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )
    return response
