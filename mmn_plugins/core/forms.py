"""Form pieces every plugin's public forms share."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from .sanitise import strip_control_characters


HONEYPOT_FIELD_NAME = "website_url"


class HoneypotField(forms.CharField):
    """A field people never see and bots fill in.

    It is hidden from sighted readers by CSS and from screen readers by
    ``aria-hidden``; a person who somehow fills it gets a clear error rather
    than a silently dropped submission.
    """

    widget = forms.TextInput(
        attrs={"tabindex": "-1", "autocomplete": "off", "class": "honeypot"}
    )

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Leave this field empty"))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value:
            raise ValidationError(
                _("This form looked automated. Please leave the last field empty."),
                code="honeypot",
            )
        return value


class CleanTextMixin:
    """Strip control characters (NUL included) from every text a form receives."""

    def clean(self):
        cleaned_data = super().clean()
        for name, value in cleaned_data.items():
            if isinstance(value, str):
                cleaned_data[name] = strip_control_characters(value)
        return cleaned_data


class BlankForm(SimpleLazyObject):
    """A form nobody has filled in, built only when something reads it.

    ``BlankForm(lambda: MyForm())``. It answers ``is_bound`` without being
    built, so ``{% cached_form %}`` serves a stored copy of the form without
    the queries that building it costs (a Wagtail form page reads its fields).
    """

    is_bound = False
