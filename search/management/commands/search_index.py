"""``search_index --rebuild`` and ``search_index --check [--no-repair]``.

--rebuild: every document again, in the table and (when configured) in a new
  Elasticsearch index behind the alias; a progress bar on stderr.
--check: compares both indexes with the sources per key and type; repairs unless
  --no-repair. Exit code 1 when drift was found and not repaired (cron mails it).
  Cron, every hour: ``17 * * * * cd /srv/buurtkracht && .venv/bin/python manage.py
  search_index --check``
"""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search import indexing


class Command(BaseCommand):
    help = "Rebuild the search indexes or check them against the content."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true", help="Index everything again.")
        group.add_argument("--check", action="store_true", help="Compare and repair drift.")
        parser.add_argument("--no-repair", action="store_true", help="With --check: only report.")

    def handle(self, *args, rebuild=False, check=False, no_repair=False, **options):
        try:
            if rebuild:
                self._rebuild()
            else:
                self._check(repair=not no_repair)
        except indexing.UNAVAILABLE as exc:
            raise CommandError(f"Elasticsearch failed: {exc!r}") from exc

    def _rebuild(self):
        started = time.monotonic()
        bar = ProgressBar(sys.stderr)
        total = indexing.rebuild(progress=bar.update)
        bar.finish()
        self.stdout.write(
            f"Indexed {total} documents in {time.monotonic() - started:.1f} s "
            f"({'Elasticsearch and database' if indexing.elastic_enabled() else 'database'})."
        )

    def _check(self, *, repair: bool):
        report = indexing.check(repair=repair)
        types = sorted(set(report.expected) | set(report.table) | set(report.elastic or {}))
        header = f"{'type':<16}{'content':>9}{'database':>10}"
        header += f"{'elastic':>9}" if report.elastic is not None else ""
        self.stdout.write(header)
        for t in types:
            line = f"{t:<16}{report.expected[t]:>9}{report.table[t]:>10}"
            if report.elastic is not None:
                line += f"{report.elastic[t]:>9}"
            self.stdout.write(line)
        if not report.drift:
            self.stdout.write("No drift.")
            return
        summary = f"Drift: {report.missing} missing or stale, {report.extra} left over"
        if report.repaired:
            self.stdout.write(f"{summary}; repaired.")
            return
        raise CommandError(f"{summary}; not repaired.", returncode=1)


class ProgressBar:
    """A one-line bar on stderr: [#####.....]  1200/10000."""

    def __init__(self, stream, width: int = 40):
        self.stream, self.width, self.shown = stream, width, -1

    def update(self, done: int, total: int) -> None:
        filled = self.width * done // total if total else self.width
        if filled == self.shown and done != total:
            return
        self.shown = filled
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done:>6}/{total}")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
        self.stream.flush()
