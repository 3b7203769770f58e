"""The e-library's page types and the records hanging off a resource.

A :class:`LibraryPage` is the index readers browse; each :class:`ResourcePage`
under it describes one resource (a report, a toolkit, a video ...) and holds
its files, one per language, in :class:`ResourceFile` rows.
"""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import settings as library_settings
from .routes import LibraryRoutes, ResourceRoutes


class ResourceType(models.TextChoices):
    """What kind of resource a page describes.

    Fixed choices rather than an editable snippet: each type maps to a BibTeX,
    RIS and CSL type in the citation exports, and a type added by an editor
    would have no mapping; the labels are translated with the interface.
    """

    POLICY_PAPER = "policy_paper", _("Policy paper")
    DISCUSSION_PAPER = "discussion_paper", _("Discussion paper")
    REPORT = "report", _("Report")
    STUDY = "study", _("Study")
    EDUCATIONAL = "educational", _("Educational material")
    TOOLKIT = "toolkit", _("Toolkit")
    PRESENTATION = "presentation", _("Presentation")
    VIDEO = "video", _("Video")
    PRESS_KIT = "press_kit", _("Press kit")
    LEGAL_TEXT = "legal_text", _("Legal text")


class Access(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_NC = "cc-by-nc-4.0", _("Creative Commons Attribution-NonCommercial 4.0")
    CC_BY_NC_ND = (
        "cc-by-nc-nd-4.0",
        _("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0"),
    )
    CC0 = "cc0-1.0", _("Public domain (CC0 1.0)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
    OTHER = "other", _("Other (see the resource)")


def language_choices():
    """The site's languages, read when a form or check asks for them."""
    return list(settings.LANGUAGES)


def organisation_choices():
    """Organisations an author may be linked to, when a site names their model.

    ``MMN_LIBRARY_ORGANISATION_MODEL`` names it ("mmn_directory.Organisation");
    the library never imports the plugin that owns it.
    """
    model = organisation_model()
    if model is None:
        return [("", "---------")]
    return [("", "---------")] + [(obj.pk, str(obj)) for obj in model.objects.all()]


def organisation_model():
    label = library_settings.get("MMN_LIBRARY_ORGANISATION_MODEL")
    if not label:
        return None
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _organisation_link(record):
    if record is None:
        return None
    for method in ("get_url", "get_absolute_url"):
        if hasattr(record, method):
            return {"name": str(record), "url": getattr(record, method)()}
    return {"name": str(record), "url": ""}


validate_web_url = URLValidator(schemes=["http", "https"])


class LibraryPage(LibraryRoutes, RoutablePageMixin, Page):
    """The e-library's index, one per language.

    Readers narrow the resources below it by type, topic, country, language,
    year and access, search them, sort them, export the list as citations and
    follow new resources through RSS or Atom (see :mod:`.routes`).
    """

    introduction = models.TextField(_("introduction"), blank=True)
    resources_per_page = models.PositiveSmallIntegerField(
        _("resources per page"), default=20
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("resources_per_page"),
    ]
    subpage_types = ["mmn_library.ResourcePage"]
    template = "mmn_library/library_page.html"

    class Meta:
        verbose_name = _("library page")
        verbose_name_plural = _("library pages")

    def resources(self):
        """The live, public resource pages of this library, in any order."""
        return ResourcePage.objects.child_of(self).live().public()


class ResourceKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "mmn_library.ResourcePage",
        on_delete=models.CASCADE,
        related_name="tagged_keywords",
    )


class ResourcePage(ResourceRoutes, RoutablePageMixin, Page):
    """One resource of the e-library: its description and its files.

    Everyone reads the description; files of a members-only resource are
    served to logged-in members only. Each file is one language version; the
    page offers the reader's language first.
    """

    summary = models.TextField(_("summary"))
    resource_type = models.CharField(
        _("type of resource"), max_length=30, choices=ResourceType.choices
    )
    topics = ParentalManyToManyField(
        "mmn_core.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="library_resources",
    )
    countries = CountryField(_("countries covered"), multiple=True, blank=True)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    publication_date = models.DateField(
        _("publication date"), default=timezone.localdate
    )
    keywords = ClusterTaggableManager(
        through=ResourceKeyword, verbose_name=_("keywords"), blank=True
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    licence = models.CharField(
        _("licence"), max_length=30, choices=Licence.choices, blank=True
    )
    access = models.CharField(
        _("access"),
        max_length=10,
        choices=Access.choices,
        default=Access.PUBLIC,
        help_text=_(
            "Everyone reads the summary; files of a members-only resource are "
            "offered to logged-in members only."
        ),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="library_submissions",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("resource_type"),
        InlinePanel("files", label=_("Files by language"), min_num=0),
        InlinePanel("authors", label=_("Authors")),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldPanel("publication_date"),
                FieldPanel("licence"),
                FieldPanel("access"),
            ],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries"),
                FieldPanel("keywords"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("cover_image"),
        InlinePanel("related_links", label=_("Related resources")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("publisher"),
        index.RelatedFields("authors", [index.SearchField("family_name")]),
        index.RelatedFields("keywords", [index.SearchField("name")]),
        index.FilterField("resource_type"),
        index.FilterField("access"),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["mmn_library.LibraryPage"]
    subpage_types = []
    template = "mmn_library/resource_page.html"

    class Meta:
        verbose_name = _("library resource")
        verbose_name_plural = _("library resources")

    @property
    def is_members_only(self):
        return self.access == Access.MEMBERS

    @cached_property
    def file_list(self):
        """The files with their documents, from the caller's prefetch if any."""
        if "files" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.files.all())
        return list(self.files.select_related("document"))

    @cached_property
    def author_list(self):
        return list(self.authors.all())

    @cached_property
    def keyword_names(self):
        return [tag.name for tag in self.keywords.all()]

    def files_for_reader(self, language=None):
        """This resource's files, the reader's language first, then the others."""
        language = language or translation.get_language() or ""
        return sorted(self.file_list, key=lambda file: file.language != language[:2])

    def file_in(self, language):
        return next((f for f in self.file_list if f.language == language), None)

    def may_download(self, user):
        """Whether ``user`` may receive this resource's files: anyone for a
        public resource, members of the network (core's rule) otherwise."""
        from mmn_plugins.core.membership import is_member

        return not self.is_members_only or is_member(user)

    def author_names(self):
        return [author.display_name for author in self.author_list]

    def authors_with_organisations(self):
        """``(author, link)`` pairs; ``link`` has the organisation's name and url.

        ``link`` is None unless the author points to a record of
        ``MMN_LIBRARY_ORGANISATION_MODEL`` that still exists.
        """
        authors = self.author_list
        model = organisation_model()
        ids = {author.organisation_id for author in authors if author.organisation_id}
        records = model.objects.in_bulk(ids) if model and ids else {}
        return [
            (author, _organisation_link(records.get(author.organisation_id)))
            for author in authors
        ]


class ResourceFile(Orderable):
    """One language version of a resource: a Wagtail document or a web link."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=10, choices=language_choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    external_url = models.URLField(
        _("or a link to it elsewhere"),
        max_length=500,
        blank=True,
        validators=[validate_web_url],
    )
    title = models.CharField(
        _("title in this language"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty when it is the resource's title."),
    )
    abstract = models.TextField(
        _("abstract in this language"),
        blank=True,
        help_text=_("Leave empty when it is the resource's summary."),
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("document"),
        FieldPanel("external_url"),
        FieldPanel("title"),
        FieldPanel("abstract"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return f"{self.page_id}/{self.language}"

    def clean(self):
        if bool(self.document_id) == bool(self.external_url):
            raise ValidationError(
                _("Give either a document or a link for each language, not both.")
            )

    @property
    def is_link(self):
        return not self.document_id

    @property
    def language_name(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)

    @property
    def display_title(self):
        return self.title or self.page.title

    @property
    def display_abstract(self):
        return self.abstract or self.page.summary

    @property
    def extension(self):
        if self.document_id is None:
            return ""
        return self.document.file_extension.lower()


class ResourceAuthor(Orderable):
    """A person who wrote the resource, in the order of the byline.

    The organisation is the author's affiliation as printed; it can also point
    to a record of the organisations' model named by
    ``MMN_LIBRARY_ORGANISATION_MODEL`` (the member directory's), which the
    library reaches through the app registry only.
    """

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="authors")
    given_names = models.CharField(_("given names"), max_length=120, blank=True)
    family_name = models.CharField(_("family name"), max_length=120)
    organisation_name = models.CharField(
        _("organisation (as printed)"), max_length=255, blank=True
    )
    organisation_id = models.PositiveIntegerField(
        _("organisation in the directory"), null=True, blank=True
    )

    panels = [
        FieldPanel("given_names"),
        FieldPanel("family_name"),
        FieldPanel("organisation_name"),
        FieldPanel(
            "organisation_id", widget=forms.Select(choices=organisation_choices)
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return " ".join(part for part in [self.given_names, self.family_name] if part)


class RelatedResource(Orderable):
    page = ParentalKey(
        ResourcePage, on_delete=models.CASCADE, related_name="related_links"
    )
    resource = models.ForeignKey(
        ResourcePage,
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("resource", "mmn_library.ResourcePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")
        verbose_name_plural = _("related resources")


class DownloadCount(models.Model):
    """How many times one language version of a resource was downloaded.

    Kept apart from :class:`ResourceFile`: the files belong to the page's
    revisions, and publishing a revision would put back the count it saved.
    """

    resource = models.ForeignKey(
        ResourcePage,
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="download_counts",
    )
    language = models.CharField(_("language"), max_length=10)
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "language"],
                name="mmn_library_download_count_unique",
            )
        ]

    def __str__(self):
        return f"{self.resource_id}/{self.language}: {self.count}"

    @classmethod
    def record(cls, resource, language):
        """Count one download, safely under concurrent requests."""
        counts = cls.objects.filter(resource=resource, language=language)
        if counts.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(resource=resource, language=language, count=1)
        except IntegrityError:  # Another request created it meanwhile.
            counts.update(count=F("count") + 1)
