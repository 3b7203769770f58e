from django.urls import path

from . import views


urlpatterns = [
    path("<str:language>/", views.switch_language, name="switch_language"),
]
