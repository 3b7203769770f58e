"""Benchmark the debates: a page of 1,000 threaded comments, a comment at the limit.

    .venv/bin/python tests/benchmarks/debates.py [--iterations 30]

On demand, not part of the test run. It builds, in a temporary SQLite
database with the benchmark settings (production's choices on the embedded
defaults, page cache off), a debate of 1,000 comments (250 arguments across
the three stances, each with a thread of three replies) and a debate of 100,
then measures in process, through Django's test client and every middleware:

- the debate page for a visitor and for a signed-in member
  (target: median < 300 ms, wall clock; the CPU time is printed beside it);
- SQL queries of each, which must be the same for 100 and 1,000 comments;
- one comment at ``MMN_DEBATES_COMMENT_MAX_LENGTH`` sanitised and rendered
  with its template (target: median < 50 ms).

It prints a table and exits with status 1 when a target is missed.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


REPO_DIR = Path(__file__).resolve().parents[2]
TARGETS_MS = {"page": 300.0, "comment": 50.0}
TEXT = "An argument with **bold**, a [link](https://example.org) and a list:\n\n- one"


def setup_django(folder):
    sys.path[:0] = [str(REPO_DIR), str(REPO_DIR / "site")]
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.benchmarks.settings"
    os.environ["MMN_BENCH_DIR"] = str(folder)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    call_command("migrate", verbosity=0)


def build(comment_counts):
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from mmn_plugins.debates.models import DebateIndexPage, DebatePage
    from mmn_plugins.debates.participation import build_comment
    from tests import factories

    factories.ensure_locales()
    home = factories.make_site_with_home()
    index = factories.add_page(home, DebateIndexPage(title="Debates", slug="debates"))
    Group.objects.get_or_create(name="Members")
    users = [
        factories.make_user(f"bench{n}@example.org", group="Members") for n in range(20)
    ]
    now = timezone.now()
    debates = []
    for count in comment_counts:
        debate = factories.add_page(
            index,
            DebatePage(
                title=f"A debate of {count}",
                slug=f"debate-{count}",
                question="Is it fast?",
                opens_at=now - timezone.timedelta(days=1),
                closes_at=now + timezone.timedelta(days=30),
            ),
        )
        with transaction.atomic():
            for number in range(count // 4):
                stance = ["for", "against", "neutral"][number % 3]
                parent = build_comment(debate, users[number % 20], TEXT, stance)
                parent.save()
                for depth in range(3):
                    user = users[(number + depth + 1) % 20]
                    reply = build_comment(debate, user, TEXT, parent=parent)
                    reply.save()
                    parent = reply
        debates.append(debate)
    return debates, users


def measure(client, url, iterations):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # Warm the template cache and the site and route lookups.
    client.get(url)
    timings, cpu_timings = [], []
    for _ in range(iterations):
        with CaptureQueriesContext(connection) as queries:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu_timings.append((time.process_time() - cpu_started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), statistics.median(cpu_timings), len(queries)


def measure_comment(iterations):
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils import timezone

    from mmn_plugins.core.registry import PersonSummary
    from mmn_plugins.core.sanitise import render_markdown
    from mmn_plugins.debates import settings as debate_settings
    from mmn_plugins.debates.models import DebateComment, DebatePage
    from mmn_plugins.debates.threads import prepare_comments
    from mmn_plugins.debates.views import comment_labels

    limit = debate_settings.get("MMN_DEBATES_COMMENT_MAX_LENGTH")
    paragraph = "Some *emphasis*, **bold**, `code` and a [link](https://example.org). "
    block = "> " + paragraph + "\n\n- " + paragraph + "\n\n"
    text = (block * (limit // len(block) + 1))[:limit]
    page = DebatePage.objects.first()
    request = RequestFactory().get(page.url)
    request.user = type("Visitor", (), {"is_authenticated": False})()
    timings, cpu_timings = [], []
    for _ in range(iterations):
        comment = DebateComment(
            pk=1, comment=text, level=0, language="en", submit_date=timezone.now()
        )
        started, cpu_started = time.perf_counter(), time.process_time()
        comment.body_html = str(render_markdown(text))
        prepare_comments([comment], page.get_url(request))
        comment.author = PersonSummary(name="Member")
        render_to_string(
            "mmn_debates/includes/comment.html",
            {"comment": comment, "labels": comment_labels(), "status": "open",
             "max_depth": 3},
            request=request,
        )  # fmt: skip
        timings.append((time.perf_counter() - started) * 1000)
        cpu_timings.append((time.process_time() - cpu_started) * 1000)
    return statistics.median(timings), statistics.median(cpu_timings), len(text)


def report(label, median, cpu_median, queries, target):
    """Print one row as soon as it is measured; return whether it met its target.

    The target applies to the wall-clock median. The CPU median (this process
    only) is printed beside it: on a machine shared with other work, the wall
    clock also counts the time spent waiting for a core.
    """
    limit = TARGETS_MS.get(target)
    ok = limit is None or median < limit
    shown = f"<{limit:.0f}" if limit else ""
    verdict = "" if ok else "  MISSED"
    print(
        f"{label:42} {median:9.1f} {cpu_median:9.1f} {queries:8} {shown:>7}{verdict}",
        flush=True,
    )
    return ok


def main(arguments):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=30)
    options = parser.parse_args(arguments)
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        from django.test import Client

        (small, large), users = build([100, 1000])
        visitor = Client()
        member = Client()
        member.force_login(users[0])
        print(f"Load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.")
        print(
            f"{'measure':42} {'wall ms':>9} {'cpu ms':>9} {'queries':>8} {'target':>7}"
        )
        results, queries_by_reader = [], {}
        for reader, client in [("visitor", visitor), ("member", member)]:
            for debate, count in [(small, 100), (large, 1000)]:
                median, cpu, queries = measure(client, debate.url, options.iterations)
                queries_by_reader.setdefault(reader, set()).add(queries)
                target = "page" if count == 1000 else None
                label = f"debate of {count:,} comments, {reader}"
                results.append(report(label, median, cpu, queries, target))
        median, cpu, length = measure_comment(options.iterations)
        label = f"one comment of {length:,} characters"
        results.append(report(label, median, cpu, 0, "comment"))

        failed = not all(results)
        for reader, counts in queries_by_reader.items():
            if len(counts) != 1:
                print(f"The {reader}'s query count grows with the comments: {counts}.")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
