"""The moderation queue and the moderation log, in the Wagtail admin.

The queue lists comments that wait for approval, were hidden after flags, or
carry flags nobody has reviewed yet; a moderator approves or restores, hides,
deletes, or dismisses the flags, with an optional note. Every decision goes to
the moderation log, which has a page of its own.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import moderation
from .models import DebateComment, DebatePage, Flag, HiddenReason, ModerationLogEntry


PERMISSION = "mmn_debates.moderate_debates"
ACTIONS = {
    "approve": moderation.approve,
    "restore": moderation.restore,
    "hide": moderation.hide,
    "delete": moderation.delete,
    "dismiss": moderation.dismiss_flags,
}


def queue_queryset():
    """Comments a moderator should look at, most flagged first."""
    open_flags = Q(debate_flags__resolved_at=None) & Q(debate_flags__isnull=False)
    return (
        DebateComment.objects.filter(is_removed=False)
        .annotate(open_flag_count=Count("debate_flags", filter=open_flags))
        .filter(
            Q(hidden_reason__in=[HiddenReason.PENDING, HiddenReason.FLAGGED])
            | Q(open_flag_count__gt=0)
        )
        .prefetch_related(
            Prefetch(
                "debate_flags",
                queryset=Flag.objects.filter(resolved_at=None).select_related("member"),
                to_attr="open_flags",
            )
        )
        .order_by("-open_flag_count", "submit_date")
    )


def _debate_titles(keys):
    pages = DebatePage.objects.filter(translation_key__in=set(keys)).order_by("pk")
    titles = {}
    for page in pages:
        titles.setdefault(page.translation_key, page)
    return titles


class ModerationQueueView(
    PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    permission_required = PERMISSION
    template_name = "mmn_debates/admin/queue.html"
    page_title = gettext_lazy("Debate moderation")
    header_icon = "comment"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(queue_queryset(), 50).get_page(self.request.GET.get("p"))
        debates = _debate_titles(comment.debate_key for comment in page)
        for comment in page:
            comment.debate = debates.get(comment.debate_key)
        context.update(queue=page, actions=ACTIONS)
        return context

    def post(self, request):
        comment = get_object_or_404(DebateComment, pk=request.POST.get("comment"))
        action = ACTIONS.get(request.POST.get("action", ""))
        if action is None:
            messages.error(request, _("Choose one of the moderation actions."))
            return redirect("mmn_debates_moderation")
        note = request.POST.get("note", "")[:1000]
        action(comment, request.user, note)
        messages.success(request, _("Done. The decision is in the moderation log."))
        return redirect("mmn_debates_moderation")


class ModerationLogView(
    PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    permission_required = PERMISSION
    template_name = "mmn_debates/admin/log.html"
    page_title = gettext_lazy("Debate moderation log")
    header_icon = "list-ul"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = ModerationLogEntry.objects.select_related("actor", "comment")
        page = Paginator(entries, 100).get_page(self.request.GET.get("p"))
        debates = _debate_titles(entry.debate_key for entry in page)
        for entry in page:
            entry.debate = debates.get(entry.debate_key)
        context["entries"] = page
        return context


class RedirectToQueue(View):
    def get(self, request):
        return redirect("mmn_debates_moderation")
