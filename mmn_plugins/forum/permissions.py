"""Who may do what in which forum.

machina's per-forum permissions say what visitors, signed-in accounts and
each auth group may do in a forum (read it, start topics, reply, moderate).
On top of them, only members of the network (core's ``is_member``) may
write: an account that signed in but belongs to no member organisation reads
like a visitor. ``setup_forum_permissions`` writes the default set.
"""

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.cache import caches
from machina.core.db.models import get_model
from machina.core.loading import get_class

from mmn_plugins.core import settings as core_settings
from mmn_plugins.core.cache import generation_cache_key
from mmn_plugins.core.membership import is_member
from mmn_plugins.core.registry import Audience

from . import settings as forum_settings


ForumPermission = get_model("forum_permission", "ForumPermission")
GroupForumPermission = get_model("forum_permission", "GroupForumPermission")
UserForumPermission = get_model("forum_permission", "UserForumPermission")
PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")

READ_PERMISSIONS = ("can_see_forum", "can_read_forum", "can_download_file")
WRITE_PERMISSIONS = (
    "can_start_new_topics",
    "can_reply_to_topics",
    "can_edit_own_posts",
    "can_post_without_approval",
    "can_attach_file",
)
READABLE_CACHE_SECONDS = 300
MODERATION_PERMISSIONS = (
    "can_lock_topics",
    "can_move_topics",
    "can_edit_posts",
    "can_delete_posts",
    "can_approve_posts",
    "can_reply_to_locked_topics",
    "can_post_stickies",
    "can_post_announcements",
)


def handler_for(request):
    """machina's permission handler, one per request (it caches its answers)."""
    handler = getattr(request, "_mmn_forum_permissions", None)
    if handler is None:
        handler = PermissionHandler()
        request._mmn_forum_permissions = handler
    return handler


def readable_forum_ids(request):
    """Ids of the forums the reader may see and read.

    machina works this out in Python over every forum and permission row,
    which grows with the forums; the answer is kept in the cache for readers
    with the same account and groups, under the page cache generation, which
    any change to a forum or a permission purges.
    """
    cached = getattr(request, "_mmn_forum_readable_ids", None)
    if cached is None:
        cache = caches[core_settings.get("MMN_CORE_PAGE_CACHE_ALIAS")]
        key = generation_cache_key("mmn_forum_readable", _identity(request.user))
        cached = cache.get(key)
        if cached is None:
            cached = _compute_readable_forum_ids(request)
            cache.set(key, cached, timeout=READABLE_CACHE_SECONDS)
        request._mmn_forum_readable_ids = cached
    return cached


def _identity(user):
    """What machina's answer depends on: the account, its flags and groups."""
    if not user.is_authenticated:
        return "anonymous"
    group_ids = sorted(user.groups.values_list("pk", flat=True))
    flags = f"{int(user.is_superuser)}{int(user.is_active)}"
    return f"user{user.pk}:{flags}:{'.'.join(map(str, group_ids))}"


def _compute_readable_forum_ids(request):
    handler = handler_for(request)
    forums = handler._get_all_forums()
    if request.user.is_superuser:
        return {forum.pk for forum in forums}
    # The handler's public filters re-read the whole tree on each call; this
    # private one answers for every forum at once.
    granted = handler._get_forums_for_user(
        request.user, ["can_see_forum", "can_read_forum"], True
    )
    return {forum.pk for forum in granted}


def can_read(request, forum):
    return forum.pk in readable_forum_ids(request)


def _has(request, forum, codename):
    handler = handler_for(request)
    return handler._perform_basic_permission_check(forum, request.user, codename)


def can_start_topic(request, forum):
    return (
        forum.is_forum
        and can_read(request, forum)
        and is_member(request.user)
        and _has(request, forum, "can_start_new_topics")
    )


def can_reply(request, topic):
    if not can_read(request, topic.forum) or not is_member(request.user):
        return False
    if not topic.approved and not can_moderate(request, topic.forum):
        return False
    return handler_for(request).can_add_post(topic, request.user)


def can_attach(request, forum):
    return is_member(request.user) and _has(request, forum, "can_attach_file")


def can_download(request, forum):
    return can_read(request, forum) and _has(request, forum, "can_download_file")


def can_moderate(request, forum):
    user = request.user
    return user.is_authenticated and _has(request, forum, "can_approve_posts")


def can_report(request, post):
    return is_member(request.user) and post.poster_id != request.user.pk


def can_edit(request, post):
    if not is_member(request.user):
        return False
    return handler_for(request).can_edit_post(post, request.user)


def moderated_forum_ids(request):
    """Ids of the forums whose posts the reader moderates."""
    if not request.user.is_authenticated:
        return set()
    handler = handler_for(request)
    return {forum.pk for forum in handler.get_moderation_queue_forums(request.user)}


# Default permission set ---------------------------------------------------


def _permissions(codenames):
    return {
        permission.codename: permission
        for permission in ForumPermission.objects.filter(codename__in=codenames)
    }


def _grant_user_wide(codenames, forum=None, has_perm=True, **who):
    for permission in _permissions(codenames).values():
        UserForumPermission.objects.update_or_create(
            permission=permission,
            forum=forum,
            user=None,
            **who,
            defaults={"has_perm": has_perm},
        )


def _grant_group(group, codenames, forum=None, has_perm=True):
    for permission in _permissions(codenames).values():
        GroupForumPermission.objects.update_or_create(
            permission=permission,
            forum=forum,
            group=group,
            defaults={"has_perm": has_perm},
        )


def install_default_permissions():
    """Write the default permission set; running it again changes nothing.

    Visitors and signed-in accounts read every forum that is not private;
    signed-in accounts may write (the plugin lets only members do so); the
    moderators' group may do everything in every forum.
    """
    from machina.apps.forum_permission.receivers import create_permissions

    create_permissions()  # machina makes its codenames after migrate; be sure.
    _grant_user_wide(READ_PERMISSIONS, anonymous_user=True, authenticated_user=False)
    _grant_user_wide(
        READ_PERMISSIONS + WRITE_PERMISSIONS,
        anonymous_user=False,
        authenticated_user=True,
    )
    moderators, _created = Group.objects.get_or_create(
        name=forum_settings.get("MMN_FORUM_MODERATOR_GROUP")
    )
    _grant_group(
        moderators, READ_PERMISSIONS + WRITE_PERMISSIONS + MODERATION_PERMISSIONS
    )
    _let_moderators_use_the_admin(moderators)
    return moderators


def _let_moderators_use_the_admin(moderators):
    """The Django permissions behind the forum's screens in the Wagtail admin."""
    wanted = [
        ("wagtailadmin", "access_admin"),
        *[
            ("mmn_forum", f"{action}_{model}")
            for model in ("postreport", "moderationaction", "forumtranslation")
            for action in ("view", "change")
        ],
        ("mmn_forum", "add_forumtranslation"),
        ("mmn_forum", "delete_forumtranslation"),
    ]
    for app_label, codename in wanted:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            moderators.permissions.add(permission)


def make_private(forum, groups):
    """Let only ``groups`` (and moderators) see, read and write in ``forum``.

    Its sub-forums follow: machina hides a forum whose parent is hidden.
    """
    codenames = READ_PERMISSIONS + WRITE_PERMISSIONS
    _grant_user_wide(
        codenames, forum, has_perm=False, anonymous_user=True, authenticated_user=False
    )
    _grant_user_wide(
        codenames, forum, has_perm=False, anonymous_user=False, authenticated_user=True
    )
    for group in groups:
        _grant_group(group, codenames, forum)


def forum_audience(forum):
    """Who may read ``forum``, for the site-wide search: (audience, group ids)."""
    anonymous_request = _FakeRequest(AnonymousUser())
    if can_read(anonymous_request, forum):
        return Audience.PUBLIC, ()
    everyone_signed_in = _authenticated_users_may_read(forum)
    if everyone_signed_in:
        return Audience.MEMBERS, ()
    group_ids = GroupForumPermission.objects.filter(
        forum=forum, permission__codename="can_read_forum", has_perm=True
    ).values_list("group_id", flat=True)
    moderators = Group.objects.filter(
        name=forum_settings.get("MMN_FORUM_MODERATOR_GROUP")
    ).values_list("pk", flat=True)
    return Audience.GROUPS, tuple(sorted({*group_ids, *moderators}))


def _authenticated_users_may_read(forum):
    rows = UserForumPermission.objects.filter(
        authenticated_user=True, permission__codename="can_read_forum"
    ).filter(forum__in=[forum, *forum.get_ancestors()]) | (
        UserForumPermission.objects.filter(
            authenticated_user=True,
            permission__codename="can_read_forum",
            forum__isnull=True,
        )
    )
    rows = list(rows)
    if any(not row.has_perm and row.forum_id for row in rows):
        return False
    return any(row.has_perm for row in rows)


class _FakeRequest:
    """Enough of a request for the permission helpers outside a view."""

    def __init__(self, user):
        self.user = user
