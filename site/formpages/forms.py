"""Spam protection for the editors' form pages."""

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from mmn_plugins.core.forms import HONEYPOT_FIELD_NAME, CleanTextMixin, HoneypotField


class ProtectedForm(CleanTextMixin, BaseForm):
    """A form page's form: control characters stripped, honeypot checked."""

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data.pop(HONEYPOT_FIELD_NAME, None)
        return cleaned_data


class ProtectedFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("WagtailForm", (ProtectedForm,), self.formfields)

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD_NAME] = HoneypotField()
        return fields
