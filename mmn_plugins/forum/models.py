"""What the forum adds to django-machina's models.

machina keeps forums, topics and posts; this plugin adds what the network
needs around them: names and descriptions in every language, subscriptions
with the language their e-mails go out in, members' reports, the moderators'
log, and attachments kept in private storage.
"""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import settings as forum_settings


def language_choices():
    return list(settings.LANGUAGES)


class ForumTranslation(models.Model):
    """A forum's or category's name and description in one language.

    machina stores one name per forum; readers see the one of their language
    and, without it, machina's own. Editors manage them in the Wagtail admin
    under Forum › Forum names.
    """

    forum = models.ForeignKey(
        "forum.Forum",
        on_delete=models.CASCADE,
        related_name="mmn_translations",
        verbose_name=_("forum"),
    )
    language = models.CharField(_("language"), max_length=10, choices=language_choices)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Markdown: emphasis, links and lists."),
    )

    class Meta:
        verbose_name = _("forum name")
        verbose_name_plural = _("forum names")
        ordering = ["forum__tree_id", "forum__lft", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "language"], name="mmn_forum_one_name_per_language"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"


class ForumSubscription(models.Model):
    """A member who gets an e-mail for every new topic and reply in a forum."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mmn_forum_subscriptions",
    )
    forum = models.ForeignKey(
        "forum.Forum", on_delete=models.CASCADE, related_name="mmn_subscriptions"
    )
    language = models.CharField(_("language of the e-mails"), max_length=10)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum subscription")
        verbose_name_plural = _("forum subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "forum"], name="mmn_forum_one_forum_subscription"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.forum}"


class TopicSubscription(models.Model):
    """A member who gets an e-mail for every reply in a topic."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mmn_topic_subscriptions",
    )
    topic = models.ForeignKey(
        "forum_conversation.Topic",
        on_delete=models.CASCADE,
        related_name="mmn_subscriptions",
    )
    language = models.CharField(_("language of the e-mails"), max_length=10)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("topic subscription")
        verbose_name_plural = _("topic subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic"], name="mmn_forum_one_topic_subscription"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.topic}"


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Abusive, hateful or threatening")
    PERSONAL_DATA = "personal_data", _("Shares someone's personal data")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Something else")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a moderator")
    UPHELD = "upheld", _("Upheld: the post stays hidden")
    DISMISSED = "dismissed", _("Dismissed: the post is shown")


class PostReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ReportStatus.OPEN)


class PostReport(models.Model):
    """A member's report that a post breaks the forum's rules.

    Open reports make the moderators' queue; once enough members have
    reported a post (``MMN_FORUM_REPORTS_TO_HIDE``), it is hidden until a
    moderator decides.
    """

    post = models.ForeignKey(
        "forum_conversation.Post",
        on_delete=models.CASCADE,
        related_name="mmn_reports",
        verbose_name=_("post"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mmn_forum_reports",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason)
    details = models.TextField(_("details"), blank=True, max_length=1000)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReportStatus,
        default=ReportStatus.OPEN,
        db_index=True,
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    objects = PostReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("post report")
        verbose_name_plural = _("post reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], name="mmn_forum_one_report_per_member"
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post_id}"


class ModerationActionKind(models.TextChoices):
    AUTO_HIDDEN = "auto_hidden", _("Hidden after reports")
    HIDDEN = "hidden", _("Hidden by a moderator")
    RESTORED = "restored", _("Shown again")
    DISMISSED = "dismissed", _("Reports dismissed")
    LOCKED = "locked", _("Topic locked")
    UNLOCKED = "unlocked", _("Topic unlocked")


class ModerationAction(models.Model):
    """One entry of the moderation log: who did what to which post, and why."""

    kind = models.CharField(_("action"), max_length=20, choices=ModerationActionKind)
    post = models.ForeignKey(
        "forum_conversation.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("post"),
    )
    topic = models.ForeignKey(
        "forum_conversation.Topic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("forum discussion", "topic"),
    )
    # Kept as text, so the log still reads after the topic is deleted.
    topic_subject = models.CharField(
        pgettext_lazy("forum discussion", "topic"), max_length=255, blank=True
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderator"),
        help_text=_("Empty when the forum acted on its own."),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.topic_subject}"


class PrivateAttachmentStorage(FileSystemStorage):
    """Attachments on the local disk, in a folder no URL points to.

    The folder is read when first used (``MMN_FORUM_ATTACHMENTS_ROOT``), and
    the storage has no URL: files only leave through the download view, which
    checks access and sets the safe headers.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        configured = forum_settings.get("MMN_FORUM_ATTACHMENTS_ROOT")
        if configured:
            return str(configured)
        return str(Path(settings.MEDIA_ROOT).parent / "forum-attachments")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise NotImplementedError("Forum attachments have no public URL.")


def attachment_storage():
    """The storage of attachments: ``STORAGES["mmn_forum_attachments"]`` if set."""
    if "mmn_forum_attachments" in settings.STORAGES:
        return storages["mmn_forum_attachments"]
    return PrivateAttachmentStorage()


def attachment_path(instance, filename):
    # The stored name says nothing the uploader chose: the name readers see
    # is kept in ``filename`` and only ever sent in a header.
    extension = filename.rpartition(".")[2].lower()[:10]
    return f"forum/{uuid.uuid4().hex}.{extension}"


class PostAttachment(models.Model):
    """A file attached to a post, downloaded through the forum's own view."""

    post = models.ForeignKey(
        "forum_conversation.Post",
        on_delete=models.CASCADE,
        related_name="mmn_attachments",
    )
    file = models.FileField(
        storage=attachment_storage, upload_to=attachment_path, max_length=200
    )
    filename = models.CharField(_("file name"), max_length=160)
    size = models.PositiveIntegerField(_("size"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.filename

    @property
    def extension(self):
        return self.filename.rpartition(".")[2].lower()
