from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views


# Pages of the site and of every plugin live under a language prefix (/en/,
# /fr/, /ar/ ...); accounts, the admin and machine-facing files do not.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("language/", include("multilingual.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("healthz", views.health, name="health"),
    path("", views.root_redirect, name="root_redirect"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("forum/", include("mmn_plugins.forum.urls")),
    path("search/", include("mmn_plugins.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "mmn_site.views.page_not_found"
handler500 = "mmn_site.views.server_error"
