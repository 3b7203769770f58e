"""Pages whose content comes from the fragment cache skip the work behind it.

News, events, the home page and the directory compute what their content shows
only when the template renders it, so a content block served from the fragment
cache costs none of those queries; publishing still shows at once. A form page
keeps its form until someone sends it back, each visitor with their own CSRF
token.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from home.wagtail_hooks import record_current_page
from mmn_plugins.core.forms import HONEYPOT_FIELD_NAME
from mmn_plugins.core.models import Topic
from tests import factories

from .test_forms import make_contact_page, valid_answer


pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    # The full-page cache would answer before any fragment is looked at.
    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    settings.MMN_CORE_FRAGMENT_CACHE_SECONDS = 300


def tables_read_by_second_view(client, path):
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return " ".join(query["sql"] for query in queries.captured_queries)


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def news_index(home_page):
    return factories.make_news_index(home_page)


def test_cached_news_page_reads_no_topics_and_shows_a_published_change(
    client, news_index, locales
):
    """Topics are read for the content only; a new topic shows once published."""
    health = Topic.objects.create(name="Health", slug="health", locale=locales["en"])
    page = factories.make_news_page(news_index, "Clinics open to all")
    page.topics.set([health])
    page.save_revision().publish()
    path = "/en/news/clinics-open-to-all/"

    assert "mmn_core_topic" not in tables_read_by_second_view(client, path)

    housing = Topic.objects.create(name="Housing", slug="housing", locale=locales["en"])
    page.topics.set([health, housing])
    page.save_revision().publish()

    topics = [
        tag.get_text() for tag in parse(client.get(path)).select(".tag-list .tag")
    ]
    assert topics == ["Health", "Housing"]


def test_cached_news_index_neither_counts_nor_reads_its_items(client, news_index):
    factories.make_news_page(news_index, "First item")

    assert "news_newspage" not in tables_read_by_second_view(client, "/en/news/")

    factories.make_news_page(news_index, "Second item")
    titles = [
        title.get_text(strip=True)
        for title in parse(client.get("/en/news/")).select(".card__title")
    ]
    assert "Second item" in titles


def test_cached_home_page_reads_no_news_and_no_events(client, home_page, news_index):
    factories.make_news_page(news_index, "On the home page")

    tables = tables_read_by_second_view(client, "/en/")

    assert "news_newspage" not in tables
    assert "events_eventpage" not in tables
    assert "On the home page" in client.get("/en/").content.decode()


def csrf_token_of(response):
    return parse(response).find("input", {"name": "csrfmiddlewaretoken"})["value"]


def test_each_visitor_of_a_kept_form_gets_a_token_that_works(home_page):
    """Two visitors read the same kept form; each sends it with their own token."""
    make_contact_page(home_page)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    first_page, second_page = first.get("/en/contact/"), second.get("/en/contact/")

    assert csrf_token_of(first_page) != csrf_token_of(second_page)
    for visitor, page in ((first, first_page), (second, second_page)):
        answer = valid_answer(csrfmiddlewaretoken=csrf_token_of(page))
        assert visitor.post("/en/contact/", answer).status_code == 200
        assert "csrftoken" in page.cookies


def test_kept_form_reads_no_fields_and_shows_a_published_new_field(client, home_page):
    """A blank form served from the cache is not rebuilt; editors' changes show."""
    page = make_contact_page(home_page)

    assert "formpages_formfield" not in tables_read_by_second_view(
        client, "/en/contact/"
    )

    page.form_fields.create(label="Organisation", field_type="singleline")
    page.save_revision().publish()

    labels = parse(client.get("/en/contact/")).select(".field__label")
    assert "Organisation" in " ".join(label.get_text() for label in labels)


def test_a_form_sent_back_with_errors_is_not_kept_for_the_next_visitor(
    client, home_page
):
    """One visitor's answer and its errors never reach another visitor."""
    make_contact_page(home_page)
    client.get("/en/contact/")

    answered = client.post(
        "/en/contact/", valid_answer(email="not-an-address", name="Visitor one")
    )
    next_visitor = Client().get("/en/contact/")

    assert "Visitor one" in answered.content.decode()
    assert parse(answered).select(".field--invalid")
    assert "Visitor one" not in next_visitor.content.decode()
    assert not parse(next_visitor).select(".field--invalid")
    assert parse(next_visitor).find("input", {"name": HONEYPOT_FIELD_NAME})


def test_serving_a_page_leaves_the_menu_section_to_wagtailmenus_itself(
    client, home_page
):
    """wagtailmenus' hook no longer queries the section root for every view;
    its context processor still finds it when one of its tags asks."""
    from pages.models import StandardPage

    section = factories.add_page(home_page, StandardPage(title="About", slug="about"))
    child = factories.add_page(section, StandardPage(title="Team", slug="team"))

    assert record_current_page in hooks.get_hooks("before_serve_page")
    response = client.get("/en/about/team/")

    menus = response.context["wagtailmenus_vals"]
    assert menus["current_page"].pk == child.pk
    assert menus["section_root"].pk == section.pk
