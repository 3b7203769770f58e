"""A plain Wagtail site's URLs, with the forum under each language prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from .urls import urlpatterns as plain_urlpatterns


urlpatterns = (
    i18n_patterns(
        path("forum/", include("mmn_plugins.forum.urls")),
        prefix_default_language=True,
    )
    + plain_urlpatterns
)
