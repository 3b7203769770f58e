"""``manage.py rebuild_search_index``: index every source again, from scratch."""

import time

from django.core.management.base import BaseCommand

from ...indexing import rebuild


BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Empty the site-wide search index and index every record of every "
        "search source again (and Elasticsearch, when it is configured)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        self._last_drawn = None
        written = rebuild(progress=self._draw_progress)
        if self._last_drawn is not None:
            self.stdout.write("")
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {written} documents in {seconds:.1f} seconds.")
        )

    def _draw_progress(self, source, done, total):
        # Redraw at most once per per cent, so a big rebuild writes little.
        step = (source.kind, done * 100 // max(total, 1))
        if step == self._last_drawn and done != total:
            return
        if self._last_drawn is not None and self._last_drawn[0] != source.kind:
            self.stdout.write("")
        self._last_drawn = step
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stdout.write(f"\r{source.kind:<12} [{bar}] {done}/{total}", ending="")
        self.stdout.flush()
