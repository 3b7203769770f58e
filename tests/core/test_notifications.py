"""E-mails rendered in the recipient's language and sent as a background task."""

import datetime

import pytest
from django.core import mail
from django.utils import translation

from mmn_plugins.core.notifications import send_templated_email


pytestmark = pytest.mark.usefixtures("core_test_templates")

JOINED_ON = datetime.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("language", "month", "yes"),
    [("en", "December", "Yes"), ("fr", "décembre", "Oui"), ("ar", "ديسمبر", "نعم")],
)
def test_email_is_written_in_the_recipients_language(language, month, yes):
    """The same notification reads in English, French or Arabic as asked."""
    send_templated_email(
        "tests_core/welcome",
        {"name": "Amina", "joined_on": JOINED_ON},
        recipients=["amina@example.org"],
        language=language,
    )

    (message,) = mail.outbox
    assert message.subject == f"Amina · {month}"
    assert message.body.startswith(f"{language}: 3 {month} 2026")
    assert yes in message.body
    assert message.to == ["amina@example.org"]


def test_sending_leaves_the_active_language_alone():
    """Rendering a French e-mail does not switch the current request to French."""
    with translation.override("en"):
        send_templated_email(
            "tests_core/welcome",
            {"name": "Amina", "joined_on": JOINED_ON},
            ["amina@example.org"],
            language="fr",
        )
        assert translation.get_language() == "en"


def test_subject_is_one_line_whatever_the_context_holds():
    """A name with line breaks cannot add headers to the message."""
    send_templated_email(
        "tests_core/welcome",
        {"name": "Alice\r\nBcc: spam@attacker.test", "joined_on": JOINED_ON},
        ["alice@example.org"],
        language="en",
        reply_to=["office@example.org"],
    )

    (message,) = mail.outbox
    assert message.subject == "Alice Bcc: spam@attacker.test · December"
    assert message.bcc == []
    assert message.reply_to == ["office@example.org"]
