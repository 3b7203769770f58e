"""Signal handlers of the forum plugin.

Forum pages sit in core's page cache for visitors: anything they show
(forums, topics, posts, names) purges it when it changes.
"""

from machina.core.db.models import get_model

from mmn_plugins.core.signal_handlers import register_purging_model

from .models import ForumTranslation, PostAttachment


for model in (
    get_model("forum", "Forum"),
    get_model("forum_conversation", "Topic"),
    get_model("forum_conversation", "Post"),
    # Who may read which forum is cached under the same generation.
    get_model("forum_permission", "UserForumPermission"),
    get_model("forum_permission", "GroupForumPermission"),
    ForumTranslation,
    PostAttachment,
):
    register_purging_model(model)
