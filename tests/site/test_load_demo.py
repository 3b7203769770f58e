import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from wagtail.models import Page

from home.models import HomePage


pytestmark = pytest.mark.django_db(transaction=False)

PASSWORD = "demo password for tests"


@pytest.fixture
def demo_network():
    call_command("load_demo", password=PASSWORD, stdout=_Discard())


class _Discard:
    def write(self, text):
        pass

    def flush(self):
        pass


def test_demo_builds_a_home_page_per_language(demo_network):
    """Every language of the site has a published home page."""
    languages = set(
        HomePage.objects.live().values_list("locale__language_code", flat=True)
    )

    assert languages == {"en", "fr", "ar", "el", "it", "es"}


def test_demo_sections_are_translated_into_french_and_arabic(client, demo_network):
    """The about page, the news and the events read in French and Arabic."""
    for path in ["/fr/about/", "/ar/about/", "/fr/news/", "/ar/news/", "/ar/events/"]:
        response = client.get(path)
        assert response.status_code == 200, path


def test_demo_accounts_log_in_with_the_given_password(demo_network):
    """Each role's demo account accepts the password given to load_demo."""
    for email in [
        "admin@mmn.example.org",
        "editor@mmn.example.org",
        "moderator@mmn.example.org",
        "member@mmn.example.org",
    ]:
        assert authenticate(username=email.split("@")[0], password=PASSWORD), email


def test_second_run_reuses_what_exists(demo_network):
    """Running load_demo again adds no page and keeps the tree as it was."""
    pages_before = Page.objects.count()

    call_command("load_demo", password=PASSWORD, stdout=_Discard())

    assert Page.objects.count() == pages_before
