"""Spam protection and input limits for the editors' form pages."""

import django.forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from mmn_plugins.core.forms import HONEYPOT_FIELD_NAME, CleanTextMixin, HoneypotField


DEFAULT_TEXT_MAX_LENGTH = 5000

# Django decodes a request body that is not valid UTF-8 with U+FFFD in place of
# each bad byte. Storing that would keep something other than what was sent,
# so the visitor is asked to type the text again.
REPLACEMENT_CHARACTER = "\ufffd"
UNREADABLE_TEXT_MESSAGE = _(
    "Some characters of this text could not be read. "
    "Please type it again, without copying it from another program."
)


def text_max_length():
    return getattr(settings, "MMN_SITE_FORM_TEXT_MAX_LENGTH", DEFAULT_TEXT_MAX_LENGTH)


class ProtectedForm(CleanTextMixin, BaseForm):
    """A form page's form: control characters stripped, honeypot checked.

    Templates find the honeypot through ``honeypot_field_name`` to render it
    out of sight and out of the accessibility tree.
    """

    honeypot_field_name = HONEYPOT_FIELD_NAME

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data.pop(HONEYPOT_FIELD_NAME, None)
        self._refuse_unreadable_text(cleaned_data)
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        # A person cannot see the honeypot, so its error belongs at the top of
        # the form rather than beside a field nobody can find.
        honeypot_errors = self._errors.pop(HONEYPOT_FIELD_NAME, None)
        if honeypot_errors:
            self.add_error(None, honeypot_errors)

    def _refuse_unreadable_text(self, cleaned_data):
        for name, value in list(cleaned_data.items()):
            if isinstance(value, str) and REPLACEMENT_CHARACTER in value:
                self.add_error(name, UNREADABLE_TEXT_MESSAGE)


class ProtectedFormBuilder(FormBuilder):
    """Wagtail's form builder with a honeypot and a cap on multi-line text."""

    def create_multiline_field(self, field, options):
        # Wagtail leaves multi-line text unbounded; a megabyte of text in a
        # contact form is abuse, and the visitor is told the limit.
        options["max_length"] = text_max_length()
        options.setdefault("widget", django.forms.Textarea(attrs={"dir": "auto"}))
        return django.forms.CharField(**options)

    def create_singleline_field(self, field, options):
        options["max_length"] = 255
        options.setdefault("widget", django.forms.TextInput(attrs={"dir": "auto"}))
        return django.forms.CharField(**options)

    def get_form_class(self):
        return type("WagtailForm", (ProtectedForm,), self.formfields)

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD_NAME] = HoneypotField()
        return fields
