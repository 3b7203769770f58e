"""The forum's addresses; a site includes them under a language prefix."""

from django.urls import path

from . import views


app_name = "mmn_forum"

urlpatterns = [
    path("", views.forum_index, name="index"),
    path("<int:pk>/", views.forum_detail, name="forum"),
    path("<int:forum_pk>/new/", views.topic_create, name="topic_create"),
    path("<int:pk>/subscription/", views.forum_subscription, name="forum_subscription"),
    path("topic/<int:pk>/", views.topic_detail, name="topic"),
    path("topic/<int:pk>/reply/", views.topic_reply, name="topic_reply"),
    path(
        "topic/<int:pk>/subscription/",
        views.topic_subscription,
        name="topic_subscription",
    ),
    path("topic/<int:pk>/lock/", views.topic_lock, name="topic_lock"),
    path("post/<int:pk>/", views.post_redirect, name="post"),
    path("post/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("post/<int:pk>/report/", views.post_report, name="post_report"),
    path("post/<int:pk>/moderate/", views.post_moderate, name="post_moderate"),
    path("member/<int:pk>/", views.member_profile, name="profile"),
    path("moderation/", views.moderation_queue, name="moderation_queue"),
    path(
        "attachment/<int:pk>/<str:filename>",
        views.attachment_download,
        name="attachment",
    ),
]
