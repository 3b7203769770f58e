"""Views of the site itself: the root redirect, robots.txt, the sitemap, errors."""

import logging

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from multilingual.sitemaps import MultilingualSitemap


logger = logging.getLogger(__name__)


@require_GET
def root_redirect(request):
    """Send ``/`` to the home page in the reader's language.

    The language comes from the language cookie when the reader chose one,
    otherwise from the browser's Accept-Language header.
    """
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /accounts/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@cache_page(60 * 15)
def sitemap(request):
    """Every language version of every page, each with its alternates."""
    return django_sitemap(request, sitemaps={"pages": MultilingualSitemap(request)})


def health(request):
    """For load balancers: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    # No hreflang alternates: an address that leads nowhere has no versions.
    return render(request, "404.html", {"no_language_alternates": True}, status=404)


def server_error(request):
    # No context processors: whatever broke may break them too.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"request": request}), status=500)


def csrf_failure(request, reason=""):
    logger.info("CSRF check failed on %s: %s", request.path, reason)
    return render(request, "403_csrf.html", status=403)
