"""The directory's public forms: application, answer, profile, organisation,
invitation.

Every form lists the fields it accepts: anything else a request carries
(``status``, ``is_staff``, another organisation's id) is ignored. Text is
stored as written, without control characters, and rendered through core's
sanitiser.
"""

from django import forms
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mmn_plugins.core.forms import HONEYPOT_FIELD_NAME, CleanTextMixin, HoneypotField

from .applications import has_pending_application
from .images import ImageUploadField, save_as_wagtail_image
from .listing import translated_names
from .models import (
    Language,
    MembershipApplication,
    Organisation,
    OrganisationType,
    Person,
    Role,
    Topic,
    Visibility,
    language_choices,
)


class TranslatedChoicesMixin:
    """Show translatable records (types, topics) by their name in the active
    language, looked up once per form."""

    def label_from_instance(self, obj):
        names = getattr(self, "_translated_names", None)
        if names is None:
            names = self._translated_names = translated_names(
                self.queryset.model, self.queryset
            )
        return names.get(obj.pk, obj.name)


class TypeChoiceField(TranslatedChoicesMixin, forms.ModelChoiceField):
    pass


class TopicsField(TranslatedChoicesMixin, forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


def default_locale_types():
    from wagtail.models import Locale

    return OrganisationType.objects.filter(locale=Locale.get_default())


def default_locale_topics():
    from wagtail.models import Locale

    return Topic.objects.filter(locale=Locale.get_default())


def https_url_fields(model_field, **kwargs):
    """Form fields of a model form; addresses typed without a scheme get
    ``https://`` (Django 6's default, asked for now to silence its warning)."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


class StrictTextMixin(CleanTextMixin):
    """Refuse required text that held nothing but control characters, and
    long texts with a clear error rather than storing megabytes."""

    LONGEST_TEXT = 10_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = self.LONGEST_TEXT
                field.validators.append(MaxLengthValidator(self.LONGEST_TEXT))

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            value = cleaned_data.get(name)
            if field.required and isinstance(value, str) and not value.strip():
                self.add_error(name, _("Please fill in this field with real text."))
        return cleaned_data


class MembershipApplicationForm(StrictTextMixin, forms.ModelForm):
    """The public application form, in four sections (see ``SECTIONS``)."""

    SECTIONS = [
        (
            _("Your organisation"),
            [
                "organisation_name",
                "organisation_short_name",
                "organisation_type",
                "head_office_country",
                "countries",
                "city",
                "website",
                "organisation_email",
                "organisation_phone",
                "description",
                "logo_upload",
                "topics",
                "languages",
            ],
        ),
        (
            _("About you"),
            [
                "applicant_name",
                "applicant_email",
                "applicant_job_title",
                "applicant_language",
            ],
        ),
        (_("Why join the network"), ["motivation"]),
        (_("Privacy"), ["consent", HONEYPOT_FIELD_NAME]),
    ]

    organisation_type = TypeChoiceField(
        queryset=OrganisationType.objects.none(), label=_("Type of organisation")
    )
    topics = TopicsField(
        queryset=Topic.objects.none(), required=False, label=_("Topics")
    )
    languages = forms.ModelMultipleChoiceField(
        queryset=Language.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Languages of work"),
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that the network keeps "
            "these details to review the application."
        ),
    )
    logo_upload = ImageUploadField(
        label=_("Logo"),
        required=False,
        help_text=_("Optional. A JPEG, PNG, GIF or WebP picture."),
    )
    website_url = HoneypotField()

    class Meta:
        model = MembershipApplication
        formfield_callback = https_url_fields
        fields = [
            "organisation_name",
            "organisation_short_name",
            "organisation_type",
            "head_office_country",
            "countries",
            "city",
            "website",
            "organisation_email",
            "organisation_phone",
            "description",
            "topics",
            "languages",
            "applicant_name",
            "applicant_email",
            "applicant_job_title",
            "applicant_language",
            "motivation",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
            "motivation": forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
            "countries": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {
            "description": _("Plain text or simple Markdown; no HTML."),
            "countries": _("Hold Ctrl (or Cmd) to choose several."),
        }

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_type"].queryset = default_locale_types()
        self.fields["topics"].queryset = default_locale_topics()
        self.fields["applicant_language"].choices = language_choices()
        if language and not self.is_bound:
            self.initial.setdefault("applicant_language", language)
        for name in ["organisation_name", "city", "applicant_name", "motivation"]:
            self.fields[name].widget.attrs["dir"] = "auto"

    def sections(self):
        """(heading, bound fields) pairs, in the order the form shows them."""
        return [
            (heading, [self[name] for name in names])
            for heading, names in self.SECTIONS
        ]

    def clean_applicant_email(self):
        email = self.cleaned_data["applicant_email"].strip()
        if has_pending_application(email):
            raise forms.ValidationError(
                _(
                    "An application sent from this e-mail address is already being "
                    "reviewed. We will write to you about it."
                ),
                code="duplicate",
            )
        return email

    def save(self, commit=True):
        self.instance.consent_given_at = timezone.now()
        picture = self.cleaned_data.get("logo_upload")
        if picture:
            # Already decoded and re-encoded by the field.
            self.instance.logo = save_as_wagtail_image(
                picture, self.cleaned_data["organisation_name"]
            )
        return super().save(commit=commit)


class ApplicationAnswerForm(StrictTextMixin, forms.Form):
    message = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        max_length=10_000,
    )


def visibility_field(label):
    return forms.ChoiceField(
        label=label, choices=Visibility.choices, widget=forms.RadioSelect
    )


class PersonProfileForm(StrictTextMixin, forms.ModelForm):
    """A person's own profile, each field followed by who may see it."""

    photo_upload = ImageUploadField(
        label=_("New photo"),
        required=False,
        help_text=_("A JPEG, PNG, GIF or WebP picture."),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    topics = TopicsField(
        queryset=Topic.objects.none(), required=False, label=_("Topics I work on")
    )

    class Meta:
        model = Person
        fields = [
            "name",
            "name_visibility",
            "photo_visibility",
            "job_title",
            "job_title_visibility",
            "bio",
            "bio_visibility",
            "languages",
            "languages_visibility",
            "topics",
            "topics_visibility",
            "email",
            "email_visibility",
            "phone",
            "phone_visibility",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
            "languages": forms.CheckboxSelectMultiple,
            "name": forms.TextInput(attrs={"dir": "auto"}),
            "job_title": forms.TextInput(attrs={"dir": "auto"}),
            **{
                f"{name}_visibility": forms.RadioSelect
                for name in Person.PROFILE_FIELDS
            },
        }
        help_texts = {"bio": _("Plain text or simple Markdown; no HTML.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = default_locale_topics()
        for name in Person.PROFILE_FIELDS:
            self.fields[f"{name}_visibility"].choices = Visibility.choices

    def profile_rows(self):
        """(field, its visibility field) pairs, in the profile's order.

        The photo's row holds the upload field.
        """
        rows = []
        for name in Person.PROFILE_FIELDS:
            field = self["photo_upload"] if name == "photo" else self[name]
            rows.append((field, self[f"{name}_visibility"]))
        return rows


class OrganisationProfileForm(StrictTextMixin, forms.ModelForm):
    """What a focal point may change of their organisation.

    Status, publication, slug, type and year joined stay with the editors.
    The description edited is the one in the language of the page.
    """

    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_("In the language of this page. Plain text or simple Markdown."),
        max_length=20_000,
    )
    logo_upload = ImageUploadField(
        label=_("New logo"),
        required=False,
        help_text=_("A JPEG, PNG, GIF or WebP picture."),
    )
    topics = TopicsField(
        queryset=Topic.objects.none(), required=False, label=_("Topics")
    )

    class Meta:
        model = Organisation
        formfield_callback = https_url_fields
        fields = [
            "short_name",
            "city",
            "countries",
            "topics",
            "languages",
            "website",
            "public_email",
            "phone",
            "looking_for_partners",
        ]
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            "countries": forms.SelectMultiple(attrs={"size": 8}),
            "looking_for_partners": forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        }

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.fields["topics"].queryset = default_locale_topics()
        description = self.instance.descriptions.filter(language=language).first()
        if description and not self.is_bound:
            self.initial["description"] = description.text


class InvitationForm(StrictTextMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    job_title = forms.CharField(label=_("Position"), max_length=150, required=False)
    kind = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Role.Kind.STAFF, Role.Kind.STAFF.label),
            (Role.Kind.CONTACT, Role.Kind.CONTACT.label),
        ],
    )
    language = forms.ChoiceField(label=_("Language of the invitation"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()


class ApplicationReviewForm(forms.ModelForm):
    """The moderator's decision on an application, in the Wagtail admin,
    with the application's details to correct before deciding (a wrong type
    or country, a typo in the name).

    The admin page sends the details with a hidden ``corrections`` flag; a
    post without it (a decision alone) leaves every detail as it was. A
    required detail sent empty is refused.
    """

    class Decision:
        CORRECT = "correct"
        REQUEST_INFORMATION = "request_information"
        APPROVE = "approve"
        REJECT = "reject"

    CORRECTABLE = [
        "organisation_name",
        "organisation_short_name",
        "organisation_type",
        "head_office_country",
        "countries",
        "city",
        "website",
        "organisation_email",
        "organisation_phone",
        "description",
        "applicant_name",
        "applicant_email",
        "applicant_job_title",
        "applicant_language",
    ]

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Decision.CORRECT, _("Only save the corrections")),
            (Decision.REQUEST_INFORMATION, _("Ask the applicant for more information")),
            (
                Decision.APPROVE,
                _("Approve: create the organisation and invite the applicant"),
            ),
            (Decision.REJECT, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent in the e-mail and kept in the application's history."),
    )
    organisation_type = TypeChoiceField(
        queryset=OrganisationType.objects.none(),
        label=_("Type of organisation"),
        required=False,
    )
    corrections = forms.BooleanField(
        widget=forms.HiddenInput, initial=True, required=False
    )

    class Meta:
        model = MembershipApplication
        formfield_callback = https_url_fields
        fields = [
            "organisation_name",
            "organisation_short_name",
            "organisation_type",
            "head_office_country",
            "countries",
            "city",
            "website",
            "organisation_email",
            "organisation_phone",
            "description",
            "applicant_name",
            "applicant_email",
            "applicant_job_title",
            "applicant_language",
        ]
        widgets = {"countries": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        self.fields["organisation_type"].queryset = default_locale_types()
        self.fields["applicant_language"].choices = language_choices()
        self._required = set()
        for name in self.CORRECTABLE:
            field = self.fields[name]
            if field.required:
                self._required.add(name)
            field.required = False

    @property
    def has_corrections(self):
        return bool(getattr(self, "cleaned_data", {}).get("corrections"))

    def clean(self):
        cleaned_data = super().clean()
        for name in self.CORRECTABLE:
            if not self.has_corrections:
                cleaned_data[name] = getattr(self.instance, name)
            elif name in self._required and cleaned_data.get(name) in (None, ""):
                self.add_error(name, _("This detail cannot be left empty."))
        needs_message = {self.Decision.REQUEST_INFORMATION, self.Decision.REJECT}
        if (
            cleaned_data.get("decision") in needs_message
            and not cleaned_data.get("message", "").strip()
        ):
            self.add_error("message", _("Tell the applicant what you need or why."))
        if not self.instance.is_pending:
            raise forms.ValidationError(_("This application has already been decided."))
        return cleaned_data

    def corrected_fields(self):
        """The verbose names of the details this review changes."""
        if not self.has_corrections:
            return []
        return [
            str(self.fields[name].label)
            for name in self.CORRECTABLE
            if name in self.changed_data
        ]
