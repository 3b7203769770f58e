import logging

from django.conf import settings
from django.db import models
from django.forms import EmailField
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from mmn_plugins.core.forms import BlankForm
from mmn_plugins.core.ratelimit import RATE_LIMITED_MESSAGE, is_rate_limited
from mmn_plugins.core.tasks import send_email

from .forms import ProtectedFormBuilder


logger = logging.getLogger(__name__)

DEFAULT_FORM_RATE = "5/m"


def form_rate():
    """How many times one visitor may send one form (``MMN_SITE_FORM_RATE``)."""
    return getattr(settings, "MMN_SITE_FORM_RATE", DEFAULT_FORM_RATE)


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractEmailForm):
    """A contact form, a feedback survey or an event registration.

    Editors add the fields in the admin; submissions are stored (and can be
    exported) and, when "To address" is set, sent by e-mail. Every form carries
    a honeypot and a rate limit against spam (see ``formpages.forms``).
    """

    introduction = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)

    form_builder = ProtectedFormBuilder
    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]
    template = "formpages/form_page.html"
    landing_page_template = "formpages/form_page_landing.html"

    class Meta:
        verbose_name = _("form page")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and is_rate_limited(
            request, f"formpage:{self.pk}", form_rate()
        ):
            return self.render_rate_limited(request)
        if request.method != "POST":
            return self.render_blank_form(request)
        return super().serve(request, *args, **kwargs)

    def render_blank_form(self, request):
        """The form as Wagtail shows it, built only if the template renders it.

        The template keeps the blank form in the fragment cache
        (``{% cached_form %}``), so most views read none of its fields.
        """
        context = self.get_context(request)
        context["form"] = BlankForm(lambda: self.get_form(page=self, user=request.user))
        return TemplateResponse(request, self.get_template(request), context)

    def render_rate_limited(self, request):
        """Show the form again with what the visitor typed and why it waits."""
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        form.add_error(None, RATE_LIMITED_MESSAGE)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(
            request, self.get_template(request), context, status=429
        )

    def send_mail(self, form):
        """Send the submission to ``to_address`` through a background task.

        The mail server is never called inside the visitor's request: a slow
        or broken one must not lose the submission, which is already stored.
        """
        recipients = [
            address.strip() for address in self.to_address.split(",") if address
        ]
        send_email.enqueue(
            subject=self.subject
            or gettext("New answer to “%(title)s”") % {"title": self.title},
            body=self.render_email(form),
            recipients=recipients,
            reply_to=self._reply_to(form),
            from_email=self.from_address or None,
        )
        logger.info("Queued the e-mail of a submission to form page %s.", self.pk)

    def _reply_to(self, form):
        # Staff can answer the visitor directly when the form asked for an
        # address; EmailField has already refused anything with a line break.
        return [
            value
            for name, value in form.cleaned_data.items()
            if isinstance(form.fields.get(name), EmailField) and value
        ][:1]
