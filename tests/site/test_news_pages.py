"""The news section as readers see it: the list, its filter, and a news page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from mmn_plugins.core.models import Topic
from news.models import NewsKind
from tests import factories


pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    return factories.make_news_index(
        home_page, introduction="News from the network and its members."
    )


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response):
    return [
        title.get_text(strip=True) for title in parse(response).select(".card__title")
    ]


def test_index_lists_news_newest_first_with_its_introduction(client, news_index):
    """The index shows its introduction, then every item, newest first."""
    factories.make_news_page(news_index, "Older news", date=days_ago(10))
    factories.make_news_page(news_index, "Newest news", date=days_ago(1))
    factories.make_news_page(
        news_index, "Middle release", date=days_ago(5), kind=NewsKind.PRESS_RELEASE
    )

    response = client.get("/en/news/")

    assert response.status_code == 200
    assert card_titles(response) == ["Newest news", "Middle release", "Older news"]
    assert parse(response).select_one(".lead").get_text() == news_index.introduction


def test_index_leaves_out_drafts_and_other_sections(client, news_index, home_page):
    """Unpublished items and items of another news section are not listed."""
    factories.make_news_page(news_index, "Published")
    factories.make_news_page(news_index, "Draft", publish=False)
    other = factories.make_news_index(home_page, title="Other news")
    factories.make_news_page(other, "Elsewhere")

    assert card_titles(client.get("/en/news/")) == ["Published"]


@pytest.mark.parametrize(
    ("query", "expected", "current_tab"),
    [
        ("", ["Release", "Story"], "All"),
        ("?kind=news", ["Story"], "News"),
        ("?kind=press_release", ["Release"], "Press releases"),
    ],
)
def test_filter_tabs_narrow_the_list_and_mark_the_current_one(
    client, news_index, query, expected, current_tab
):
    """The tabs are links; the one matching ?kind= is marked aria-current."""
    factories.make_news_page(news_index, "Story", date=days_ago(2))
    factories.make_news_page(
        news_index, "Release", date=days_ago(1), kind=NewsKind.PRESS_RELEASE
    )

    response = client.get(f"/en/news/{query}")
    tabs = parse(response).select(".tabs__link")

    assert card_titles(response) == expected
    assert [tab.get_text(strip=True) for tab in tabs] == [
        "All",
        "News",
        "Press releases",
    ]
    current = [tab.get_text(strip=True) for tab in tabs if tab.get("aria-current")]
    assert current == [current_tab]
    assert [tab["href"] for tab in tabs] == [
        "/en/news/",
        "?kind=news",
        "?kind=press_release",
    ]


def test_pagination_keeps_the_filter(client, news_index):
    """Page links of a filtered list keep ?kind= and lead to the next items."""
    news_index.items_per_page = 2
    news_index.save_revision().publish()
    for number in range(5):
        factories.make_news_page(
            news_index,
            f"Release {number}",
            date=days_ago(number),
            kind=NewsKind.PRESS_RELEASE,
        )
    factories.make_news_page(news_index, "Not a release", date=days_ago(0))

    first = client.get("/en/news/?kind=press_release")
    next_link = parse(first).select_one(".pagination a[rel=next]")["href"]
    second = client.get(f"/en/news/{next_link}")

    assert next_link == "?kind=press_release&page=2"
    assert card_titles(first) == ["Release 0", "Release 1"]
    assert card_titles(second) == ["Release 2", "Release 3"]
    current = parse(second).select_one(".pagination [aria-current=page]")
    assert current.get_text(strip=True) == "2"


def test_no_pagination_when_everything_fits(client, news_index):
    """A list that fits on one page shows no pagination."""
    factories.make_news_page(news_index, "Only item")

    assert parse(client.get("/en/news/")).select(".pagination") == []


def test_a_new_section_says_it_has_no_news(client, news_index):
    """A section with no items at all says "No news yet."."""
    response = client.get("/en/news/")

    assert parse(response).select_one(".empty").get_text(strip=True) == "No news yet."


def test_an_empty_filter_says_which_kind_is_missing(client, news_index):
    """A filter that matches nothing names what is missing."""
    factories.make_news_page(news_index, "A story")

    story_only = parse(client.get("/en/news/?kind=press_release"))
    no_story = parse(client.get("/en/news/?kind=news"))

    message = story_only.select_one(".empty").get_text(strip=True)
    assert message == "No press releases yet."
    assert no_story.select(".empty") == []
    assert [
        title.get_text(strip=True) for title in no_story.select(".card__title")
    ] == ["A story"]


def test_junk_in_the_query_string_never_breaks_the_list(client, news_index, bad_inputs):
    """?page= and ?kind= with junk give the list (200), never a server error."""
    for number in range(3):
        factories.make_news_page(news_index, f"Item {number}")
    cases = bad_inputs["url_path_slug"] + bad_inputs["unicode"]
    junk = [case["value"] for case in cases if "value" in case]
    junk += ["0", "-1", "2.5", "99999999999999999999999", "last", "١٢"]

    for value in junk:
        for name in ("page", "kind"):
            response = client.get("/en/news/", {name: value})
            assert response.status_code == 200, (name, value)
            assert len(card_titles(response)) == 3, (name, value)


def test_junk_paths_under_the_section_are_not_found(client, news_index, bad_inputs):
    """Odd paths below the section (traversal, encodings) are a 404, never a 500."""
    for case in bad_inputs["url_path_slug"]:
        if "value" not in case:
            continue
        path = "/en/news/" + case["value"].lstrip("/")
        response = client.get(path)
        assert response.status_code in {200, 301, 302, 404}, path


def test_news_page_shows_date_kind_topics_body_and_the_way_back(
    client, news_index, locales
):
    """A news item shows its kind, date, topics, body, and links back to news."""
    topic = Topic.objects.create(name="Health", slug="health", locale=locales["en"])
    page = factories.make_news_page(
        news_index,
        "Clinics open to all",
        date=datetime.date(2026, 3, 4),
        introduction="Three clinics change their rules.",
        body=[("paragraph", "<p>From Monday, no papers are asked for.</p>")],
    )
    page.topics.set([topic])
    page.save_revision().publish()

    html = parse(client.get("/en/news/clinics-open-to-all/"))

    assert html.h1.get_text(strip=True) == "Clinics open to all"
    assert html.select_one(".tag--kind").get_text(strip=True) == "News"
    date = html.select_one(".article__meta time")
    assert date["datetime"] == "2026-03-04"
    assert date.get_text(strip=True) == "March 4, 2026"
    assert [tag.get_text() for tag in html.select(".tag-list .tag")] == ["Health"]
    assert "no papers are asked for" in html.select_one(".stream").get_text()
    assert html.select_one(".back-link a")["href"] == "/en/news/"
    assert html.select(".press-release") == []


def test_press_release_shows_press_contact_and_boilerplate(client, news_index):
    """A press release ends with its press contact and the network's boilerplate."""
    factories.make_news_page(
        news_index,
        "Joint statement",
        kind=NewsKind.PRESS_RELEASE,
        press_contact_name="Sofia Marino",
        press_contact_email="press@example.org",
        press_contact_phone="+32 2 555 01 23",
        boilerplate="The network joins 150 organisations.",
    )

    html = parse(client.get("/en/news/joint-statement/"))
    press = html.select_one(".press-release")

    assert html.select_one(".tag--kind").get_text(strip=True) == "Press release"
    assert press.select_one(".press-contact__name").get_text() == "Sofia Marino"
    email = press.select_one(".press-contact__email")
    assert email["href"] == "mailto:press@example.org"
    assert press.select_one(".press-contact__phone")["href"] == "tel:+3225550123"
    boilerplate = press.select_one(".press-release__boilerplate").get_text()
    assert boilerplate == "The network joins 150 organisations."


def test_member_text_in_a_news_page_is_escaped(client, news_index, bad_inputs):
    """Titles and introductions are text: markup in them is shown, not run."""
    payload = bad_inputs["text_xss_html"][0]["value"]
    factories.make_news_page(
        news_index, "Escaped", introduction=payload, slug="escaped"
    )

    response = client.get("/en/news/escaped/")

    lead = parse(response).select_one(".lead")
    assert response.status_code == 200
    assert lead.get_text() == payload
    assert lead.find(True) is None  # No element came out of the text.


def test_french_news_follow_the_language(client, news_index, french_home_page, locales):
    """In French: French items, French topic names, dates with French months."""
    topic = Topic.objects.create(name="Health", slug="health", locale=locales["en"])
    french_topic = topic.copy_for_translation(locales["fr"])
    french_topic.name = "Santé"
    french_topic.save()
    page = factories.make_news_page(
        news_index, "Clinics", date=datetime.date(2026, 3, 4), slug="clinics"
    )
    page.topics.set([topic])
    page.save_revision().publish()
    factories.make_news_page(news_index, "Not translated")
    factories.translate_page(news_index, "fr", title="Actualités")
    factories.translate_page(page, "fr", title="Cliniques")

    index = parse(client.get("/fr/news/"))
    article = parse(client.get("/fr/news/clinics/"))

    assert [title.get_text(strip=True) for title in index.select(".card__title")] == [
        "Cliniques"
    ]
    assert [tag.get_text() for tag in index.select(".card .tag-list .tag")] == ["Santé"]
    assert article.html["lang"] == "fr"
    assert (
        article.select_one(".article__meta time").get_text(strip=True) == "4 mars 2026"
    )
    assert [tag.get_text() for tag in article.select(".tag-list .tag")] == ["Santé"]
    assert article.select_one(".back-link a")["href"] == "/fr/news/"


def test_index_and_news_pages_announce_their_feeds(client, news_index):
    """Both pages name the four feeds in <link rel="alternate"> tags."""
    factories.make_news_page(news_index, "Story")
    expected = [
        ("application/rss+xml", "/en/news/feed/rss/"),
        ("application/atom+xml", "/en/news/feed/atom/"),
        ("application/rss+xml", "/en/news/press-releases/rss/"),
        ("application/atom+xml", "/en/news/press-releases/atom/"),
    ]

    for url in ["/en/news/", "/en/news/story/"]:
        links = parse(client.get(url)).head.select("link[rel=alternate]")
        assert [(link["type"], link["href"]) for link in links] == expected, url
