"""``load_demo`` builds the whole demo network, and a second run changes nothing.

Building the demo takes a while (every plugin adds its part), so each test
builds it once and checks several things a visitor of the demo would see.
"""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from wagtail.models import Page

from home.models import HomePage


pytestmark = pytest.mark.django_db

PASSWORD = "demo password for tests"
DEMO_ACCOUNTS = [
    "admin@mmn.example.org",
    "editor@mmn.example.org",
    "moderator@mmn.example.org",
    "member@mmn.example.org",
]


class _Discard:
    def write(self, text):
        pass

    def flush(self):
        pass


def load_demo():
    call_command("load_demo", password=PASSWORD, stdout=_Discard())


def test_demo_network_reads_in_every_language_and_its_accounts_log_in(client):
    """Each language has a home page; sections read in French and Arabic;
    every role's account accepts the password given to load_demo."""
    load_demo()

    languages = set(
        HomePage.objects.live().values_list("locale__language_code", flat=True)
    )
    assert languages == {"en", "fr", "ar", "el", "it", "es"}

    for path in ["/fr/about/", "/ar/about/", "/fr/news/", "/ar/news/", "/ar/events/"]:
        assert client.get(path).status_code == 200, path

    for email in DEMO_ACCOUNTS:
        assert authenticate(username=email.split("@")[0], password=PASSWORD), email


def test_second_run_reuses_what_exists():
    """Running load_demo again adds no page and keeps the tree as it was."""
    load_demo()
    pages_before = Page.objects.count()

    load_demo()

    assert Page.objects.count() == pages_before
