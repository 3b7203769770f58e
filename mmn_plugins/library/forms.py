"""The form members share a resource with."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from mmn_plugins.core.forms import CleanTextMixin, HoneypotField
from mmn_plugins.core.models import Topic

from .models import ResourceType, language_choices
from .uploads import allowed_extensions, validate_upload


class ResourceSubmissionForm(CleanTextMixin, forms.Form):
    """Metadata and one file; a moderator reviews it before it is published."""

    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea, max_length=5000
    )
    resource_type = forms.ChoiceField(
        label=_("Type of resource"), choices=ResourceType.choices
    )
    authors = forms.CharField(
        label=_("Authors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("One per line: given names, then the family name."),
    )
    publisher = forms.CharField(label=_("Publisher"), required=False, max_length=255)
    publication_date = forms.DateField(
        label=_("Publication date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries covered"), choices=lambda: list(countries), required=False
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=500,
        help_text=_("Separated by commas."),
    )
    language = forms.ChoiceField(
        label=_("Language of the file"), choices=language_choices
    )
    file = forms.FileField(label=_("File"), validators=[validate_upload])
    website_url = HoneypotField()

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        topics = Topic.objects.all()
        self.fields["topics"].queryset = (
            topics.filter(locale=locale) if locale else topics
        )
        self.fields["file"].help_text = _("Accepted types: %(extensions)s.") % {
            "extensions": ", ".join(allowed_extensions())
        }

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Please give the resource a title."))
        return title

    def author_names(self):
        """``(given, family)`` pairs from the authors field, one per line."""
        names = []
        for line in self.cleaned_data.get("authors", "").splitlines():
            parts = line.split()
            if parts:
                names.append((" ".join(parts[:-1]), parts[-1]))
        return names

    def keyword_list(self):
        words = self.cleaned_data.get("keywords", "").split(",")
        return [word.strip()[:100] for word in words if word.strip()][:20]
