"""The load driver: CLIENTS concurrent anonymous visitors (asyncio + httpx), own process.

    python benchmarks/load/driver.py BASE_URL CATALOGUE.json OUT.json MASTER_PID

Never imports Django. Each client loops: draw a page of the mix (``mix.py``), GET it,
record the latency, status and ``X-Cache`` header, then wait a random think time
(0 to 2 x THINK_MS). SEARCHERS of the CLIENTS only search (see ``mix.py`` for why).
Without think time a closed loop keeps every worker busy whatever the pages cost, so
every latency, the bare view's too, becomes mostly time in the queue and the ratios to
the bare view say little. Phases:

1. warm-up (WARM_UP_SECONDS): not recorded; fills caches and connection pools;
2. the memory of every gunicorn worker (children of MASTER_PID) is read;
3. measured: until both MIN_SECONDS have passed and MIN_REQUESTS are done (so one
   worker's memory covers at least 10,000 requests), at most MAX_SECONDS;
4. the workers' memory is read again (same pids: a restarted worker is reported).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.load import mix  # noqa: E402

CLIENTS = int(os.environ.get("BENCH_CLIENTS", 20))
SEARCHERS = int(os.environ.get("BENCH_SEARCHERS", 1))
THINK_MS = float(os.environ.get("BENCH_THINK_MS", 100))
WARM_UP_SECONDS = float(os.environ.get("BENCH_WARM_UP_SECONDS", 20))
MIN_SECONDS = float(os.environ.get("BENCH_MIN_SECONDS", 60))
MIN_REQUESTS = int(os.environ.get("BENCH_MIN_REQUESTS", 10_000))
MAX_SECONDS = float(os.environ.get("BENCH_MAX_SECONDS", 300))
TIMEOUT_SECONDS = 30


def workers_of(master_pid: int) -> list[int]:
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The command name sits in parentheses and may hold spaces: split after it.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == master_pid:
            children.append(int(entry))
    return sorted(children)


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


class Run:
    def __init__(self, base_url: str, catalogue: dict):
        self.base_url = base_url
        self.catalogue = catalogue
        self.records: list[tuple[str, float, int, str]] = []  # page, ms, status, x-cache
        self.recording = False
        self.stop = False

    async def client_loop(self, http: httpx.AsyncClient, seed: int, searcher: bool) -> None:
        rng = random.Random(seed)
        while not self.stop:
            page, url = mix.draw(self.catalogue, rng, searcher=searcher)
            started = time.perf_counter()
            try:
                response = await http.get(url)
                status, cache = response.status_code, response.headers.get("X-Cache", "")
            except httpx.HTTPError as exc:
                status, cache = 0, type(exc).__name__
            elapsed = (time.perf_counter() - started) * 1000
            if self.recording:
                self.records.append((page, elapsed, status, cache))
            await asyncio.sleep(rng.uniform(0, 2 * THINK_MS) / 1000)

    async def phase(self, *, min_seconds: float, min_requests: int, max_seconds: float) -> float:
        started = time.monotonic()
        while True:
            await asyncio.sleep(0.25)
            elapsed = time.monotonic() - started
            if elapsed >= max_seconds:
                return elapsed
            if elapsed >= min_seconds and len(self.records) >= min_requests:
                return elapsed


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    index = max(0, min(len(sorted_values) - 1, round(share * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def summarise(records, seconds: float) -> dict:
    pages = {}
    for page in mix.PAGES:
        rows = [r for r in records if r[0] == page]
        if not rows:
            continue
        latencies = sorted(r[1] for r in rows)
        caches = [r[3].lower() for r in rows if r[3].lower() in ("hit", "miss")]
        errors = [r for r in rows if r[2] == 0 or r[2] >= 400]
        pages[page] = {
            "requests": len(rows),
            "errors": len(errors),
            "error_kinds": sorted({str(r[2] or r[3]) for r in errors}),
            "p50_ms": round(percentile(latencies, 0.50), 1),
            "p95_ms": round(percentile(latencies, 0.95), 1),
            "max_ms": round(latencies[-1], 1),
            "requests_per_second": round(len(rows) / seconds, 1),
            "cache_hit_share": round(caches.count("hit") / len(caches), 3) if caches else None,
        }
    return pages


async def main(base_url: str, catalogue: dict, master_pid: int) -> dict:
    run = Run(base_url, catalogue)
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=TIMEOUT_SECONDS, follow_redirects=False
    ) as http:
        tasks = [
            asyncio.create_task(run.client_loop(http, seed, searcher=seed < SEARCHERS))
            for seed in range(CLIENTS)
        ]
        await asyncio.sleep(WARM_UP_SECONDS)
        workers = workers_of(master_pid)
        before = {pid: rss_kib(pid) for pid in workers}
        run.recording = True
        seconds = await run.phase(
            min_seconds=MIN_SECONDS, min_requests=MIN_REQUESTS, max_seconds=MAX_SECONDS
        )
        run.recording = False
        records = list(run.records)
        after = {pid: rss_kib(pid) for pid in workers}
        run.stop = True
        await asyncio.gather(*tasks)
    total_errors = sum(1 for r in records if r[2] == 0 or r[2] >= 400)
    return {
        "clients": CLIENTS,
        "searching_clients": SEARCHERS,
        "think_ms_mean": THINK_MS,
        "warm_up_seconds": WARM_UP_SECONDS,
        "measured_seconds": round(seconds, 1),
        "requests": len(records),
        "errors": total_errors,
        "requests_per_second": round(len(records) / seconds, 1),
        "pages": summarise(records, seconds),
        "memory": {
            "workers": workers,
            "rss_kib_before": before,
            "rss_kib_after": after,
            "worker_restarted": workers_of(master_pid) != workers,
            "requests_between": len(records),
        },
    }


if __name__ == "__main__":
    base_url, catalogue_path, out_path, master_pid = sys.argv[1:5]
    catalogue = json.loads(Path(catalogue_path).read_text())
    result = asyncio.run(main(base_url, catalogue, int(master_pid)))
    Path(out_path).write_text(json.dumps(result, indent=2))
