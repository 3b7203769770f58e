"""Benchmark the site's public pages against bare Django views.

    .venv/bin/python tests/benchmarks/run.py [--keep DIR] [--port 8104]

``make benchmarks`` runs it. It builds the demo network with ``load_demo`` in a
temporary folder (or reuses the one ``--keep`` names), then measures:

1. for one page of each public page type: SQL queries and the median server
   time in process (Django's test client through the whole handler and every
   middleware, page cache off), next to a bare Django view rendering a plain
   template of about the same size;
2. requests per second under a bounded loopback load against gunicorn: a
   cached anonymous page next to a bare Django view returning a short
   response through the same middleware;
3. the gunicorn worker's resident memory over 2,000 requests across every
   page type (page cache bypassed, so each request renders).

It prints one table per measure and exits with status 1 when a target of
issue 2 is missed (see ``TARGETS``).
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


REPO_DIR = Path(__file__).resolve().parents[2]
SETTINGS_MODULE = "tests.benchmarks.settings"
DEMO_PASSWORD = "benchmark-demo-password"

TARGETS = {
    "max_queries": 12,
    "max_time_ratio": 3.0,  # page median / bare template median
    "min_throughput_ratio": 0.7,  # cached page / bare short view
    "max_rss_mb": 200.0,
    "max_rss_growth_mb": 4.0,  # over the second half of the memory run
}
SERVER_ITERATIONS = 200
SERVER_SECONDS = 60.0
LOAD_REQUESTS = 3_000
LOAD_SECONDS = 15.0
LOAD_THREADS = 4
LOAD_ROUNDS = 3
MEMORY_REQUESTS = 2_000
MEMORY_SAMPLE_EVERY = 250

# A cookie the page cache steps aside for; no session has this key, so the
# request still renders as an anonymous visitor's.
BYPASS_COOKIE = "sessionid=benchmark-bypasses-the-page-cache"


@dataclass
class PageTiming:
    label: str
    path: str
    queries: int
    size: int
    median_ms: float


def main():
    options = parse_arguments()
    bench_dir = Path(options.keep or tempfile.mkdtemp(prefix="mmn-bench-"))
    os.environ["MMN_BENCH_DIR"] = str(bench_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    build_demo(bench_dir)

    setup_django()
    pages = public_pages()
    timings, bare = measure_in_process(pages)
    failures = report_in_process(timings, bare)

    with gunicorn(options.port) as worker_pid:
        failures += report_throughput(options.port, pages)
        failures += report_memory(options.port, worker_pid, pages)

    print()
    if failures:
        print("Targets missed:")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    print("Every target is met.")
    return 0


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", help="folder holding (or to hold) the demo data")
    parser.add_argument("--port", type=int, default=8104)
    return parser.parse_args()


# Demo data -------------------------------------------------------------------


def build_demo(bench_dir):
    if (bench_dir / "bench.sqlite3").exists():
        print(f"Reusing the demo network in {bench_dir}.")
        return
    print(f"Building the demo network in {bench_dir} (about a minute)...")
    bench_dir.mkdir(parents=True, exist_ok=True)
    manage = [sys.executable, str(REPO_DIR / "manage.py")]
    commands = [["migrate", "--noinput"], ["load_demo", "--password", DEMO_PASSWORD]]
    for command in commands:
        subprocess.run(
            [*manage, *command], cwd=REPO_DIR, check=True, stdout=subprocess.DEVNULL
        )


def setup_django():
    sys.path[:0] = [str(REPO_DIR / "site"), str(REPO_DIR)]
    import django

    django.setup()


def public_pages():
    """One English page of each live page type: (label, path) pairs."""
    from wagtail.models import Page

    pages = {}
    live_pages = (
        Page.objects.live()
        .public()
        .filter(locale__language_code="en", depth__gte=2)
        .order_by("path")
        .specific()
    )
    for page in live_pages:
        label = page.specific_class._meta.verbose_name
        if label not in pages:
            pages[str(label)] = page.get_url()
    return list(pages.items())


# 1. In-process server time ---------------------------------------------------


def measure_in_process(pages):
    from django.test import Client, override_settings

    client = Client()
    targets = [*pages, ("bare template view", "/bench/bare-template/")]
    with override_settings(MMN_CORE_PAGE_CACHE_SECONDS=0):
        queries = {path: count_queries(client, path) for _label, path in targets}
        samples = time_interleaved(client, [path for _label, path in targets])
    timings = [
        PageTiming(
            label, path, queries[path][0], queries[path][1], median_ms(samples[path])
        )
        for label, path in targets
    ]
    return timings[:-1], timings[-1]


def count_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # Warm the menus' and Wagtail's caches as a visitor would.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}; cannot measure it.")
    return len(queries), len(response.content)


def time_interleaved(client, paths):
    """Time each path in turn, round after round, so that noise from other
    work on the machine falls on every path alike."""
    samples = {path: [] for path in paths}
    started = time.monotonic()
    for _round in range(SERVER_ITERATIONS):
        for path in paths:
            begin = time.perf_counter()
            client.get(path)
            samples[path].append(time.perf_counter() - begin)
        if time.monotonic() - started > SERVER_SECONDS:
            break
    return samples


def median_ms(samples):
    return statistics.median(samples) * 1000


def report_in_process(timings, bare):
    print()
    print("Server time in process (page cache off), median of each page's runs")
    header = (
        f"{'page type':<28} {'path':<42} {'queries':>7} {'KB':>6} {'ms':>7} "
        f"{'x bare':>7}"
    )
    print(header)
    print("-" * len(header))
    failures = []
    for timing in [*timings, bare]:
        ratio = timing.median_ms / bare.median_ms
        print(
            f"{timing.label:<28} {timing.path:<42} {timing.queries:>7} "
            f"{timing.size / 1024:>6.1f} {timing.median_ms:>7.2f} {ratio:>7.2f}"
        )
        if timing.queries > TARGETS["max_queries"]:
            failures.append(
                f"{timing.label} runs {timing.queries} queries "
                f"(at most {TARGETS['max_queries']})."
            )
        if ratio > TARGETS["max_time_ratio"]:
            failures.append(
                f"{timing.label} takes {ratio:.2f} times the bare template view "
                f"(at most {TARGETS['max_time_ratio']})."
            )
    return failures


# 2. Throughput against gunicorn ----------------------------------------------


class gunicorn:
    """Run the site under gunicorn (one sync worker) on loopback."""

    def __init__(self, port):
        self.port = port

    def __enter__(self):
        command = [
            sys.executable, "-m", "gunicorn", "mmn_site.wsgi",
            "--pythonpath", f"{REPO_DIR / 'site'},{REPO_DIR}",
            "--bind", f"127.0.0.1:{self.port}", "--workers", "1",
            "--worker-class", "sync", "--log-level", "warning",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=REPO_DIR, env=os.environ.copy())
        self._wait_until_ready()
        return self._worker_pid()

    def __exit__(self, *exc_info):
        self.process.terminate()
        self.process.wait(timeout=30)

    def _wait_until_ready(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("gunicorn stopped before serving a request.")
            try:
                if http_get(self.port, "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("gunicorn did not answer within a minute.")

    def _worker_pid(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        pids = children.read_text().split()
        if len(pids) != 1:
            raise SystemExit(f"Expected one gunicorn worker, found {pids}.")
        return int(pids[0])


def http_get(port, path, cookie=None):
    """One HTTP/1.0 GET over a fresh connection: (status, body length)."""
    request = f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n"
    if cookie:
        request += f"Cookie: {cookie}\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(f"{request}\r\n".encode())
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    response = b"".join(chunks)
    status = int(response.split(b" ", 2)[1])
    return status, len(response)


def load(port, path, requests=LOAD_REQUESTS, seconds=LOAD_SECONDS, cookie=None):
    """Requests per second for ``path``, bounded in count and in time."""
    remaining = iter(range(requests))
    lock = threading.Lock()
    statuses = []
    deadline = time.monotonic() + seconds

    def worker():
        while time.monotonic() < deadline:
            with lock:
                if next(remaining, None) is None:
                    return
            status, _size = http_get(port, path, cookie)
            with lock:
                statuses.append(status)

    threads = [threading.Thread(target=worker) for _n in range(LOAD_THREADS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if any(status != 200 for status in statuses):
        raise SystemExit(f"{path} answered {sorted(set(statuses))} under load.")
    return len(statuses) / elapsed


def report_throughput(port, pages):
    cached_path = pages[0][1]
    bare_path = "/bench/bare-short/"
    http_get(port, cached_path)  # Store it in the page cache.
    rates = {cached_path: [], bare_path: []}
    for _round in range(LOAD_ROUNDS):
        for path in (bare_path, cached_path):
            rates[path].append(load(port, path))
    cached = statistics.median(rates[cached_path])
    bare = statistics.median(rates[bare_path])
    ratio = cached / bare

    print()
    print(
        f"Throughput under loopback load against gunicorn (1 sync worker, "
        f"{LOAD_THREADS} client threads, median of {LOAD_ROUNDS} rounds)"
    )
    print(f"{'view':<44} {'requests/s':>10} {'x bare':>7}")
    print("-" * 63)
    print(f"{'cached anonymous page ' + cached_path:<44} {cached:>10.0f} {ratio:>7.2f}")
    print(f"{'bare Django view, short response':<44} {bare:>10.0f} {1:>7.2f}")
    if ratio < TARGETS["min_throughput_ratio"]:
        return [
            f"A cached page reaches {ratio:.2f} times the bare view's throughput "
            f"(at least {TARGETS['min_throughput_ratio']})."
        ]
    return []


# 3. Memory ------------------------------------------------------------------


def resident_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"No VmRSS for process {pid}.")


def report_memory(port, worker_pid, pages):
    paths = [path for _label, path in pages]
    samples = [(0, resident_mb(worker_pid))]
    for number in range(1, MEMORY_REQUESTS + 1):
        status, _size = http_get(port, paths[number % len(paths)], BYPASS_COOKIE)
        if status != 200:
            raise SystemExit(f"{paths[number % len(paths)]} answered {status}.")
        if number % MEMORY_SAMPLE_EVERY == 0:
            samples.append((number, resident_mb(worker_pid)))

    print()
    print(
        f"Worker resident memory over {MEMORY_REQUESTS} requests across "
        f"{len(paths)} page types (page cache bypassed)"
    )
    print("  ".join(f"{count}: {rss:.1f} MB" for count, rss in samples))
    final = samples[-1][1]
    halfway = min(samples, key=lambda sample: abs(sample[0] - MEMORY_REQUESTS / 2))
    growth = final - halfway[1]
    print(f"Final {final:.1f} MB; grew {growth:.1f} MB over the second half.")

    failures = []
    if final > TARGETS["max_rss_mb"]:
        failures.append(f"The worker holds {final:.1f} MB (at most 200 MB).")
    if growth > TARGETS["max_rss_growth_mb"]:
        failures.append(
            f"The worker still grows: {growth:.1f} MB over the last "
            f"{MEMORY_REQUESTS // 2} requests (at most "
            f"{TARGETS['max_rss_growth_mb']} MB)."
        )
    return failures


if __name__ == "__main__":
    sys.exit(main())
