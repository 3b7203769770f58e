"""The site's URLs, plus the bare views the benchmark compares them with."""

from django.urls import path

from mmn_site.urls import handler404, handler500
from mmn_site.urls import urlpatterns as site_urlpatterns

from . import views


__all__ = ["handler404", "handler500", "urlpatterns"]

urlpatterns = [
    path("bench/bare-template/", views.bare_template, name="bench_bare_template"),
    path("bench/bare-short/", views.bare_short, name="bench_bare_short"),
    *site_urlpatterns,
]
