"""wagtail-localize's workflow on the site's and the plugins' page types.

Editors submit a page for translation, translate it (here with the offline
dummy machine translator, which reverses the words), publish, download and
upload PO files, and sync translations after the source changes. Translated
pages are published in on-commit callbacks, hence
``django_capture_on_commit_callbacks(execute=True)`` around each step.
"""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from events.models import EventIndexPage
from formpages.models import FormPage
from mmn_plugins.core.models import Topic
from mmn_plugins.directory.pages import DirectoryPage
from mmn_plugins.library.models import LibraryPage
from pages.models import StandardPage
from tests import factories
from tests.library.conftest import make_resource


pytestmark = pytest.mark.django_db

DUMMY_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}


@pytest.fixture(autouse=True)
def _dummy_machine_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR


@pytest.fixture
def admin_client(client, db):
    admin = factories.make_user("admin@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    return client


def _under(parent, page):
    return factories.add_page(parent, page)


PAGE_TYPES = {
    "standard": lambda home: _under(
        home, StandardPage(title="About the network", slug="about",
                           introduction="Organisations that learn together.")
    ),
    "news-index": lambda home: factories.make_news_index(
        home, introduction="News from the network."
    ),
    "news": lambda home: factories.make_news_page(
        factories.make_news_index(home), "Annual meeting in Tunis",
        introduction="Members met for two days.",
    ),
    "event-index": lambda home: _under(
        home, EventIndexPage(title="Events", slug="events", introduction="Meetings.")
    ),
    "event": lambda home: factories.make_event(
        factories.make_event_index(home), "Study visit in Beirut",
        introduction="A day with the municipal teams.", city="Beirut",
    ),
    "form": lambda home: _under(
        home, FormPage(title="Contact the secretariat", slug="contact",
                       to_address="secretariat@example.org")
    ),
    "library": lambda home: _under(
        home, LibraryPage(title="E-library", slug="library",
                          introduction="Reports and guides.")
    ),
    "resource": lambda home: make_resource(
        _under(home, LibraryPage(title="E-library", slug="library")),
        title="Guide to reception services",
    ),
    "directory": lambda home: _under(
        home, DirectoryPage(title="Members", slug="members")
    ),
}  # fmt: skip


def submit_for_translation(client, page, *languages):
    locales = Locale.objects.filter(language_code__in=languages)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk for locale in locales]})
    assert response.status_code == 302, response.content[:500]
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale__in=locales
    )


def machine_translate(client, translation):
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = client.post(url, {"next": "/admin/"})
    assert response.status_code == 302


def reversed_words(text):
    return " ".join(reversed(text.split(" ")))


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_goes_through_the_translation_workflow(
    page_type, admin_client, home_page, french_home_page,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    """Submit, machine-translate, publish: the French page is live, translated."""
    source = PAGE_TYPES[page_type](home_page)

    with django_capture_on_commit_callbacks(execute=True):
        translation = submit_for_translation(admin_client, source, "fr").get()
    machine_translate(admin_client, translation)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    french = source.get_translation(Locale.objects.get(language_code="fr"))
    assert french.live
    assert french.title == reversed_words(source.title)
    assert admin_client.get(french.get_url()).status_code == 200


@pytest.fixture
def translated_about(admin_client, home_page, french_home_page,
                     django_capture_on_commit_callbacks):  # fmt: skip
    about = PAGE_TYPES["standard"](home_page)
    with django_capture_on_commit_callbacks(execute=True):
        translation = submit_for_translation(admin_client, about, "fr").get()
    machine_translate(admin_client, translation)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    return about, translation


def test_translation_syncs_after_the_source_changes(
    admin_client, translated_about, django_capture_on_commit_callbacks
):
    """The source's new introduction reaches the French page on sync; the
    title's translation, unchanged in the source, is kept."""
    about, translation = translated_about
    french = about.get_translation(translation.target_locale)
    french_title = french.title

    about.introduction = "Organisations that learn from one another."
    about.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(about)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302

    french.refresh_from_db()
    # Not translated yet: the new text shows in English until a translator
    # does it, and the status report calls the page in progress.
    assert french.introduction == "Organisations that learn from one another."
    assert french.title == french_title
    machine_translate(admin_client, translation)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    french.refresh_from_db()
    assert french.introduction == reversed_words(about.introduction)


def test_po_download_and_upload_for_outside_translators(
    admin_client, translated_about, django_capture_on_commit_callbacks
):
    about, translation = translated_about
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    po = polib.pofile(admin_client.get(download).content.decode())
    entry = next(entry for entry in po if entry.msgid == about.title)
    entry.msgstr = "À propos du réseau"

    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    file = SimpleUploadedFile("fr.po", str(po).encode(), "text/x-gettext-translation")
    response = admin_client.post(upload, {"file": file, "next": "/admin/"})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    french = Page.objects.get(
        translation_key=about.translation_key, locale=translation.target_locale
    )
    assert french.title == "À propos du réseau"
    assert StringTranslation.objects.filter(
        locale=translation.target_locale, data="À propos du réseau"
    ).exists()


def test_snippets_are_translated_the_same_way(
    admin_client, locales, django_capture_on_commit_callbacks
):
    """Topics (the shared taxonomy) go through the same workflow."""
    topic = Topic.objects.create(
        name="Labour migration", slug="labour", locale=locales["en"]
    )
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["mmn_core", "topic", topic.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"locales": [locales["ar"].pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=topic.translation_key, target_locale=locales["ar"]
    )
    machine_translate(admin_client, translation)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    assert topic.get_translation(locales["ar"]).name == "migration Labour"
