"""The forms members post to the forum."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from mmn_plugins.core.forms import HONEYPOT_FIELD_NAME, CleanTextMixin, HoneypotField

from . import settings as forum_settings
from .attachments import allowed_extensions, clean_filename, validate_attachment
from .models import ReportReason


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Zero or more files, each checked against the allow-list."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        limit = forum_settings.get("MMN_FORUM_ATTACHMENTS_PER_POST")
        if len(files) > limit:
            raise ValidationError(
                ngettext_lazy(
                    "A post may carry at most %(limit)d file.",
                    "A post may carry at most %(limit)d files.",
                    "limit",
                ),
                code="too_many_files",
                params={"limit": limit},
            )
        errors = []
        for uploaded in files:
            try:
                validate_attachment(uploaded)
            except ValidationError as error:
                name = clean_filename(uploaded.name)
                errors.extend(f"{name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return files


class PostContentMixin(CleanTextMixin, forms.Form):
    """The text of a post: Markdown, stored as written, within the length limit."""

    content = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
        help_text=_(
            "Markdown: *emphasis*, **bold**, [links](https://example.org), lists "
            "and > quotes."
        ),
    )

    def __init__(self, *args, allow_attachments=False, **kwargs):
        super().__init__(*args, **kwargs)
        max_length = forum_settings.get("MMN_FORUM_POST_MAX_LENGTH")
        content = self.fields["content"]
        content.max_length = max_length
        content.validators.append(MaxLengthValidator(max_length))
        content.widget.attrs["maxlength"] = str(max_length)
        if allow_attachments:
            self.fields["attachments"] = AttachmentsField(
                label=_("Attachments"),
                help_text=_("Accepted: %(list)s.")
                % {"list": ", ".join(allowed_extensions())},
            )
        # Last, so the honeypot is the form's last field, as people expect.
        self.fields[HONEYPOT_FIELD_NAME] = HoneypotField()

    def clean_content(self):
        content = self.cleaned_data["content"]
        if not content.strip():
            raise ValidationError(_("Please write a message."), code="blank")
        return content


class TopicForm(PostContentMixin):
    subject = forms.CharField(
        label=_("Subject"), widget=forms.TextInput(attrs={"dir": "auto"})
    )
    field_order = ["subject", "content"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        max_length = forum_settings.get("MMN_FORUM_SUBJECT_MAX_LENGTH")
        subject = self.fields["subject"]
        subject.max_length = max_length
        subject.validators.append(MaxLengthValidator(max_length))
        subject.widget.attrs["maxlength"] = str(max_length)
        self.order_fields(["subject", "content"])

    def clean_subject(self):
        subject = " ".join(self.cleaned_data["subject"].split())
        if not subject:
            raise ValidationError(_("Please give the topic a subject."), code="blank")
        return subject


class ReplyForm(PostContentMixin):
    pass


class ReportForm(CleanTextMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Details for the moderators"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto", "maxlength": "1000"}),
    )
    website_url = HoneypotField()
