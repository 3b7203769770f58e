"""The directory's records: organisations, people, roles, working groups and
membership applications, and the directory page that shows them.

An organisation is one record for every language: its name is a proper noun,
and its filters, counts, roles and URL are the same whatever the reader's
language. Only its description is written per language (see
:class:`OrganisationDescription`); the README explains the choice.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, TranslatableMixin

from mmn_plugins.core.models import Topic


def language_choices():
    """The site's languages, read when a form or migration asks for them."""
    return list(settings.LANGUAGES)


def default_locale_only():
    """Choose translatable records (types, topics) in the default language only.

    By language code rather than ``Locale.get_default()``, which would query
    the database whenever a form or filter is built, at import included.
    """
    return {
        "locale__language_code": get_supported_content_language_variant(
            settings.LANGUAGE_CODE
        )
    }


class Visibility(models.TextChoices):
    """Who may see one field of a person's profile."""

    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members of the network")
    HIDDEN = "hidden", _("Only me and the network's staff")


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    FORMER = "former", _("Former member")


class Language(models.Model):
    """A language an organisation works in or a person speaks.

    The rows come with the plugin's migrations; the name shown is Django's
    translation of the language's name when Django knows it.
    """

    code = models.CharField(_("code"), max_length=12, unique=True)
    name = models.CharField(_("English name"), max_length=60)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        try:
            return str(get_language_info(self.code)["name_translated"])
        except KeyError:
            return self.name


class OrganisationType(TranslatableMixin, models.Model):
    """A kind of member (NGO, public institution, academia ...): a snippet.

    Organisations point at the type in the default language; pages show the
    type's translation in the reader's language.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("order in lists"), default=100)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation type")
        verbose_name_plural = _("organisation types")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="mmn_directory_type_unique_slug"
            ),
        ]

    def __str__(self):
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def listed(self):
        """Organisations the public directory shows: published active members."""
        return self.filter(is_published=True, status=MembershipStatus.ACTIVE)


class Organisation(ClusterableModel):
    """A member organisation, listed in the directory with its own profile.

    Editors manage organisations in the Wagtail admin (Directory >
    Organisations); a focal point edits their organisation's profile on the
    site.
    """

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name or acronym"), max_length=40, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("The last part of the organisation's address in the directory."),
    )
    organisation_type = models.ForeignKey(
        OrganisationType,
        verbose_name=_("type"),
        on_delete=models.PROTECT,
        related_name="organisations",
        limit_choices_to=default_locale_only,
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    head_office_country = CountryField(_("country of the head office"))
    countries = CountryField(_("countries of operation"), multiple=True, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="organisations",
        limit_choices_to=default_locale_only,
    )
    languages = ParentalManyToManyField(
        Language,
        verbose_name=_("languages of work"),
        blank=True,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    public_email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    year_joined = models.PositiveSmallIntegerField(
        _("year joined"), null=True, blank=True
    )
    status = models.CharField(
        _("membership status"),
        max_length=12,
        choices=MembershipStatus.choices,
        default=MembershipStatus.ACTIVE,
    )
    is_published = models.BooleanField(
        _("shown in the directory"),
        default=True,
        help_text=_("Untick to keep the organisation out of the public directory."),
    )
    looking_for_partners = models.TextField(
        _("looking for partners on"),
        blank=True,
        help_text=_("What the organisation would like to work on with others."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
                    FieldPanel("organisation_type"),
                    FieldPanel("logo"),
                    InlinePanel("descriptions", label=_("Descriptions")),
                    FieldPanel("looking_for_partners"),
                ],
                heading=_("Profile"),
            ),
            ObjectList(
                [
                    FieldRowPanel(
                        [FieldPanel("head_office_country"), FieldPanel("city")]
                    ),
                    FieldPanel("countries"),
                    FieldPanel("topics"),
                    FieldPanel("languages"),
                    MultiFieldPanel(
                        [
                            FieldPanel("website"),
                            FieldPanel("public_email"),
                            FieldPanel("phone"),
                        ],
                        heading=_("Contact"),
                    ),
                ],
                heading=_("Work"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("status"), FieldPanel("year_joined")]),
                    FieldPanel("is_published"),
                    InlinePanel("roles", label=_("People and roles")),
                ],
                heading=_("Membership"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(
                fields=["is_published", "status", "name"],
                name="mmn_dir_org_listed",
            ),
            models.Index(fields=["head_office_country"], name="mmn_dir_org_country"),
        ]

    def __str__(self):
        return self.name

    @property
    def head_office_country_name(self):
        return self.head_office_country.name

    @property
    def is_listed(self):
        return self.is_published and self.status == MembershipStatus.ACTIVE

    def clean(self):
        from .pages import RESERVED_SLUGS

        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is taken by the directory itself.")}
            )

    @property
    def card_description(self):
        """The description a card shows: the list's annotation when it has one
        (see ``listing.DirectoryListing.page``), else :meth:`description_in`."""
        if hasattr(self, "card_description_text"):
            if not self.card_description_text:
                return None
            return OrganisationDescription(
                organisation_id=self.pk,
                language=self.card_description_language,
                text=self.card_description_text,
            )
        return self.description_in()

    def description_in(self, language=None):
        """The description in ``language`` (or the active one), else another one.

        Uses the prefetched descriptions when a list view has fetched them.
        """
        language = language or translation.get_language()
        descriptions = list(self.descriptions.all())
        for description in descriptions:
            if description.language == language:
                return description
        return descriptions[0] if descriptions else None


class LocalisedDescription(Orderable):
    """One language's version of a record's description (Markdown)."""

    language = models.CharField(_("language"), max_length=12, choices=language_choices)
    text = models.TextField(_("description"))

    panels = [FieldPanel("language"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.language


class OrganisationDescription(LocalisedDescription):
    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="descriptions"
    )

    class Meta(LocalisedDescription.Meta):
        verbose_name = _("organisation description")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "language"],
                name="mmn_directory_org_description_language",
            ),
        ]


class Person(models.Model):
    """A user account's profile in the directory.

    Every field has its own visibility: everyone, members of the network, or
    only the person and the network's staff. Pages never read these fields
    directly; they ask :meth:`visible_profile` for what a viewer may see.
    """

    # The fields whose visibility the person chooses, in display order.
    PROFILE_FIELDS = [
        "name",
        "photo",
        "job_title",
        "bio",
        "languages",
        "topics",
        "email",
        "phone",
    ]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="directory_profile",
    )
    name = models.CharField(_("name"), max_length=150)
    name_visibility = models.CharField(
        _("who sees my name"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_visibility = models.CharField(
        _("who sees my photo"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    job_title = models.CharField(_("position"), max_length=150, blank=True)
    job_title_visibility = models.CharField(
        _("who sees my position"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    bio = models.TextField(_("about me"), blank=True)
    bio_visibility = models.CharField(
        _("who sees what I wrote about me"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages I speak"), blank=True, related_name="+"
    )
    languages_visibility = models.CharField(
        _("who sees my languages"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("topics I work on"),
        blank=True,
        related_name="+",
        limit_choices_to=default_locale_only,
    )
    topics_visibility = models.CharField(
        _("who sees my topics"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    email_visibility = models.CharField(
        _("who sees my e-mail"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_visibility = models.CharField(
        _("who sees my phone"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.HIDDEN,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def visible_profile(self, audience, viewer=None):
        """What ``audience`` (a :class:`Visibility` value) may see of this person.

        ``Visibility.PUBLIC`` is the anonymous visitor, ``MEMBERS`` a member of
        the network, ``HIDDEN`` the network's staff; ``viewer``, when it is
        this person's own account, sees everything.
        """
        from .visibility import VisibleProfile

        return VisibleProfile.of(self, audience, viewer=viewer)


class RoleQuerySet(models.QuerySet):
    def current(self, on=None):
        """Roles held on ``on`` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=on)
        )


class Role(models.Model):
    """A person's link to an organisation, with its kind and its dates."""

    class Kind(models.TextChoices):
        FOCAL_POINT = "focal_point", _("Focal point")
        CONTACT = "contact", _("Contact")
        STAFF = "staff", _("Staff")

    organisation = ParentalKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField(
        _("role"), max_length=12, choices=Kind.choices, default=Kind.STAFF
    )
    starts_on = models.DateField(_("from"), default=datetime.date.today)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = RoleQuerySet.as_manager()

    panels = [
        FieldPanel("person"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["kind", "starts_on"]
        indexes = [
            models.Index(fields=["person", "kind"], name="mmn_dir_role_person_kind")
        ]

    def __str__(self):
        return f"{self.person} – {self.get_kind_display()} – {self.organisation}"


class WorkingGroup(ClusterableModel):
    """A working group of member organisations on one topic, with its page."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_locale_only,
    )
    coordinating_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("coordinating organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinated_groups",
    )
    member_organisations = ParentalManyToManyField(
        Organisation,
        verbose_name=_("member organisations"),
        blank=True,
        related_name="working_groups",
    )
    is_active = models.BooleanField(_("active"), default=True)
    auth_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("group of its people"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="mmn_working_group",
        help_text=_(
            "Kept in sync with the group's focal points and the people of its "
            "member organisations, so other plugins (a private forum) can use it."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("topic"),
        InlinePanel("descriptions", label=_("Descriptions")),
        FieldPanel("coordinating_organisation"),
        FieldPanel("member_organisations"),
        InlinePanel("focal_points", label=_("Focal points")),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["name"]

    def __str__(self):
        return self.name

    description_in = Organisation.description_in

    def save(self, *args, **kwargs):
        # Modelcluster saves the member organisations and focal points after
        # the row itself (and after post_save): sync the group once they are in.
        super().save(*args, **kwargs)
        from .working_groups import sync_working_group

        sync_working_group(self)


class WorkingGroupDescription(LocalisedDescription):
    working_group = ParentalKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="descriptions"
    )

    class Meta(LocalisedDescription.Meta):
        verbose_name = _("working group description")
        constraints = [
            models.UniqueConstraint(
                fields=["working_group", "language"],
                name="mmn_directory_group_description_language",
            ),
        ]


class WorkingGroupFocalPoint(Orderable):
    working_group = ParentalKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="focal_points"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="working_group_roles",
    )
    starts_on = models.DateField(_("from"), default=datetime.date.today)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = RoleQuerySet.as_manager()

    panels = [
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("working group focal point")
        verbose_name_plural = _("working group focal points")


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    INFORMATION_REQUESTED = "information_requested", _("More information requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


PENDING_STATUSES = [
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.INFORMATION_REQUESTED,
]


def new_answer_token():
    return secrets.token_urlsafe(32)


class MembershipApplication(models.Model):
    """An organisation's application to join the network.

    Sent through the directory page's public form; moderators review it in
    the Wagtail admin (Directory > Applications), where each step is recorded
    as an :class:`ApplicationEvent`.
    """

    status = models.CharField(
        _("status"),
        max_length=24,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )

    organisation_name = models.CharField(_("organisation's name"), max_length=200)
    organisation_short_name = models.CharField(
        _("short name or acronym"), max_length=40, blank=True
    )
    organisation_type = models.ForeignKey(
        OrganisationType,
        verbose_name=_("type of organisation"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    head_office_country = CountryField(_("country of the head office"))
    countries = CountryField(_("countries of operation"), multiple=True, blank=True)
    city = models.CharField(_("city"), max_length=120)
    website = models.URLField(_("website"), blank=True)
    organisation_email = models.EmailField(
        _("organisation's public e-mail"), blank=True
    )
    organisation_phone = models.CharField(
        _("organisation's phone"), max_length=40, blank=True
    )
    description = models.TextField(_("what the organisation does"))
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Re-encoded when uploaded; becomes the organisation's logo."),
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="+"
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages of work"), blank=True, related_name="+"
    )

    applicant_name = models.CharField(_("your name"), max_length=150)
    applicant_email = models.EmailField(_("your e-mail"))
    applicant_job_title = models.CharField(_("your position"), max_length=150)
    applicant_language = models.CharField(
        _("language for our messages"),
        max_length=12,
        choices=language_choices,
        default="en",
    )

    motivation = models.TextField(_("why the organisation wants to join"))
    consent_given_at = models.DateTimeField(_("privacy notice accepted"))

    answer_token = models.CharField(
        max_length=64, unique=True, default=new_answer_token, editable=False
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation created"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at"]
        constraints = [
            # The same e-mail cannot stack pending applications, even in a race.
            models.UniqueConstraint(
                Lower("applicant_email"),
                condition=models.Q(status__in=PENDING_STATUSES),
                name="mmn_directory_one_pending_application_per_email",
            ),
        ]

    def __str__(self):
        return self.organisation_name

    @property
    def is_pending(self):
        return self.status in PENDING_STATUSES


class ApplicationEvent(models.Model):
    """One step of an application: who moved it, when, and their message."""

    application = models.ForeignKey(
        MembershipApplication, on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(
        _("from"), max_length=24, choices=ApplicationStatus.choices, blank=True
    )
    to_status = models.CharField(
        _("to"), max_length=24, choices=ApplicationStatus.choices
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("application step")
        verbose_name_plural = _("application steps")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application} → {self.get_to_status_display()}"


# The page type lives in its own module with its routes; importing it here lets
# Django find it among this app's models.
from .pages import DirectoryPage  # noqa: E402, F401
