"""Benchmark the directory at 5,000 organisations and the e-library at 10,000
resources (issues 4 and 5), in process.

    .venv/bin/python tests/benchmarks/dirlib.py [--keep DIR] [--runs 30]

Not a test (pytest does not collect it). It builds the demo network with
``load_demo`` in a temporary folder (or reuses the one ``--keep`` names, see
``run.py``), measures each page's SQL queries at the demo's size, tops the
directory up to 5,000 organisations and the library up to 10,000 resources
(with topics, languages, descriptions and files, as the demo's records have),
then measures again: the query count of every page and the median server time
in process (Django's test client through the whole handler and every
middleware, page cache off, anonymous visitor).

Targets (exit status 1 when one is missed):

* a filtered directory page in under 150 ms at 5,000 organisations;
* a library page with two facets applied and its counts in under 200 ms at
  10,000 resources;
* at most 12 queries on every page measured (the site's budget, issue 2), and
  the same number at the demo's size as at full size.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path


REPO_DIR = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO_DIR / "site"), str(REPO_DIR)]

from tests.benchmarks.run import SETTINGS_MODULE, build_demo  # noqa: E402


ORGANISATIONS = 5_000
RESOURCES = 10_000
MAX_QUERIES = 12
TARGETS_MS = {"directory, filtered": 150.0, "library, two facets": 200.0}
BATCH = 500


def main():
    options = parse_arguments()
    bench_dir = Path(options.keep or tempfile.mkdtemp(prefix="mmn-bench-"))
    os.environ["MMN_BENCH_DIR"] = str(bench_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    build_demo(bench_dir)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # A kept demo may predate a migration.

    small = {
        label: queries for label, (queries, _ms) in measure(0, fragments=False).items()
    }
    top_up_directory()
    top_up_library()
    as_served = measure(options.runs)
    uncached = measure(options.runs, fragments=False, show=options.show_queries)
    return report(small, as_served, uncached)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", help="folder holding (or to hold) the demo data")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per page")
    parser.add_argument(
        "--show-queries", metavar="LABEL", help="print the SQL of one page, uncached"
    )
    return parser.parse_args()


# The pages measured ----------------------------------------------------------


def pages():
    """(label, path) of each page measured, found in the data."""
    from mmn_plugins.directory.models import Organisation
    from mmn_plugins.library.models import ResourcePage

    organisation = Organisation.objects.listed().filter(roles__isnull=False).first()
    resource = (
        ResourcePage.objects.live()
        .filter(locale__language_code="en", files__isnull=False)
        .order_by("pk")
        .first()
    )
    topic = organisation.topics.first()
    return [
        ("directory", "/en/members/"),
        ("directory, filtered", "/en/members/?country=FR&type=ngo"),
        (
            "directory, three filters and a search",
            f"/en/members/?topic={topic.slug}&language=fr&q=a",
        ),
        ("organisation profile", f"/en/members/{organisation.slug}/"),
        ("library", "/en/library/"),
        ("library, two facets", "/en/library/?type=report&country=GR"),
        ("resource page", resource.url),
    ]


def measure(runs, fragments=True, show=None):
    """{label: (queries, median ms)}, each page timed in turn, round after
    round, so noise from the rest of the machine falls on every page alike.

    The page cache is always off; ``fragments=False`` turns core's fragment
    cache off too, so every request counts and renders the whole list.
    """
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    measured = pages()
    queries, samples = {}, {label: [] for label, _path in measured}
    caches_off = {"MMN_CORE_PAGE_CACHE_SECONDS": 0}
    if not fragments:
        caches_off["MMN_CORE_FRAGMENT_CACHE_SECONDS"] = 0
    with override_settings(**caches_off):
        for label, path in measured:
            client.get(path)  # Warm Wagtail's and the menus' caches.
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}.")
            queries[label] = len(captured)
            if label == show:
                for query in captured:
                    print(f"{query['time']}s {query['sql'][:400]}")
        for _round in range(runs):
            for label, path in measured:
                started = time.perf_counter()
                client.get(path)
                samples[label].append((time.perf_counter() - started) * 1000)
    return {
        label: (queries[label], statistics.median(samples[label]) if runs else 0)
        for label, _path in measured
    }


def report(small, as_served, uncached):
    from mmn_plugins.directory.models import Organisation
    from mmn_plugins.library.models import ResourcePage

    print()
    print(
        f"{Organisation.objects.count()} organisations, "
        f"{ResourcePage.objects.count()} resources; page cache off, medians. "
        "'served': core's fragment cache on, as a visitor gets the page; "
        "'uncached': fragment cache off too, the whole page counted and rendered."
    )
    header = (
        f"{'page':<40} {'queries (demo)':>14} {'served q':>8} {'served ms':>9} "
        f"{'uncached q':>10} {'uncached ms':>11}"
    )
    print(header)
    print("-" * len(header))
    failures = []
    for label, (queries, median) in uncached.items():
        served_queries, served_median = as_served[label]
        print(
            f"{label:<40} {small[label]:>14} {served_queries:>8} "
            f"{served_median:>9.1f} {queries:>10} {median:>11.1f}"
        )
        if queries > MAX_QUERIES:
            failures.append(f"{label}: {queries} queries (at most {MAX_QUERIES}).")
        if queries > small[label]:
            failures.append(f"{label}: queries grew from {small[label]}.")
        target = TARGETS_MS.get(label)
        if target and median > target:
            failures.append(
                f"{label}: {median:.0f} ms uncached (at most {target:.0f})."
            )
    print()
    for failure in failures:
        print(f"Target missed: {failure}")
    if not failures:
        print("Every target is met.")
    return 1 if failures else 0


# Topping up ------------------------------------------------------------------


def top_up_directory():
    """Add organisations like the demo's until there are 5,000."""
    from django.db import transaction

    from mmn_plugins.core.models import Topic
    from mmn_plugins.directory.models import (
        Language,
        Organisation,
        OrganisationDescription,
        OrganisationType,
    )

    missing = ORGANISATIONS - Organisation.objects.count()
    if missing <= 0:
        return
    print(f"Adding {missing} organisations...")
    rng = random.Random(4)  # noqa: S311 (benchmark data, nothing secret)
    types = list(OrganisationType.objects.filter(locale__language_code="en"))
    topics = list(Topic.objects.filter(locale__language_code="en"))
    languages = list(Language.objects.filter(code__in=["en", "fr", "ar", "it"]))
    countries = ["FR", "IT", "ES", "GR", "TN", "MA", "EG", "TR", "DE", "LB", "JO"]
    first = Organisation.objects.count()
    with transaction.atomic():
        created = Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Benchmark organisation {first + number}",
                    slug=f"benchmark-organisation-{first + number}",
                    organisation_type=rng.choice(types),
                    head_office_country=rng.choice(countries),
                    countries=rng.sample(countries, 3),
                    city="Benchmark city",
                )
                for number in range(missing)
            ],
            batch_size=BATCH,
        )
        created = list(Organisation.objects.order_by("-pk")[:missing])
        Organisation.topics.through.objects.bulk_create(
            [
                Organisation.topics.through(organisation=organisation, topic=topic)
                for organisation in created
                for topic in rng.sample(topics, 2)
            ],
            batch_size=BATCH,
        )
        Organisation.languages.through.objects.bulk_create(
            [
                Organisation.languages.through(
                    organisation=organisation, language=language
                )
                for organisation in created
                for language in rng.sample(languages, 2)
            ],
            batch_size=BATCH,
        )
        OrganisationDescription.objects.bulk_create(
            [
                OrganisationDescription(
                    organisation=organisation,
                    language="en",
                    text="A benchmark organisation working on migration. " * 4,
                )
                for organisation in created
            ],
            batch_size=BATCH,
        )


def top_up_library():
    """Add resource pages under the English library until there are 10,000.

    Wagtail's ``add_child`` takes tens of milliseconds a page; the pages are
    written directly instead (tree paths computed as treebeard does), which
    is what a bulk import would do.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from mmn_plugins.core.models import Topic
    from mmn_plugins.library.models import LibraryPage, ResourceFile, ResourcePage

    missing = RESOURCES - ResourcePage.objects.count()
    if missing <= 0:
        return
    print(f"Adding {missing} resources...")
    rng = random.Random(5)  # noqa: S311 (benchmark data, nothing secret)
    library = LibraryPage.objects.get(locale__language_code="en")
    topics = list(Topic.objects.filter(locale__language_code="en"))
    kinds = ["report", "study", "policy_paper", "toolkit", "video", "legal_text"]
    countries = ["FR", "IT", "ES", "GR", "TN", "MA", "EG", "TR", "DE", "LB"]
    content_type = ContentType.objects.get_for_model(ResourcePage)
    now = timezone.now()
    last_child = library.get_last_child()
    step = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0

    with transaction.atomic():
        pages_to_add = []
        for _number in range(missing):
            step += 1
            slug = f"benchmark-resource-{step}"
            pages_to_add.append(
                Page(
                    title=f"Benchmark resource {step} on migration",
                    draft_title=f"Benchmark resource {step} on migration",
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(library.path, library.depth + 1, step),
                    depth=library.depth + 1,
                    numchild=0,
                    url_path=f"{library.url_path}{slug}/",
                    locale_id=library.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        Page.objects.bulk_create(pages_to_add, batch_size=BATCH)
        Page.objects.filter(pk=library.pk).update(numchild=library.numchild + missing)
        new_pages = Page.objects.filter(
            path__in=[page.path for page in pages_to_add]
        ).values_list("pk", flat=True)
        for page_id in new_pages:
            # The child table alone: raw saves skip the parent (written above)
            # and the signal handlers that check ``raw``.
            ResourcePage(
                page_ptr_id=page_id,
                summary="A resource written for the benchmark. " * 5,
                resource_type=rng.choice(kinds),
                countries=rng.sample(countries, 2),
                publication_date=datetime.date(rng.randint(2005, 2025), 6, 1),
                access=rng.choice(["public", "public", "public", "members"]),
            ).save_base(raw=True)
        ResourcePage.topics.through.objects.bulk_create(
            [
                ResourcePage.topics.through(resourcepage_id=page_id, topic=topic)
                for page_id in new_pages
                for topic in rng.sample(topics, 2)
            ],
            batch_size=BATCH,
        )
        ResourceFile.objects.bulk_create(
            [
                ResourceFile(
                    page_id=page_id,
                    language=language,
                    sort_order=order,
                    external_url=f"https://example.org/benchmark/{page_id}/{language}",
                )
                for page_id in new_pages
                for order, language in enumerate(rng.sample(["en", "fr", "ar"], 2))
            ],
            batch_size=BATCH,
        )


if __name__ == "__main__":
    sys.exit(main())
