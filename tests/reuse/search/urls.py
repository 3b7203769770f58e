"""A plain Wagtail site's URLs with the search page under a language prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from tests.reuse.urls import urlpatterns as plain_urlpatterns


urlpatterns = (
    i18n_patterns(
        path("search/", include("mmn_plugins.search.urls")),
    )
    + plain_urlpatterns
)
