"""The admin's translation status report."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from pages.models import StandardPage
from tests import factories
from tests.site.test_i18n_workflow import (
    DUMMY_TRANSLATOR,
    machine_translate,
    submit_for_translation,
)


pytestmark = pytest.mark.django_db

REPORT = reverse("mmn_translation_status")


@pytest.fixture(autouse=True)
def _dummy_machine_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR


@pytest.fixture
def admin_client(client, db):
    admin = factories.make_user("admin@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    return client


def statuses(response):
    """``{(page title, language): status}`` as the report shows them."""
    soup = BeautifulSoup(response.content, "html.parser")
    table = {}
    for row in soup.select("table.listing tbody tr"):
        title = row.th.get_text(strip=True) if row.th else None
        for cell in row.select("td[data-status]"):
            table[(title, cell["data-language"])] = cell["data-status"]
    return table


@pytest.fixture
def pages(admin_client, home_page, french_home_page,
          django_capture_on_commit_callbacks):  # fmt: skip
    about = factories.add_page(
        home_page, StandardPage(title="About", slug="about", introduction="Who we are.")
    )
    news = factories.add_page(
        home_page, StandardPage(title="Newsroom", slug="newsroom")
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation = submit_for_translation(admin_client, about, "fr", "ar").get(
            target_locale__language_code="fr"
        )
    machine_translate(admin_client, translation)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    return {"about": about, "news": news}


def test_each_page_and_language_has_its_status(admin_client, pages):
    table = statuses(admin_client.get(REPORT))

    assert table[("About", "fr")] == "up-to-date"
    # Submitted for Arabic, nobody has translated it yet.
    assert table[("About", "ar")] == "in-progress"
    assert table[("Newsroom", "fr")] == "missing"
    assert table[("Home", "fr")] == "up-to-date"  # translated by hand, a copy
    assert table[("Home", "el")] == "missing"


def test_a_source_change_makes_the_translation_outdated(admin_client, pages):
    about = pages["about"]
    about.introduction = "Who we are, and what we do."
    about.save_revision().publish()

    assert statuses(admin_client.get(REPORT))[("About", "fr")] == "outdated"


def test_after_a_sync_new_strings_leave_it_in_progress(
    admin_client, pages, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import TranslationSource

    about = pages["about"]
    about.introduction = "Who we are, and what we do."
    about.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(about)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )

    assert statuses(admin_client.get(REPORT))[("About", "fr")] == "in-progress"


def test_filters_by_section_language_and_status(admin_client, pages):
    news = pages["news"]
    by_section = statuses(admin_client.get(REPORT, {"section": news.pk}))
    by_language = statuses(admin_client.get(REPORT, {"language": "ar"}))
    by_status = statuses(
        admin_client.get(REPORT, {"status": "missing", "language": "fr"})
    )

    assert {title for title, _code in by_section} == {"Newsroom"}
    assert {code for _title, code in by_language} == {"ar"}
    assert ("About", "fr") not in by_status and ("Newsroom", "fr") in by_status


def test_query_count_does_not_grow_with_pages(admin_client, pages, home_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        admin_client.get(REPORT)
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(REPORT).status_code == 200
        return len(queries)

    before = count()
    for number in range(10):
        page = factories.add_page(
            home_page, StandardPage(title=f"P{number}", slug=f"p{number}")
        )
        factories.translate_page(page, "fr", title=f"P{number} fr")
    assert count() <= before


def test_members_cannot_see_the_report(client, member):
    client.force_login(member)

    assert client.get(REPORT).status_code in {302, 403}
