"""Render an e-mail in its recipient's language and send it in the background."""

from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def send_templated_email(template_prefix, context, recipients, language, reply_to=None):
    """Send ``<prefix>_subject.txt`` and ``<prefix>_body.txt`` rendered in ``language``.

    Rendering happens now, in the recipient's language; sending happens in a
    background task, so a slow mail server never holds up the request.
    """
    with translation.override(language):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}_body.txt", context)
    send_email.enqueue(
        subject=" ".join(subject.split()),
        body=body,
        recipients=list(recipients),
        reply_to=list(reply_to or []),
    )
