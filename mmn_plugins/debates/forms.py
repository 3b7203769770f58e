"""The forms members fill in on a debate.

None asks a logged-in member for a name or an e-mail address: the account
already knows them. Hidden fields name the debate and the comment a form was
made for, so a form sent to another debate or comment is refused, not applied
where it lands (see :func:`tampering_error`).
"""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from mmn_plugins.core.forms import CleanTextMixin, HoneypotField

from . import settings as debate_settings
from .models import FlagReason, Stance


IDENTITY_FIELDS = ("user", "user_id", "user_name", "user_email", "name", "email")


class CommentForm(CleanTextMixin, forms.Form):
    """An argument (with a stance) or, with ``is_reply``, a reply."""

    debate = forms.IntegerField(widget=forms.HiddenInput)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)
    stance = forms.ChoiceField(
        label=_("Your stance"),
        choices=Stance.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={
            "invalid_choice": _(
                "Choose whether your argument is for, against or neutral."
            )
        },
    )
    comment = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        help_text=_(
            "You may use Markdown: *emphasis*, **strong**, lists, quotes and links."
        ),
        strip=True,
    )
    website_url = HoneypotField()

    def __init__(self, *args, is_reply=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_reply = is_reply
        limit = debate_settings.get("MMN_DEBATES_COMMENT_MAX_LENGTH")
        limit_length(self.fields["comment"], limit)
        if is_reply:
            del self.fields["stance"]

    def clean(self):
        cleaned_data = super().clean()
        missing = not self.is_reply and not cleaned_data.get("stance")
        if missing and "stance" not in self.errors:
            self.add_error(
                "stance",
                _("Choose whether your argument is for, against or neutral."),
            )
        return cleaned_data


class EditForm(CleanTextMixin, forms.Form):
    comment = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        strip=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = debate_settings.get("MMN_DEBATES_COMMENT_MAX_LENGTH")
        limit_length(self.fields["comment"], limit)


class FlagForm(CleanTextMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator look at it?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Anything the moderators should know (optional)"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = debate_settings.get("MMN_DEBATES_FLAG_NOTE_MAX_LENGTH")
        limit_length(self.fields["note"], limit)


class ConclusionForm(CleanTextMixin, forms.Form):
    conclusion = forms.CharField(
        label=_("Conclusion"),
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_(
            "What the debate concluded. It shows at the top of the closed "
            "debate, and everyone who took part receives it by e-mail."
        ),
        max_length=10_000,
    )


def limit_length(field, limit):
    """Give a text field a length limit read from a setting when the form is made."""
    field.max_length = limit
    field.widget.attrs["maxlength"] = limit
    field.validators.append(MaxLengthValidator(limit))


def tampering_error(data, debate, parent=None):
    """Why a comment form's data does not fit where it was sent, or None."""
    if any(name in data for name in IDENTITY_FIELDS):
        return _(
            "Comments are always posted under your own account; the form "
            "cannot name another member."
        )
    if str(data.get("debate", "")) != str(debate.pk):
        return _("This form was made for another debate; nothing was posted.")
    expected_parent = str(parent.pk) if parent is not None else ""
    if str(data.get("parent", "") or "") != expected_parent:
        return _("This form was made for another comment; nothing was posted.")
    return None
