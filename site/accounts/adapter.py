from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.requests import RequestSite
from django.contrib.sites.shortcuts import get_current_site

from mmn_plugins.core.tasks import send_email


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: people join through their organisation.

    Accounts are made by an invitation from a focal point or when moderators
    approve a membership application; the sign-up page says so instead of
    offering a form.
    """

    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix, email, context):
        """Render the e-mail now, in the visitor's language; send it in a task.

        A password reset must answer as fast for an unknown address as for a
        known one, and a slow mail server must not hold up a login, so no
        e-mail is sent inside the request.
        """
        request = allauth_context.request
        full_context = {
            "request": request,
            "email": email,
            # The host the person used, not django.contrib.sites' stored row
            # (installed for the debates' comments, and still "example.com").
            "current_site": RequestSite(request) if request else get_current_site(None),
            **context,
        }
        message = self.render_mail(template_prefix, email, full_context)
        html_body = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        send_email.enqueue(
            subject=message.subject,
            body=message.body,
            recipients=list(message.to),
            html_body=html_body,
            from_email=message.from_email,
        )
