"""How long the directory page takes with 5,000 organisations (on demand).

Not a test (pytest does not collect it). Run it against a scratch copy of a
dev database that has the demo directory::

    MMN_DEV_DB=/tmp/scratch.sqlite3 .venv/bin/python manage.py shell \
        -c "from tests.directory.benchmark_directory import main; main()"

It tops the directory up to 5,000 organisations, then reports the median
in-process time and the query count of the list page, unfiltered and with
filters, rendered through the test client (no page cache: each URL differs).
"""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from mmn_plugins.directory.demo import _seeded
from mmn_plugins.directory.models import Organisation, OrganisationType, Topic


TARGET = 5_000
RUNS = 15
URLS = [
    "/en/members/",
    "/en/members/?country=FR&type=academia",
    "/en/members/?topic={topic}&language=fr&q=a",
]


def top_up():
    missing = TARGET - Organisation.objects.count()
    if missing <= 0:
        return
    rng = _seeded(5000)
    types = list(OrganisationType.objects.filter(locale__language_code="en"))
    countries = ["FR", "IT", "ES", "GR", "TN", "MA", "EG", "TR", "DE", "LB"]
    Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Benchmark organisation {number}",
                slug=f"benchmark-organisation-{number}",
                organisation_type=rng.choice(types),
                head_office_country=rng.choice(countries),
            )
            for number in range(missing)
        ],
        batch_size=500,
    )


@override_settings(ALLOWED_HOSTS=["*"], DEBUG=False)
def main():
    top_up()
    topic = Topic.objects.filter(organisations__isnull=False).first()
    client = Client()
    for url in URLS:
        url = url.format(topic=topic.slug if topic else "")
        timings = []
        for run in range(RUNS):
            separator = "&" if "?" in url else "?"
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(f"{url}{separator}run={run}")
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        print(
            f"{url}: median {statistics.median(timings):.0f} ms, "
            f"{len(queries.captured_queries)} queries, "
            f"{Organisation.objects.count()} organisations"
        )
