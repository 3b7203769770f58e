"""What a debate page does with each request (see :mod:`.routes`).

Every view that changes something takes POST only (CSRF comes with Django's
middleware), asks core's rate limit first, and answers a refused action with
the page and a sentence that says why: never a 500, never a silent loss.
Responses to signed-in members say ``private, no-store``.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, resolve_url
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from mmn_plugins.core.membership import is_member
from mmn_plugins.core.ratelimit import RATE_LIMITED_MESSAGE, is_rate_limited

from . import settings as debate_settings
from .forms import CommentForm, ConclusionForm, EditForm, FlagForm, tampering_error
from .models import Status
from .moderation import close_debate
from .participation import (
    Refused,
    comment_of,
    edit_comment,
    flag_comment,
    is_following,
    may_edit,
    post_comment,
    set_following,
    set_support,
)
from .threads import debate_columns


logger = logging.getLogger(__name__)


def debate_context(debate, request):
    """What the debate page's template reads, besides the page itself."""
    user = request.user
    status = debate.status
    member = is_member(user)
    form = None
    if member and status == Status.OPEN:
        form = CommentForm(initial={"debate": debate.pk})
    return {
        "status": status,
        "outcome": debate.outcome,
        "columns": SimpleLazyObject(lambda: debate_columns(debate, request)),
        "is_member": member,
        "may_moderate": debate.may_moderate(user),
        "is_following": member and is_following(debate, user),
        "comment_form": form,
        "max_depth": debate_settings.get("MMN_DEBATES_MAX_REPLY_DEPTH"),
        "login_url": login_url_for(request),
        # Each comment's links start here: one page URL for the thousand links.
        "base_url": debate.get_url(request),
        "labels": comment_labels(),
        "sort_query": {
            f"sort_{stance}": request.GET.get(f"sort_{stance}", "")
            for stance in ("for", "against", "neutral")
        },
    }


def comment_labels():
    """The words of every comment's links, translated once per page."""
    return {
        "support": _("Support"),
        "withdraw": _("Withdraw support"),
        "reply": _("Reply"),
        "edit": _("Edit"),
        "flag": pgettext("debate comment", "Flag"),
        "edited": _("edited"),
        "waiting": _("Waiting for a moderator's approval"),
        "written_in": _("Written in"),
    }


def login_url_for(request):
    login_url = resolve_url(settings.LOGIN_URL)
    return f"{login_url}?{urlencode({'next': request.get_full_path()})}"


def _private(response):
    response["Cache-Control"] = "private, no-store"
    return response


def _client_address(request):
    return request.META.get("REMOTE_ADDR") or None


def _refuse_visitor(request):
    if not request.user.is_authenticated:
        return redirect(login_url_for(request))
    return None


def _render_page(request, debate, status=200, **overrides):
    response = debate.render(request, context_overrides=overrides)
    response.status_code = status
    return _private(response)


def _render(request, debate, template, context, status=200):
    context = {"page": debate, "self": debate, **context}
    return _private(TemplateResponse(request, template, context, status=status))


def _back_to(debate, comment=None):
    url = debate.url
    return redirect(f"{url}#c{comment.pk}" if comment is not None else url)


def post_argument(request, debate):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if (refusal := _refuse_visitor(request)) is not None:
        return refusal
    form = CommentForm(request.POST)
    rate = debate_settings.get("MMN_DEBATES_POST_RATE")
    if is_rate_limited(request, "debates-post", rate):
        form.is_valid()
        return _render_page(request, debate, 429, comment_form=form,
                            form_error=RATE_LIMITED_MESSAGE)  # fmt: skip
    if (problem := tampering_error(request.POST, debate)) is not None:
        return _render_page(request, debate, 400, comment_form=form, form_error=problem)
    if not form.is_valid():
        return _render_page(request, debate, 400, comment_form=form)
    try:
        comment = post_comment(
            debate,
            request.user,
            form.cleaned_data["comment"],
            stance=form.cleaned_data["stance"],
            ip_address=_client_address(request),
        )
    except Refused as refused:
        return _render_page(
            request,
            debate,
            refused.status,
            comment_form=form,
            form_error=refused.message,
        )
    _tell_posted(request, comment)
    return _back_to(debate, comment)


def _tell_posted(request, comment):
    if comment.is_public:
        messages.success(request, _("Your comment is posted."))
    else:
        messages.info(
            request,
            _("Thank you. Your comment will show once a moderator approves it."),
        )


def reply(request, debate, comment_id):
    if (refusal := _refuse_visitor(request)) is not None:
        return refusal
    try:
        parent = comment_of(debate, comment_id)
    except Refused as refused:
        return _render_page(request, debate, refused.status, page_error=refused.message)
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        is_reply=True,
        initial={"debate": debate.pk, "parent": parent.pk},
    )
    context = {"form": form, "parent": parent}
    template = "mmn_debates/reply.html"
    if request.method != "POST":
        return _render(request, debate, template, context)

    if is_rate_limited(
        request, "debates-post", debate_settings.get("MMN_DEBATES_POST_RATE")
    ):
        return _render(
            request,
            debate,
            template,
            {**context, "form_error": RATE_LIMITED_MESSAGE},
            429,
        )
    if (problem := tampering_error(request.POST, debate, parent)) is not None:
        return _render(
            request, debate, template, {**context, "form_error": problem}, 400
        )
    if not form.is_valid():
        return _render(request, debate, template, context, 400)
    try:
        comment = post_comment(
            debate,
            request.user,
            form.cleaned_data["comment"],
            stance=request.POST.get("stance", ""),
            parent=parent,
            ip_address=_client_address(request),
        )
    except Refused as refused:
        return _render(
            request, debate, template, {**context, "form_error": refused.message},
            refused.status,
        )  # fmt: skip
    _tell_posted(request, comment)
    return _back_to(debate, comment)


def edit(request, debate, comment_id):
    if (refusal := _refuse_visitor(request)) is not None:
        return refusal
    try:
        comment = comment_of(debate, comment_id)
    except Refused as refused:
        return _render_page(request, debate, refused.status, page_error=refused.message)
    template = "mmn_debates/edit.html"
    if request.method != "POST":
        form = EditForm(initial={"comment": comment.comment})
        context = {"form": form, "comment": comment}
        if not may_edit(comment, request.user):
            context["form_error"] = _("You can no longer edit this comment.")
            return _render(request, debate, template, context, 403)
        return _render(request, debate, template, context)

    form = EditForm(request.POST)
    context = {"form": form, "comment": comment}
    if is_rate_limited(
        request, "debates-post", debate_settings.get("MMN_DEBATES_POST_RATE")
    ):
        return _render(
            request,
            debate,
            template,
            {**context, "form_error": RATE_LIMITED_MESSAGE},
            429,
        )
    if not form.is_valid():
        return _render(request, debate, template, context, 400)
    try:
        edit_comment(debate, comment, request.user, form.cleaned_data["comment"])
    except Refused as refused:
        return _render(
            request, debate, template, {**context, "form_error": refused.message},
            refused.status,
        )  # fmt: skip
    messages.success(request, _("Your comment is updated."))
    return _back_to(debate, comment)


def support(request, debate, comment_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if (refusal := _refuse_visitor(request)) is not None:
        return refusal
    if is_rate_limited(
        request, "debates-support", debate_settings.get("MMN_DEBATES_SUPPORT_RATE")
    ):
        return _render_page(request, debate, 429, page_error=RATE_LIMITED_MESSAGE)
    try:
        comment = comment_of(debate, comment_id)
        supported = request.POST.get("action") != "withdraw"
        set_support(debate, comment, request.user, supported)
    except Refused as refused:
        return _render_page(request, debate, refused.status, page_error=refused.message)
    if supported:
        messages.success(request, _("You support this comment."))
    else:
        messages.success(request, _("You no longer support this comment."))
    return _back_to(debate, comment)


def flag(request, debate, comment_id):
    if (refusal := _refuse_visitor(request)) is not None:
        return refusal
    try:
        comment = comment_of(debate, comment_id)
    except Refused as refused:
        return _render_page(request, debate, refused.status, page_error=refused.message)
    template = "mmn_debates/flag.html"
    form = FlagForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "comment": comment}
    if request.method != "POST":
        return _render(request, debate, template, context)
    if is_rate_limited(
        request, "debates-flag", debate_settings.get("MMN_DEBATES_FLAG_RATE")
    ):
        return _render(
            request,
            debate,
            template,
            {**context, "form_error": RATE_LIMITED_MESSAGE},
            429,
        )
    if not form.is_valid():
        return _render(request, debate, template, context, 400)
    try:
        flag_comment(
            debate, comment, request.user,
            form.cleaned_data["reason"], form.cleaned_data["note"],
        )  # fmt: skip
    except Refused as refused:
        return _render(
            request, debate, template, {**context, "form_error": refused.message},
            refused.status,
        )  # fmt: skip
    messages.success(request, _("Thank you. A moderator will look at this comment."))
    return _back_to(debate)


def follow(request, debate):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if (refusal := _refuse_visitor(request)) is not None:
        return refusal
    if is_rate_limited(
        request, "debates-follow", debate_settings.get("MMN_DEBATES_FOLLOW_RATE")
    ):
        return _render_page(request, debate, 429, page_error=RATE_LIMITED_MESSAGE)
    wants = request.POST.get("action") != "unfollow"
    try:
        set_following(debate, request.user, wants)
    except Refused as refused:
        return _render_page(request, debate, refused.status, page_error=refused.message)
    if wants:
        messages.success(
            request, _("You follow this debate: new arguments come by e-mail.")
        )
    else:
        messages.success(request, _("You no longer follow this debate."))
    return _back_to(debate)


def close(request, debate):
    if (refusal := _refuse_visitor(request)) is not None:
        return refusal
    template = "mmn_debates/close.html"
    form = ConclusionForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "may_close": True}
    if not debate.may_moderate(request.user):
        context["form_error"] = _("Only this debate's moderators may close it.")
        context["may_close"] = False
        return _render(request, debate, template, context, 403)
    if debate.outcome is not None:
        context["form_error"] = _("This debate is already closed.")
        context["may_close"] = False
        return _render(request, debate, template, context, 409)
    if request.method != "POST":
        return _render(request, debate, template, context)
    if not form.is_valid():
        return _render(request, debate, template, context, 400)
    try:
        close_debate(
            debate, request.user, form.cleaned_data["conclusion"],
            debate.locale.language_code,
        )  # fmt: skip
    except Refused as refused:
        return _render(
            request, debate, template, {**context, "form_error": refused.message},
            refused.status,
        )  # fmt: skip
    messages.success(request, _("The debate is closed and its conclusion published."))
    return _back_to(debate)
