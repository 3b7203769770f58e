"""Debate pages and what members write on them.

A :class:`DebateIndexPage` lists the debates below it; each :class:`DebatePage`
is a question the network argues out between its opening and closing times.
Members post :class:`DebateComment` rows (django-comments-xtd comments): an
argument at level 0 with a stance, replies threaded below it.

Comments are keyed on the page's ``translation_key``, so every language
version of a debate shows the same thread; each comment remembers the
language it was written in. What changes as people take part (supports,
flags, follows, the conclusion) lives in rows of its own rather than on the
page, so publishing an older revision of the page never brings back stale
counts or undoes a conclusion.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from mmn_plugins.core.sanitise import render_markdown

from .routes import DebateRoutes


class Stance(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    NEUTRAL = "neutral", _("Neutral")


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class HiddenReason(models.TextChoices):
    VISIBLE = "", _("Visible")
    PENDING = "pending", _("Waiting for approval")
    FLAGGED = "flagged", _("Hidden after flags, pending review")
    MODERATOR = "moderator", _("Hidden by a moderator")


class DebateIndexPage(Page):
    """The list of debates: open ones first, then upcoming, then closed."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["mmn_debates.DebatePage"]
    template = "mmn_debates/debate_index_page.html"

    class Meta:
        verbose_name = _("debate index page")
        verbose_name_plural = _("debate index pages")

    def get_context(self, request, *args, **kwargs):
        from .listing import debates_by_status

        context = super().get_context(request, *args, **kwargs)
        context["debate_groups"] = debates_by_status(self)
        return context


class DebatePage(DebateRoutes, RoutablePageMixin, Page):
    """One debate: a question, its background and the members' arguments.

    Editors write the question, the background and the window; moderators
    named here (and anyone with the moderation permission) close the debate
    with a conclusion, which then shows at the top with the final counts.
    """

    question = models.TextField(
        _("question or motion"),
        help_text=_("What the network argues about, in one or two sentences."),
    )
    background = StreamField(
        [
            ("paragraph", blocks.RichTextBlock(label=_("Paragraph"))),
            ("quote", blocks.BlockQuoteBlock(label=_("Quote"))),
            ("document", DocumentChooserBlock(label=_("Document"))),
        ],
        verbose_name=_("background"),
        blank=True,
    )
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"))
    pre_moderation = models.BooleanField(
        _("pre-moderation"),
        default=False,
        help_text=_("Every comment waits for a moderator's approval before it shows."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("background"),
        MultiFieldPanel(
            [
                FieldPanel("opens_at"),
                FieldPanel("closes_at"),
                FieldPanel("pre_moderation"),
            ],
            heading=_("Window and moderation"),
        ),
        InlinePanel("moderators", label=_("Moderators")),
        InlinePanel("links", label=_("Linked resources and pages")),
    ]
    search_fields = Page.search_fields + [index.SearchField("question")]
    parent_page_types = ["mmn_debates.DebateIndexPage"]
    subpage_types = []
    template = "mmn_debates/debate_page.html"

    class Meta:
        verbose_name = _("debate")
        verbose_name_plural = _("debates")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("A debate must close after it opens.")}
            )

    def get_absolute_url(self):
        # django-comments-xtd asks the commented object for its address.
        return self.get_url()

    @cached_property
    def outcome(self):
        """The conclusion and final counts, once a moderator closed the debate."""
        return DebateOutcome.objects.filter(debate_key=self.translation_key).first()

    def status_at(self, moment=None, outcome=None):
        """Upcoming, open or closed at ``moment`` (now by default)."""
        outcome = self.outcome if outcome is None else outcome
        if outcome:
            return Status.CLOSED
        moment = moment or timezone.now()
        if moment < self.opens_at:
            return Status.UPCOMING
        if moment >= self.closes_at:
            return Status.CLOSED
        return Status.OPEN

    @property
    def status(self):
        return self.status_at()

    @property
    def is_open(self):
        return self.status == Status.OPEN

    def status_label(self):
        return Status(self.status).label

    def comments(self):
        """Every comment of this debate, in every language, in thread order."""
        return DebateComment.objects.filter(debate_key=self.translation_key)

    def moderator_ids(self):
        return {row.user_id for row in self.moderators.all()}

    def may_moderate(self, user):
        """Whether ``user`` moderates this debate (named here, or by permission)."""
        if not user.is_authenticated or not user.is_active:
            return False
        return (
            user.has_perm("mmn_debates.moderate_debates")
            or user.pk in self.moderator_ids()
        )

    def translation_in(self, language):
        """This debate's live page in ``language``, or this page when none."""
        return (
            DebatePage.objects.live()
            .filter(
                translation_key=self.translation_key,
                locale__language_code=language,
            )
            .first()
            or self
        )


class DebateModerator(Orderable):
    page = ParentalKey(DebatePage, on_delete=models.CASCADE, related_name="moderators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        verbose_name = _("moderator")
        verbose_name_plural = _("moderators")


class DebateLink(Orderable):
    """A page of the site (a library resource, a news item) linked to a debate."""

    page = ParentalKey(DebatePage, on_delete=models.CASCADE, related_name="links")
    linked_page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the page's own title."),
    )

    panels = [FieldPanel("linked_page"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("linked page")
        verbose_name_plural = _("linked pages")

    def display_title(self):
        return self.title or self.linked_page.title


class DebateCommentQuerySet(models.QuerySet):
    def arguments(self):
        return self.filter(level=0)

    def shown(self):
        """Comments every reader sees: approved, not hidden, not removed."""
        return self.filter(is_public=True, is_removed=False)


class DebateComment(XtdComment):
    """An argument (level 0, with a stance) or a reply threaded below one.

    django-comments-xtd keeps the threading (``thread_id``, ``parent_id``,
    ``level``, ``order``, ``nested_count``). Changes to an existing comment go
    through ``QuerySet.update``: xtd's ``pre_save`` handler re-publishes
    every reply below a comment each time it is saved, which would publish
    replies still waiting for approval.
    """

    debate_key = models.UUIDField(_("debate"), db_index=True, editable=False)
    stance = models.CharField(
        _("stance"), max_length=10, choices=Stance.choices, blank=True
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    # The comment as core's sanitiser renders it, kept beside the text as
    # written (as the forum keeps its posts): a long debate is then shown
    # without running Markdown over every comment on every view.
    body_html = models.TextField(_("rendered comment"), blank=True, editable=False)
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    hidden_reason = models.CharField(
        _("why hidden"),
        max_length=10,
        choices=HiddenReason.choices,
        blank=True,
        default=HiddenReason.VISIBLE,
    )

    debate_objects = DebateCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("debate comment")
        verbose_name_plural = _("debate comments")
        permissions = [("moderate_debates", _("Can moderate debates"))]

    def __str__(self):
        return f"{self.pk}: {self.comment[:50]}"

    def get_absolute_url(self, anchor_pattern="#c%(id)s"):
        page = DebatePage.objects.filter(pk=self.object_pk).first()
        base = page.get_url() if page else ""
        return (base or "") + anchor_pattern % self.__dict__

    def rendered(self):
        """The comment's safe HTML (rendered now if no copy was kept)."""
        if self.body_html:
            return mark_safe(self.body_html)  # Made by core's sanitiser.
        return render_markdown(self.comment)

    @property
    def is_argument(self):
        return self.level == 0

    @property
    def is_waiting(self):
        return self.hidden_reason == HiddenReason.PENDING


class Support(models.Model):
    """One member supporting one argument or reply; withdrawn by deleting it."""

    comment = models.ForeignKey(
        DebateComment, on_delete=models.CASCADE, related_name="supports"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "member"], name="mmn_debates_one_support"
            )
        ]

    def __str__(self):
        return f"{self.member_id} supports {self.comment_id}"


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Abusive, hateful or harassing")
    OFF_TOPIC = "off_topic", _("Off topic")
    PERSONAL_DATA = "personal_data", _("Reveals someone's personal data")
    OTHER = "other", _("Something else")


class Flag(models.Model):
    """A member asking moderators to look at a comment, and why."""

    comment = models.ForeignKey(
        DebateComment, on_delete=models.CASCADE, related_name="debate_flags"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("flagged at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "member"], name="mmn_debates_one_flag"
            )
        ]

    def __str__(self):
        return f"{self.member_id} flagged {self.comment_id}: {self.reason}"


class Follow(models.Model):
    """A member who wants an e-mail for each new argument in a debate."""

    debate_key = models.UUIDField(_("debate"), db_index=True)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("followed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["debate_key", "member"], name="mmn_debates_one_follow"
            )
        ]

    def __str__(self):
        return f"{self.member_id} follows {self.debate_key}"


class DebateOutcome(models.Model):
    """How a debate ended: the moderator's conclusion and the final counts."""

    debate_key = models.UUIDField(_("debate"), unique=True)
    conclusion = models.TextField(_("conclusion"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("concluded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    concluded_at = models.DateTimeField(_("concluded at"), default=timezone.now)
    for_count = models.PositiveIntegerField(_("arguments for"), default=0)
    against_count = models.PositiveIntegerField(_("arguments against"), default=0)
    neutral_count = models.PositiveIntegerField(_("neutral arguments"), default=0)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    participant_count = models.PositiveIntegerField(_("participants"), default=0)

    class Meta:
        verbose_name = _("debate outcome")
        verbose_name_plural = _("debate outcomes")

    def __str__(self):
        return f"{self.debate_key}: {self.conclusion[:50]}"


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("Approved")
    HIDE = "hide", _("Hidden")
    RESTORE = "restore", _("Restored")
    DELETE = "delete", _("Deleted")
    AUTO_HIDE = "auto_hide", _("Hidden after flags")
    DISMISS_FLAGS = "dismiss", _("Flags dismissed")
    CLOSE = "close", _("Debate closed")


class ModerationLogEntry(models.Model):
    """One moderation action, kept for the log in the Wagtail admin."""

    debate_key = models.UUIDField(_("debate"), db_index=True)
    comment = models.ForeignKey(
        DebateComment,
        verbose_name=_("comment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the site acted by itself (hiding after flags)."),
    )
    action = models.CharField(
        _("action"), max_length=20, choices=ModerationAction.choices
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} {self.comment_id} by {self.actor_id}"


def stance_counts(debate_keys):
    """``{debate_key: {"for": n, "against": n, "neutral": n, "latest": dt}}``.

    Counts shown arguments; ``latest`` is the newest shown comment. One query
    for any number of debates.
    """
    rows = (
        DebateComment.debate_objects.shown()
        .filter(debate_key__in=list(debate_keys))
        .values("debate_key")
        .annotate(
            for_count=Count("pk", filter=Q(level=0, stance=Stance.FOR)),
            against_count=Count("pk", filter=Q(level=0, stance=Stance.AGAINST)),
            neutral_count=Count("pk", filter=Q(level=0, stance=Stance.NEUTRAL)),
            reply_count=Count("pk", filter=Q(level__gt=0)),
            latest=Max("submit_date"),
        )
    )
    return {row["debate_key"]: row for row in rows}
