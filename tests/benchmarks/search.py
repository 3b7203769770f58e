"""How long the search page takes on a large index (on demand, not a test).

    .venv/bin/python tests/benchmarks/search.py                # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_search_bench \
        .venv/bin/python tests/benchmarks/search.py            # PostgreSQL

It fills the database index directly, in bulk, with 10,000 resources, 5,000
organisations and 100,000 forum posts (each with its facets; a fifth of the
resources for members, a third of the posts in private groups), then reports
the median in-process time of the search page's first page (Django's test
client through every middleware) for a rare word, a word in about a tenth of
the documents and a word in nearly every document, as a visitor and as a
member, with the SQL query count. It exits with status 1 when a median is
over ``TARGET_MS``. The SQLite file is kept in ``/tmp`` between runs.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path


REPO_DIR = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO_DIR / "site"), str(REPO_DIR)]
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/mmn-search-bench.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "mmn_site.settings.test"

TARGET_MS = 300
RUNS = 15
COUNTS = {"resource": 10_000, "organisation": 5_000, "forum_post": 100_000}
QUERIES = {
    "rare word": "zephyrine",  # in 20 documents
    "word in a tenth": "pathways",  # in about 10% of them
    "word nearly everywhere": "migration",  # in 98% of them
    "two common words": "migration pathways",
}


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    fill_index()
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk load: the planner needs the
        # index's statistics to tell common words from rare ones.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE mmn_search_searchentry, mmn_search_searchfacet")
    user = _member()
    print(f"Database: {connection.vendor}; index rows: {_row_count()}")
    print(f"{'query':<26} {'viewer':<8} {'median ms':>10} {'max ms':>8} {'queries':>8}")
    worst = 0.0
    for label, query in QUERIES.items():
        for viewer in ("visitor", "member"):
            median, longest, queries = measure(
                query, user if viewer == "member" else None
            )
            worst = max(worst, median)
            print(
                f"{label:<26} {viewer:<8} {median:>10.1f} {longest:>8.1f} {queries:>8}"
            )
    print(f"Target: every median under {TARGET_MS} ms.")
    return 0 if worst < TARGET_MS else 1


def _row_count():
    from mmn_plugins.search.models import SearchEntry

    return SearchEntry.objects.count()


def fill_index():
    """Insert the benchmark's documents once, straight into the index tables."""
    from django.db import transaction

    from mmn_plugins.search.indexing import entry_for
    from mmn_plugins.search.models import SearchEntry, SearchFacet

    if SearchEntry.objects.filter(source_ref__startswith="bench:").count() >= sum(
        COUNTS.values()
    ):
        return
    SearchEntry.objects.all().delete()
    rng = random.Random(2026)
    vocabulary = [_word(rng) for _ in range(8_000)]
    started = time.monotonic()
    for kind, count in COUNTS.items():
        for first in range(0, count, 5_000):
            documents = [
                _document(rng, vocabulary, kind, number)
                for number in range(first, min(count, first + 5_000))
            ]
            with transaction.atomic():
                entries = SearchEntry.objects.bulk_create(
                    [entry_for(f"bench:{kind}:{d.key}", d) for d in documents]
                )
                SearchFacet.objects.bulk_create(
                    SearchFacet(entry=entry, name=name, code=code)
                    for entry, document in zip(entries, documents, strict=True)
                    for name, codes in document.facets.items()
                    for code in codes
                )
        print(f"Indexed {count} {kind} documents ({time.monotonic() - started:.0f} s).")


def _word(rng):
    return "".join(
        rng.choice("abcdefghijklmnoprstuvy") for _ in range(rng.randint(4, 9))
    )


def _document(rng, vocabulary, kind, number):
    from mmn_plugins.core.registry import Audience, SearchDocument

    words = rng.choices(vocabulary, k=60 if kind == "forum_post" else 40)
    if rng.random() < 0.98:
        words.insert(rng.randrange(len(words)), "migration")
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), "pathways")
    if number % (sum(COUNTS.values()) // 20) == 0 or (
        kind == "resource" and number < 5
    ):
        words.append("zephyrine")
    audience, groups = Audience.PUBLIC, ()
    if kind == "resource" and number % 5 == 0:
        audience = Audience.MEMBERS
    if kind == "forum_post" and number % 3 == 0:
        audience, groups = Audience.GROUPS, (1 + number % 5,)
    language = rng.choice(["en", "fr", "ar", "el", "it", "es"])
    facets = {"language": [language]}
    if kind != "forum_post":
        facets["type"] = [rng.choice(["report", "study", "ngo", "academia"])]
        facets["topic"] = [rng.choice(["health", "labour", "education"])]
        facets["country"] = [rng.choice(["FR", "GR", "TN", "MA", "IT"])]
    return SearchDocument(
        kind=kind,
        key=str(number),
        language=language,
        title=" ".join(words[:6]).title(),
        body=" ".join(words),
        url=f"/{language}/{kind}/{number}/",
        audience=audience,
        group_ids=groups,
        facets=facets,
    )


def _member():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name="Members")
    user, created = get_user_model().objects.get_or_create(
        username="bench-member", defaults={"email": "bench@example.org"}
    )
    user.groups.add(group)
    return user


def measure(query, user):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST="localhost")
    if user is not None:
        client.force_login(user)
    timings = []
    with override_settings(MMN_SEARCH_RATE="100000/m"):
        client.get("/en/search/", {"q": query})  # warm the templates
        for _ in range(RUNS):
            started = time.perf_counter()
            response = client.get("/en/search/", {"q": query})
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/search/", {"q": query})
    return statistics.median(timings), max(timings), len(queries.captured_queries)


if __name__ == "__main__":
    sys.exit(main())
