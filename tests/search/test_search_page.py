"""The search page finds every kind, respects who may see what, and counts."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from mmn_plugins.directory.models import DirectoryPage
from mmn_plugins.search.indexing import rebuild
from tests import factories

from .conftest import result_kinds, result_urls


pytestmark = pytest.mark.django_db


def search(client, query, language="en", **parameters):
    return client.get(f"/{language}/search/", {"q": query, **parameters})


def test_the_search_page_is_named_so_the_header_finds_it(home_page):
    assert reverse("mmn_search:search") == "/en/search/"


def test_every_kind_of_the_site_is_found(client, network):
    response = search(client, "lighthouse")

    assert response.status_code == 200
    assert {"page", "news", "event", "resource", "organisation", "person"} <= set(
        response.context["results"].kind_counts
    )


def test_a_source_registered_by_any_plugin_is_found(client, fake_source):
    response = search(client, "harbour")

    assert "/en/fake/public/" in result_urls(response)
    assert response.context["kinds"][1]["label"] == "Fake notes"


def test_drafts_are_never_found(client, member, network):
    client.force_login(member)
    response = search(client, "unpublished")

    assert response.context["results"].total == 0


def test_members_only_resources_are_found_by_members_only(client, member, network):
    anonymous = result_urls(search(client, "confidential"))
    client.force_login(member)
    as_member = result_urls(search(client, "confidential"))

    assert anonymous == []
    assert as_member == [network["members_resource"].url]


def test_private_group_documents_are_found_by_the_group_only(
    client, member, private_group, fake_source
):
    client.force_login(member)
    as_member = result_urls(search(client, "harbour"))
    member.groups.add(private_group)
    as_group_member = result_urls(search(client, "harbour"))

    assert "/en/fake/members/" in as_member
    assert "/en/fake/group/" not in as_member
    assert "/en/fake/group/" in as_group_member


def test_field_syntax_cannot_reach_hidden_documents(client, fake_source):
    """``title:secret``-style queries are words, never a way round the audience."""
    for query in ["title:members", "filter_tokens:audmembers", "audmembers"]:
        urls = result_urls(search(client, query))
        assert "/en/fake/members/" not in urls, query


def test_fields_a_person_hides_are_not_searchable(client, member, network):
    """The bio is for members only: not even members find it through search."""
    client.force_login(member)

    assert search(client, "marmalade").context["results"].total == 0
    assert "person" in result_kinds(search(client, "keeper", kind="person"))


def test_kind_filter_keeps_the_counts_of_every_kind(client, network):
    response = search(client, "lighthouse", kind="resource")

    assert result_kinds(response) == {"resource"}
    assert response.context["results"].kind_counts["news"] == 1


def test_facets_are_counted_and_filter(client, fake_source):
    response = search(client, "harbour")
    groups = {group["name"]: group for group in response.context["facet_groups"]}
    counts = {value["code"]: value["count"] for value in groups["type"]["values"]}
    labels = {value["code"]: value["label"] for value in groups["type"]["values"]}

    # Anonymous: the public and the French note; no thread, no members' note.
    assert counts == {"note": 2}
    assert labels["note"] == "Note"
    assert {v["code"] for v in groups["topic"]["values"]} == {"health"}

    narrowed = search(client, "harbour", topic="health")
    assert result_urls(narrowed) == ["/en/fake/public/"]


def test_topic_country_and_language_facets_of_resources(client, network, topic):
    response = search(client, "lighthouse", kind="resource")
    groups = {group["name"]: group for group in response.context["facet_groups"]}

    assert [(v["label"], v["count"]) for v in groups["topic"]["values"]] == [
        ("Health", 1)
    ]
    assert [(v["code"], v["count"]) for v in groups["country"]["values"]] == [("GR", 1)]
    assert groups["type"]["values"][0]["label"] == "Report"


def test_the_readers_language_comes_first(client, fake_source):
    english = result_urls(search(client, "harbour", language="en"))
    french = result_urls(search(client, "harbour", language="fr"))

    assert english[0] != "/fr/fake/port/"
    assert french[0] == "/fr/fake/port/"


def test_one_result_per_record_in_the_readers_language(client, network, locales):
    french_home = factories.translate_page(
        network["page"].get_parent(), "fr", title="Accueil"
    )
    factories.add_page(french_home, DirectoryPage(title="Membres", slug="membres"))
    rebuild()

    french = search(client, "alliance", language="fr", kind="organisation")
    english = search(client, "alliance", language="en", kind="organisation")

    assert result_urls(french) == ["/fr/membres/lighthouse-alliance/"]
    assert result_urls(english) == ["/en/members/lighthouse-alliance/"]


def test_words_are_highlighted_and_escaped(client, home_page, library):
    from .conftest import make_resource

    make_resource(library, "Toolkit", "<b>Bold</b> advice for lighthouse keepers.")
    rebuild()

    snippet = search(client, "keepers").context["hits"][0]["snippet"]

    assert "&lt;b&gt;Bold&lt;/b&gt;" in snippet
    assert "<mark>keepers</mark>" in snippet


def test_accents_and_arabic_marks_do_not_matter(client, fake_source, library):
    from .conftest import make_resource

    make_resource(library, "محمد والمنارة", "تقرير عن المنارة", countries=[])
    make_resource(library, "Éducation", "Migrations et éducation.", countries=[])
    rebuild()

    assert search(client, "مُحَمَّد").context["results"].total == 1
    assert search(client, "مــحمد").context["results"].total == 1
    assert search(client, "education").context["results"].total == 1


def test_pages_of_results(client, settings, home_page, library):
    from .conftest import make_resource

    settings.MMN_SEARCH_RESULTS_PER_PAGE = 2
    for number in range(5):
        make_resource(library, f"Beacon {number}", "A beacon.", countries=[])
    rebuild()

    first = search(client, "beacon")
    last = search(client, "beacon", page=3)
    beyond = search(client, "beacon", page=999999)

    assert first.context["page_count"] == 3
    assert len(result_urls(first)) == 2 and first.context["next_url"]
    assert len(result_urls(last)) == 1 and not last.context["next_url"]
    assert beyond.status_code == 200 and result_urls(beyond) == []


def test_suggestions_when_nothing_matches(client, network):
    filtered = search(client, "lighthouse", topic="no-such-topic")
    too_many_words = search(client, "lighthouse zanzibar")

    assert filtered.context["suggestions"][0]["is_without_filters"]
    assert [s["text"] for s in too_many_words.context["suggestions"]] == ["lighthouse"]
    assert b"lighthouse" in too_many_words.content


def test_the_query_is_shown_as_text(client, network):
    response = search(client, "<script>alert('RELSEC')</script>")

    assert response.status_code == 200
    assert b"<script>alert" not in response.content


def test_searching_is_rate_limited(client, settings, home_page):
    settings.MMN_SEARCH_RATE = "2/m"

    statuses = [search(client, "lighthouse").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_queries_do_not_grow_with_results(
    client, home_page, library, django_assert_max_num_queries
):
    from .conftest import make_resource

    make_resource(library, "Beacon", "A beacon.", countries=[])
    rebuild()
    search(client, "beacon")  # Loads the site and the locales, as in use.
    cache.clear()  # The theme's menus are cached: render them both times.
    with django_assert_max_num_queries(20) as few:
        search(client, "beacon")
    for number in range(30):
        make_resource(library, f"Beacon {number}", "A beacon.", countries=[])
    rebuild()
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        search(client, "beacon")

    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_chosen_kind_is_never_crowded_out_by_newer_documents(
    client, settings, network
):
    """Only the newest candidates are ranked; a chosen kind gets its own."""
    settings.MMN_SEARCH_MAX_CANDIDATES = 2

    everything = search(client, "lighthouse")
    resources = search(client, "lighthouse", kind="resource")

    assert everything.context["results"].is_capped
    assert "resource" not in result_kinds(everything)
    assert result_urls(resources) == [network["resource"].url]
    assert b"most recent results" in everything.content
