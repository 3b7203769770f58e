"""The URLs below a debate page (a Wagtail routable page).

``argue/`` takes a new argument, ``reply/<id>/`` a reply, ``edit/<id>/``
an edit, ``support/<id>/`` a support or its withdrawal, ``flag/<id>/`` a
flag, ``follow/`` a follow or unfollow, and ``close/`` a moderator's
conclusion. Each is a form that works without JavaScript.
"""

from wagtail.contrib.routable_page.models import path


class DebateRoutes:
    def get_context(self, request, *args, **kwargs):
        from .views import debate_context

        context = super().get_context(request, *args, **kwargs)
        context.update(debate_context(self, request))
        return context

    @path("argue/", name="argue")
    def argue_route(self, request):
        from .views import post_argument

        return post_argument(request, self)

    @path("reply/<int:comment_id>/", name="reply")
    def reply_route(self, request, comment_id):
        from .views import reply

        return reply(request, self, comment_id)

    @path("edit/<int:comment_id>/", name="edit")
    def edit_route(self, request, comment_id):
        from .views import edit

        return edit(request, self, comment_id)

    @path("support/<int:comment_id>/", name="support")
    def support_route(self, request, comment_id):
        from .views import support

        return support(request, self, comment_id)

    @path("flag/<int:comment_id>/", name="flag")
    def flag_route(self, request, comment_id):
        from .views import flag

        return flag(request, self, comment_id)

    @path("follow/", name="follow")
    def follow_route(self, request):
        from .views import follow

        return follow(request, self)

    @path("close/", name="close")
    def close_route(self, request):
        from .views import close

        return close(request, self)
