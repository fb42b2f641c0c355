"""In-process measurement: one uncached render per request, and queries per page.

    python benchmarks/load/inprocess.py CATALOGUE.json OUT.json    (run by run.py)

Runs with the anonymous page cache off (``BENCH_PAGE_CACHE_SECONDS=0`` makes the load
settings set ``PAGE_CACHE_SECONDS = 0``) and Django's test client, so each request
renders the page: the whole middleware stack, views, queries and templates, without a
server or network. Per page type of the mix: the median time of ROUNDS requests with
random URLs (page types interleaved, after a warm-up that loads templates and
translations) and the median number of database queries (``CaptureQueriesContext``).
The search page is measured twice: with the configured search server and with the
database engine, to tell the search server's share from Django's.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.load.settings")
os.environ["BENCH_PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from benchmarks.load import mix  # noqa: E402

ROUNDS = 20
SEARCH_ROUNDS = 8
QUERY_SAMPLES = 5
WARM_UP = 3


def measure(catalogue: dict) -> dict:
    rng = random.Random(7)
    client = Client()
    pages = {page: page for page in mix.PAGES}
    pages["search_database"] = "search"  # the same URLs, answered by the database engine
    problems: list[str] = []

    def get(name: str, url: str):
        if name == "search_database":
            with override_settings(ELASTICSEARCH_URL=""):
                return client.get(url)
        return client.get(url)

    def check(name: str, url: str, response) -> None:
        if response.status_code != 200:
            problems.append(f"{name} {url}: HTTP {response.status_code}")
        if response.headers.get("X-Cache", "").lower() == "hit":
            problems.append(f"{name} {url}: served from the page cache")

    for name, page in pages.items():
        for _ in range(WARM_UP):
            url = mix.url_for(page, catalogue, rng)
            check(name, url, get(name, url))

    timings: dict[str, list[float]] = {name: [] for name in pages}
    for round_number in range(ROUNDS):
        for name, page in pages.items():
            if name == "search" and round_number >= SEARCH_ROUNDS:
                continue  # each takes over a second of the search server
            url = mix.url_for(page, catalogue, rng)
            started = time.perf_counter()
            response = get(name, url)
            timings[name].append((time.perf_counter() - started) * 1000)
            check(name, url, response)

    queries: dict[str, list[int]] = {name: [] for name in pages}
    for name, page in pages.items():
        for _ in range(QUERY_SAMPLES):
            url = mix.url_for(page, catalogue, rng)
            with CaptureQueriesContext(connection) as captured:
                response = get(name, url)
            queries[name].append(len(captured.captured_queries))
            check(name, url, response)

    return {
        "rounds": ROUNDS,
        "search_rounds": SEARCH_ROUNDS,
        "pages": {
            name: {
                "render_ms_median": round(statistics.median(timings[name]), 2),
                "render_ms_min": round(min(timings[name]), 2),
                "queries_median": statistics.median(queries[name]),
                "queries_max": max(queries[name]),
            }
            for name in pages
        },
        "problems": problems[:20],
    }


if __name__ == "__main__":
    catalogue = json.loads(Path(sys.argv[1]).read_text())
    Path(sys.argv[2]).write_text(json.dumps(measure(catalogue), indent=2))
