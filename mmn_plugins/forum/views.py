"""The forum's pages: machina's models, the site's look, the plugin's rules.

Every view that writes checks CSRF (Django's middleware), the permission
(``permissions``), the rate limit (core's) and the form; bad input gets the
form back with its errors, never a 500.
"""

import datetime
import logging

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from machina.core.db.models import get_model

from mmn_plugins.core.cache import mark_cacheable
from mmn_plugins.core.membership import is_member
from mmn_plugins.core.ratelimit import RATE_LIMITED_MESSAGE, is_rate_limited
from mmn_plugins.core.registry import person_summaries

from . import moderation, permissions, posting
from . import settings as forum_settings
from .attachments import attachment_response
from .authors import attach_authors
from .forms import ReplyForm, ReportForm, TopicForm
from .models import (
    ForumSubscription,
    PostAttachment,
    PostReport,
    TopicSubscription,
)
from .names import localise


logger = logging.getLogger(__name__)

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


def _language():
    return (translation.get_language() or "en").split("-")[0]


def _refuse(request):
    """Visitors are asked to sign in; signed-in readers learn nothing exists."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404("No such forum, or not for this reader.")


def _readable_forum_or_refuse(request, pk):
    forum = get_object_or_404(Forum, pk=pk)
    if not permissions.can_read(request, forum):
        return None, _refuse(request)
    return forum, None


def _ancestors(forum):
    ancestors = list(forum.get_ancestors())
    localise(ancestors)
    return ancestors


def _maybe_cacheable(request):
    # Only what looks alike for every visitor may go into the page cache.
    if request.method == "GET" and not request.user.is_authenticated:
        mark_cacheable(request)


def _rate_limited(request, scope):
    joined = getattr(request.user, "date_joined", None)
    new_for = datetime.timedelta(days=forum_settings.get("MMN_FORUM_NEW_MEMBER_DAYS"))
    is_new = joined is not None and timezone.now() - joined < new_for
    rate = forum_settings.get(
        "MMN_FORUM_NEW_MEMBER_POST_RATE" if is_new else "MMN_FORUM_POST_RATE"
    )
    return is_rate_limited(request, scope, rate)


def _refusal_status(request, form):
    """429 when the member posts too fast, 400 for an invalid form, else None.

    A rate-limited form is still validated, so the member sees every error
    along with the limit and loses nothing they typed.
    """
    if _rate_limited(request, "forum-post"):
        form.is_valid()
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return 429
    if not form.is_valid():
        return 400
    return None


# Reading ------------------------------------------------------------------


def forum_index(request):
    """Every category and forum the reader may see, in a fixed query count."""
    readable = permissions.readable_forum_ids(request)
    forums = list(
        Forum.objects.filter(pk__in=readable)
        .select_related("last_post__topic", "last_post__poster")
        .order_by("tree_id", "lft")
    )
    localise(forums)
    _attach_last_post_authors(forums)
    by_pk = {forum.pk: forum for forum in forums}
    roots = []
    for forum in forums:
        forum.sub_forums = []
        parent = by_pk.get(forum.parent_id)
        if parent is None:
            roots.append(forum)
        else:
            parent.sub_forums.append(forum)
    # A category whose forums are all private to others shows nothing.
    roots = [root for root in roots if root.sub_forums or not root.is_category]
    _maybe_cacheable(request)
    return render(request, "mmn_forum/index.html", {"roots": roots})


def _attach_last_post_authors(forums_or_topics):
    posts = [item.last_post for item in forums_or_topics if item.last_post_id]
    summaries = person_summaries([post.poster for post in posts if post.poster_id])
    for post in posts:
        post.author = summaries.get(post.poster_id)


def forum_detail(request, pk):
    forum, refusal = _readable_forum_or_refuse(request, pk)
    if refusal:
        return refusal
    localise([forum])
    readable = permissions.readable_forum_ids(request)
    children = list(
        forum.get_children()
        .filter(pk__in=readable)
        .select_related("last_post__topic", "last_post__poster")
    )
    localise(children)
    _attach_last_post_authors(children)

    is_moderator = permissions.can_moderate(request, forum)
    topics = Topic.objects.filter(forum=forum)
    if not is_moderator:
        topics = topics.filter(approved=True)
    topics = topics.select_related("poster", "last_post__poster").order_by(
        "-type", "-last_post_on", "-pk"
    )
    page = Paginator(topics, forum_settings.get("MMN_FORUM_TOPICS_PER_PAGE")).get_page(
        request.GET.get("page")
    )
    _attach_last_post_authors(page.object_list)
    authors = person_summaries([t.poster for t in page.object_list if t.poster_id])
    for topic in page.object_list:
        topic.author = authors.get(topic.poster_id)

    is_subscribed = (
        request.user.is_authenticated
        and ForumSubscription.objects.filter(user=request.user, forum=forum).exists()
    )
    _maybe_cacheable(request)
    return render(
        request,
        "mmn_forum/forum.html",
        {
            "forum": forum,
            "ancestors": _ancestors(forum),
            "children": children,
            "page_obj": page,
            "topics": page.object_list,
            "can_start_topic": permissions.can_start_topic(request, forum),
            "can_subscribe": is_member(request.user) and forum.is_forum,
            "is_subscribed": is_subscribed,
            "is_moderator": is_moderator,
        },
    )


def _visible_posts(topic, is_moderator):
    posts = topic.posts.all()
    if not is_moderator:
        posts = posts.filter(approved=True)
    return posts


def topic_detail(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("forum"), pk=pk)
    forum = topic.forum
    if not permissions.can_read(request, forum):
        return _refuse(request)
    is_moderator = permissions.can_moderate(request, forum)
    if not topic.approved and not is_moderator:
        raise Http404("This topic is hidden until a moderator reviews it.")
    localise([forum])

    posts = (
        _visible_posts(topic, is_moderator)
        .select_related("poster")
        .prefetch_related(Prefetch("mmn_attachments"))
        .order_by("created", "pk")
    )
    page = Paginator(posts, forum_settings.get("MMN_FORUM_POSTS_PER_PAGE")).get_page(
        request.GET.get("page")
    )
    page_posts = list(page.object_list)
    attach_authors(page_posts)
    if is_moderator:
        _attach_open_report_counts(page_posts)
    for post in page_posts:
        post.can_edit = permissions.can_edit(request, post)

    user = request.user
    can_reply = permissions.can_reply(request, topic)
    is_subscribed = (
        user.is_authenticated
        and TopicSubscription.objects.filter(user=user, topic=topic).exists()
    )
    _maybe_cacheable(request)
    return render(
        request,
        "mmn_forum/topic.html",
        {
            "topic": topic,
            "forum": forum,
            "ancestors": [*_ancestors(forum), forum],
            "page_obj": page,
            "posts": page_posts,
            "is_moderator": is_moderator,
            "can_reply": can_reply,
            "can_report": is_member(user),
            "can_download": permissions.can_download(request, forum),
            "reply_form": ReplyForm(
                allow_attachments=can_reply and permissions.can_attach(request, forum)
            )
            if can_reply
            else None,
            "can_subscribe": is_member(user),
            "is_subscribed": is_subscribed,
        },
    )


def _attach_open_report_counts(posts):
    counts = {}
    for report in PostReport.objects.open().filter(post__in=posts).only("post_id"):
        counts[report.post_id] = counts.get(report.post_id, 0) + 1
    for post in posts:
        post.open_reports = counts.get(post.pk, 0)


def post_redirect(request, pk):
    """The page of its topic that shows post ``pk``: links in e-mails and search."""
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=pk)
    topic = post.topic
    if not permissions.can_read(request, topic.forum):
        return _refuse(request)
    is_moderator = permissions.can_moderate(request, topic.forum)
    if not post.approved and not is_moderator:
        raise Http404("This post is hidden until a moderator reviews it.")
    before = (
        _visible_posts(topic, is_moderator)
        .filter(created__lte=post.created)
        .exclude(created=post.created, pk__gt=post.pk)
        .count()
    )
    per_page = forum_settings.get("MMN_FORUM_POSTS_PER_PAGE")
    page_number = max(1, (before - 1) // per_page + 1)
    url = reverse("mmn_forum:topic", kwargs={"pk": topic.pk})
    if page_number > 1:
        url += f"?page={page_number}"
    return redirect(f"{url}#post-{post.pk}")


def member_profile(request, pk):
    """A member's forum profile: who they are and their latest visible posts."""
    person = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    readable = permissions.readable_forum_ids(request)
    visible = Post.objects.filter(
        poster=person, approved=True, topic__approved=True, topic__forum__in=readable
    )
    recent = list(
        visible.select_related("topic__forum").order_by("-created", "-pk")[:10]
    )
    localise(list({post.topic.forum for post in recent}))
    summary = person_summaries([person])[person.pk]
    _maybe_cacheable(request)
    return render(
        request,
        "mmn_forum/profile.html",
        {
            "person": person,
            "summary": summary,
            "posts_count": visible.count(),
            "recent_posts": recent,
        },
    )


# Writing ------------------------------------------------------------------


def _files(request):
    return request.FILES.getlist("attachments")


@require_http_methods(["GET", "POST"])
@login_required
def topic_create(request, forum_pk):
    forum, refusal = _readable_forum_or_refuse(request, forum_pk)
    if refusal:
        return refusal
    if not permissions.can_start_topic(request, forum):
        return HttpResponseForbidden(
            _("Only members of the network may start topics in this forum.")
        )
    localise([forum])
    allow_attachments = permissions.can_attach(request, forum)
    status = 200
    if request.method == "POST":
        form = TopicForm(
            request.POST, request.FILES, allow_attachments=allow_attachments
        )
        status = _refusal_status(request, form)
        if status is None:
            topic = posting.start_topic(
                forum,
                request.user,
                form.cleaned_data["subject"],
                form.cleaned_data["content"],
                form.cleaned_data.get("attachments") or (),
                language=_language(),
            )
            messages.success(request, _("Your topic is published."))
            return redirect("mmn_forum:topic", pk=topic.pk)
    else:
        form = TopicForm(allow_attachments=allow_attachments)
    return render(
        request,
        "mmn_forum/topic_form.html",
        {"form": form, "forum": forum, "ancestors": [*_ancestors(forum), forum]},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def topic_reply(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("forum"), pk=pk)
    forum = topic.forum
    if not permissions.can_read(request, forum):
        return _refuse(request)
    if not permissions.can_reply(request, topic):
        return HttpResponseForbidden(
            _("Only members of the network may reply, and not in a locked topic.")
        )
    localise([forum])
    allow_attachments = permissions.can_attach(request, forum)
    status = 200
    if request.method == "POST":
        form = ReplyForm(
            request.POST, request.FILES, allow_attachments=allow_attachments
        )
        status = _refusal_status(request, form)
        if status is None:
            post = posting.reply(
                topic,
                request.user,
                form.cleaned_data["content"],
                form.cleaned_data.get("attachments") or (),
            )
            messages.success(request, _("Your reply is published."))
            return redirect("mmn_forum:post", pk=post.pk)
    else:
        form = ReplyForm(allow_attachments=allow_attachments)
    return render(
        request,
        "mmn_forum/reply_form.html",
        {
            "form": form,
            "topic": topic,
            "forum": forum,
            "ancestors": [*_ancestors(forum), forum],
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def post_edit(request, pk):
    """The author (or a moderator) corrects a post; the first post's subject too."""
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=pk)
    topic, forum = post.topic, post.topic.forum
    if not permissions.can_read(request, forum):
        return _refuse(request)
    if not permissions.can_edit(request, post):
        return HttpResponseForbidden(
            _("Only the author or a moderator may edit this post.")
        )
    localise([forum])
    is_first = topic.first_post_id == post.pk
    form_class = TopicForm if is_first else ReplyForm
    initial = {"content": post.content.raw, "subject": topic.subject}
    status = 200
    if request.method == "POST":
        form = form_class(request.POST)
        status = _refusal_status(request, form)
        if status is None:
            posting.edit(post, request.user, form.cleaned_data)
            messages.success(request, _("Your changes are saved."))
            return redirect("mmn_forum:post", pk=post.pk)
    else:
        form = form_class(initial=initial)
    return render(
        request,
        "mmn_forum/edit_form.html",
        {
            "form": form,
            "post": post,
            "topic": topic,
            "forum": forum,
            "ancestors": [*_ancestors(forum), forum],
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def post_report(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=pk)
    forum = post.topic.forum
    if not permissions.can_read(request, forum) or not post.approved:
        raise Http404("No such post.")
    if not permissions.can_report(request, post):
        return HttpResponseForbidden(
            _("Only members may report posts, and not their own.")
        )
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        if is_rate_limited(
            request, "forum-report", forum_settings.get("MMN_FORUM_REPORT_RATE")
        ):
            form.is_valid()
            form.add_error(None, RATE_LIMITED_MESSAGE)
            status = 429
        elif form.is_valid():
            report = moderation.report_post(
                post,
                request.user,
                form.cleaned_data["reason"],
                form.cleaned_data["details"],
            )
            if report is None:
                messages.info(request, _("You had already reported this post."))
            else:
                messages.success(
                    request, _("Thank you. A moderator will look at this post.")
                )
            return redirect("mmn_forum:topic", pk=post.topic_id)
        else:
            status = 400
    else:
        form = ReportForm()
    localise([forum])
    attach_authors([post])
    return render(
        request,
        "mmn_forum/report_form.html",
        {"form": form, "post": post, "topic": post.topic, "forum": forum},
        status=status,
    )


@require_POST
@login_required
def topic_subscription(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("forum"), pk=pk)
    if not permissions.can_read(request, topic.forum) or not is_member(request.user):
        raise Http404("No such topic.")
    if request.POST.get("subscribe") == "1":
        TopicSubscription.objects.update_or_create(
            user=request.user, topic=topic, defaults={"language": _language()}
        )
        messages.success(request, _("You will get an e-mail for each new reply."))
    else:
        TopicSubscription.objects.filter(user=request.user, topic=topic).delete()
        messages.success(request, _("You will no longer get e-mails for this topic."))
    return redirect("mmn_forum:topic", pk=topic.pk)


@require_POST
@login_required
def forum_subscription(request, pk):
    forum = get_object_or_404(Forum, pk=pk)
    if not permissions.can_read(request, forum) or not is_member(request.user):
        raise Http404("No such forum.")
    if request.POST.get("subscribe") == "1":
        ForumSubscription.objects.update_or_create(
            user=request.user, forum=forum, defaults={"language": _language()}
        )
        messages.success(request, _("You will get an e-mail for each new post here."))
    else:
        ForumSubscription.objects.filter(user=request.user, forum=forum).delete()
        messages.success(request, _("You will no longer get e-mails for this forum."))
    return redirect("mmn_forum:forum", pk=forum.pk)


# Moderation ---------------------------------------------------------------


@require_POST
@login_required
def post_moderate(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=pk)
    if not permissions.can_moderate(request, post.topic.forum):
        return HttpResponseForbidden(_("Only moderators may do this."))
    note = request.POST.get("note", "")[:1000]
    if request.POST.get("action") == "hide":
        moderation.hide_post(post, request.user, note)
        messages.success(request, _("The post is hidden."))
    elif request.POST.get("action") == "restore":
        moderation.restore_post(post, request.user, note)
        messages.success(request, _("The post is shown and its reports are closed."))
    else:
        messages.error(request, _("Choose whether to hide or show the post."))
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect("mmn_forum:post", pk=post.pk)


@require_POST
@login_required
def topic_lock(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("forum"), pk=pk)
    if not permissions.can_moderate(request, topic.forum):
        return HttpResponseForbidden(_("Only moderators may do this."))
    locked = request.POST.get("lock") == "1"
    moderation.set_locked(topic, request.user, locked)
    messages.success(
        request, _("The topic is locked.") if locked else _("The topic is open again.")
    )
    return redirect("mmn_forum:topic", pk=topic.pk)


@login_required
def moderation_queue(request):
    """Reported and hidden posts in the forums the reader moderates."""
    forum_ids = permissions.moderated_forum_ids(request)
    if not forum_ids:
        return HttpResponseForbidden(_("Only moderators may see the queue."))
    reported = (
        Post.objects.filter(topic__forum__in=forum_ids, mmn_reports__status="open")
        .distinct()
        .select_related("topic__forum", "poster")
        .prefetch_related(
            Prefetch(
                "mmn_reports",
                queryset=PostReport.objects.open().select_related("reporter"),
                to_attr="open_report_list",
            )
        )
        .order_by("-created")
    )
    hidden = (
        Post.objects.filter(topic__forum__in=forum_ids, approved=False)
        .exclude(mmn_reports__status="open")
        .select_related("topic__forum", "poster")
        .order_by("-updated")[:50]
    )
    reported, hidden = list(reported[:100]), list(hidden)
    attach_authors([*reported, *hidden])
    localise(list({post.topic.forum for post in [*reported, *hidden]}))
    return render(
        request,
        "mmn_forum/moderation_queue.html",
        {"reported": reported, "hidden": hidden},
    )


# Files --------------------------------------------------------------------


def attachment_download(request, pk, filename):
    attachment = get_object_or_404(
        PostAttachment.objects.select_related("post__topic__forum"), pk=pk
    )
    post = attachment.post
    forum = post.topic.forum
    if not permissions.can_download(request, forum):
        return _refuse(request)
    if not post.approved and not permissions.can_moderate(request, forum):
        raise Http404("This post is hidden.")
    return attachment_response(attachment)
