"""Background tasks shared by the plugins (run through django-tasks)."""

import logging

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


logger = logging.getLogger(__name__)


@task()
def send_email(subject, body, recipients, html_body="", reply_to=None, from_email=None):
    """Send one e-mail; the caller has already rendered it in the right language.

    ``from_email`` defaults to ``DEFAULT_FROM_EMAIL``.
    """
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email or None,
        to=recipients,
        reply_to=reply_to or None,
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
    logger.info("Sent e-mail %r to %d recipient(s).", subject, len(recipients))
