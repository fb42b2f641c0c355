"""The load test behind ``make bench``: seed a large district, serve it, measure it.

    make bench      (= bash .ci/with-postgres bash .ci/with-elasticsearch \
                       .venv/bin/python benchmarks/load/run.py)

Needs DATABASE_URL (an empty PostgreSQL database) and ELASTICSEARCH_URL. Steps, each
its own process so that no Django state leaks into the measurements:

1. migrate, ``seed_demo``, ``seed.py`` (10k initiatives, 10k volunteers, 200 rooms with
   a month of bookings, vacatures), ``search_index --rebuild``, ``collectstatic``;
2. ``inprocess.py``: uncached render time and queries per page type (test client);
3. gunicorn (WORKERS workers of THREADS threads, gthread) on a free localhost port with
   the load settings (``benchmarks/load/settings.py``: production, plain HTTP);
4. ``driver.py``: 20 concurrent anonymous clients over the URL mix of ``mix.py``, and
   each worker's memory before and after the measured requests (at least 10,000 when
   the machine manages that within BENCH_MAX_SECONDS);
5. prints the table, compares it with the goals of issue #9 and writes
   ``benchmarks/results/latest.json``.
"""

from __future__ import annotations

import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.load import mix  # noqa: E402

PYTHON = sys.executable
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
# Two cores: one process per core. Threads let a worker go on with another request
# while one waits for PostgreSQL or the search server (the GIL is released then).
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))
THREADS = int(os.environ.get("BENCH_THREADS", 4))
# The goals of issue #9.
RENDER_RATIO_GOAL = 10  # uncached render time, times the bare view's
QUERIES_GOAL = 10  # database queries per page
P95_RATIO_GOAL = 2  # p95 under load (anonymous, cached), times the bare view's
SATURATED_BARE_P50_MS = 50


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(tmp: Path) -> tuple[subprocess.Popen | None, str]:
    """A throw-away Redis for the cache, as in production; without redis-server: none."""
    binary = shutil.which("redis-server")
    if not binary:
        return None, ""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", str(tmp), "--logfile", str(tmp / "redis.log")],
        start_new_session=True,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    sys.exit("redis-server did not start")


def environ(tmp: Path, redis_url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.load.settings",
        "PYTHONPATH": str(ROOT),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "STATIC_ROOT": str(tmp / "static"),
        "SEARCH_INDEX_PREFIX": f"bench-{os.getpid()}",
        "LOG_LEVEL": "ERROR",
    }
    if redis_url:
        # The production cache: every worker shares the pages and their invalidation.
        env["REDIS_URL"] = redis_url
    else:
        # No Redis here: each worker keeps its own local-memory page cache. Nothing writes
        # content during the run, so the missing cross-process invalidation does not
        # matter for the numbers (it would in production: use Redis there).
        env["PAGE_CACHE_SECONDS"] = env.get("PAGE_CACHE_SECONDS", "300")
    return env


def step(label: str, args: list[str], env: dict[str, str], timings: dict) -> None:
    started = time.monotonic()
    print(f"== {label}", flush=True)
    subprocess.run(args, cwd=ROOT, env=env, check=True)  # noqa: S603
    timings[label] = round(time.monotonic() - started, 1)
    print(f"   {timings[label]} s", flush=True)


def start_server(env: dict[str, str], tmp: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    options = {
        "--bind": f"127.0.0.1:{port}",
        "--workers": str(WORKERS),
        "--worker-class": "gthread",
        "--threads": str(THREADS),
        "--timeout": "120",
        # Longer than any pause of a client, so the server never closes a kept-alive
        # connection just as the driver sends on it (an error that is not the site's).
        "--keep-alive": "60",
        "--error-logfile": str(tmp / "gunicorn.log"),
    }
    process = subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "-m",
            "gunicorn",
            "buurtkracht.wsgi",
            *[a for pair in options.items() for a in pair],
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped:\n{(tmp / 'gunicorn.log').read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/bench/bare/", timeout=2):  # noqa: S310
                return process, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    stop_server(process)
    sys.exit(f"The site did not answer on {url}")


def stop_server(process: subprocess.Popen) -> None:
    """Stop a process started in its own session, with its children."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kib = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def git(*args: str) -> str:
    result = subprocess.run(  # noqa: S603
        ["git", *args],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def combine(inprocess: dict, load: dict) -> dict:
    """Per page: the load numbers, the in-process numbers and the ratios to the bare view."""
    bare_render = inprocess["pages"]["bare"]["render_ms_median"]
    bare_p95 = load["pages"]["bare"]["p95_ms"]
    pages = {}
    for page in [*mix.PAGES, "search_database"]:
        row = {**load["pages"].get(page, {}), **inprocess["pages"][page]}
        row["render_ratio"] = round(row["render_ms_median"] / bare_render, 1)
        if "p95_ms" in row:
            row["p95_ratio"] = round(row["p95_ms"] / bare_p95, 1)
        pages[page] = row
    return pages


def judge(pages: dict) -> dict:
    """How far each key page is from the goals; the page furthest away."""
    verdicts = {}
    for page in mix.KEY_PAGES:
        row = pages[page]
        factors = {
            "uncached render": row["render_ratio"] / RENDER_RATIO_GOAL,
            "queries": row["queries_median"] / QUERIES_GOAL,
            "p95 under load": row["p95_ratio"] / P95_RATIO_GOAL,
        }
        worst = max(factors, key=factors.get)
        verdicts[page] = {
            "meets_goals": row["render_ratio"] < RENDER_RATIO_GOAL
            and row["queries_median"] <= QUERIES_GOAL
            and row["p95_ratio"] <= P95_RATIO_GOAL,
            "worst_measure": worst,
            "times_the_goal": round(factors[worst], 2),
        }

    # The bare view renders in about a millisecond: a median far above that under load
    # is time in the queue, and then every page waits about as long, so the p95 ratios
    # tend to 1 whatever the pages cost.
    saturated = pages["bare"]["p50_ms"] > SATURATED_BARE_P50_MS

    def furthest(pages):
        return max(pages, key=lambda p: verdicts[p]["times_the_goal"])

    return {
        "saturated": saturated,
        "pages": verdicts,
        "furthest": furthest(verdicts),
        # Search waits for noida-db here, the slow stand-in for Elasticsearch.
        "furthest_besides_search": furthest([p for p in verdicts if p != "search"]),
    }


def print_table(pages: dict, verdict: dict, load: dict) -> None:
    header = (
        f"{'page':<20}{'reqs':>7}{'err':>5}{'p50':>8}{'p95':>8}{'max':>8}{'req/s':>7}"
        f"{'p95x':>7}{'render':>8}{'rendx':>7}{'queries':>8}{'cache':>7}  goal"
    )
    print("\n" + header)
    print("-" * len(header))
    for page, row in pages.items():
        cache = row.get("cache_hit_share")
        goal = verdict["pages"].get(page)
        goal_text = (
            "" if goal is None else ("ok" if goal["meets_goals"] else f"{goal['worst_measure']}")
        )
        print(
            f"{page:<20}{row.get('requests', '-'):>7}{row.get('errors', '-'):>5}"
            f"{row.get('p50_ms', '-'):>8}{row.get('p95_ms', '-'):>8}{row.get('max_ms', '-'):>8}"
            f"{row.get('requests_per_second', '-'):>7}{row.get('p95_ratio', '-'):>7}"
            f"{row['render_ms_median']:>8}{row['render_ratio']:>7}{row['queries_median']:>8}"
            f"{'-' if cache is None else f'{cache:.0%}':>7}  {goal_text}"
        )
    print("-" * len(header))
    print(
        "latencies in ms under load (p95x: p95 / bare p95); render: median uncached ms "
        "in-process (rendx: / bare render); queries: median per request; cache: X-Cache hits"
    )
    memory = load["memory"]
    sizes = ", ".join(
        f"worker {pid}: {memory['rss_kib_before'][str(pid)] / 1024:.1f} -> "
        f"{memory['rss_kib_after'][str(pid)] / 1024:.1f} MiB"
        for pid in memory["workers"]
    )
    print(
        f"\n{load['requests']} requests in {load['measured_seconds']} s "
        f"({load['requests_per_second']} req/s, {load['errors']} errors) by "
        f"{load['clients']} clients after {load['warm_up_seconds']:.0f} s warm-up"
    )
    restarted = "a worker restarted" if memory["worker_restarted"] else "no worker restarted"
    print(
        f"memory (RSS) before and after the {memory['requests_between']} measured requests "
        f"(both workers together): {sizes}; {restarted}"
    )
    for label, key in (("", "furthest"), (" besides search", "furthest_besides_search")):
        page = verdict[key]
        print(
            f"furthest from its goal{label}: {page} ({verdict['pages'][page]['worst_measure']}, "
            f"{verdict['pages'][page]['times_the_goal']}x the goal)"
        )
    if verdict["saturated"]:
        print(
            f"note: the server was saturated (bare view p50 {load['pages']['bare']['p50_ms']} ms "
            f"under load): latencies are mostly queueing, the p95 ratios say little"
        )
    if memory["requests_between"] < 10_000:
        print("note: fewer than 10,000 requests were measured (BENCH_MAX_SECONDS reached)")


def measure(tmp: Path, env: dict[str, str], timings: dict) -> tuple[dict, dict, dict]:
    manage = [PYTHON, str(ROOT / "manage.py")]
    catalogue_path, inprocess_path, load_path = (
        tmp / "catalogue.json",
        tmp / "inprocess.json",
        tmp / "load.json",
    )
    # No task worker runs yet; and no Redis: the page cache is empty until the server
    # starts, so the seed need not bump its generation on every write.
    seeding = {**env, "BENCH_TASKS_IMMEDIATE": "1"}
    seeding.pop("REDIS_URL", None)
    step("migrate", [*manage, "migrate", "--noinput", "-v", "0"], seeding, timings)
    step("seed_demo", [*manage, "seed_demo"], seeding, timings)
    step("seed", [PYTHON, str(ROOT / "benchmarks/load/seed.py"), str(catalogue_path)],
         seeding, timings)  # fmt: skip
    step("search_index", [*manage, "search_index", "--rebuild"], seeding, timings)
    step("collectstatic", [*manage, "collectstatic", "--noinput", "-v", "0"], env, timings)
    step(
        "inprocess",
        [PYTHON, str(ROOT / "benchmarks/load/inprocess.py"), str(catalogue_path),
         str(inprocess_path)],
        env,
        timings,
    )  # fmt: skip
    server, url = start_server(env, tmp)
    # The task worker of production: searches count their term through it.
    worker = subprocess.Popen(  # noqa: S603
        [*manage, "db_worker", "--interval", "1", "--no-startup-delay", "-v", "0"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        step(
            "load",
            [PYTHON, str(ROOT / "benchmarks/load/driver.py"), url, str(catalogue_path),
             str(load_path), str(server.pid)],
            {**os.environ, "PYTHONPATH": str(ROOT)},
            timings,
        )  # fmt: skip
    finally:
        stop_server(server)
        stop_server(worker)
    return tuple(json.loads(p.read_text()) for p in (catalogue_path, inprocess_path, load_path))


def main() -> None:
    for name in ("DATABASE_URL", "ELASTICSEARCH_URL"):
        if not os.environ.get(name):
            sys.exit(f"Set {name}: run `make bench`.")
    started = time.monotonic()
    load_before = os.getloadavg()
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="buurtkracht-bench-") as tmp_name:
        tmp = Path(tmp_name)
        redis, redis_url = start_redis(tmp)
        try:
            catalogue, inprocess, load = measure(tmp, environ(tmp, redis_url), timings)
        finally:
            if redis:
                redis.terminate()
                redis.wait()

    pages = combine(inprocess, load)
    verdict = judge(pages)
    print_table(pages, verdict, load)
    if inprocess["problems"]:
        print("in-process problems:", *inprocess["problems"], sep="\n  ")
    timings["total"] = round(time.monotonic() - started, 1)
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git("rev-parse", "HEAD"),
        "worktree_dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "machine": machine(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "server": {
            "gunicorn_workers": WORKERS,
            "worker_class": "gthread",
            "threads": THREADS,
            "cache": "redis" if redis_url else "locmem (per worker)",
        },
        "data": catalogue["counts"],
        "mix_weights": mix.WEIGHTS,
        "goals": {
            "render_ratio_below": RENDER_RATIO_GOAL,
            "queries_at_most": QUERIES_GOAL,
            "p95_ratio_at_most": P95_RATIO_GOAL,
        },
        "pages": pages,
        "verdict": verdict,
        "load": {k: v for k, v in load.items() if k != "pages"},
        "inprocess_problems": inprocess["problems"],
        "seconds": timings,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nsteps (s): {timings}")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
