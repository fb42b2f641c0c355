"""Benchmark: 10,000 documents, 50 typical Dutch queries with facets, on each engine.

    bash .ci/with-postgres .venv/bin/python benchmarks/search.py
    bash .ci/with-postgres bash .ci/with-elasticsearch .venv/bin/python benchmarks/search.py

Migrates the database in DATABASE_URL, indexes 10,000 synthetic documents (a
benchmark source; real sources add only their own queries), and prints the full
rebuild time and p50/p95 milliseconds per engine, next to a naive baseline in the
same run: one ``title ILIKE '%word%'`` query per search (no ranking, facets or typos).
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtkracht.settings.test")
if "DATABASE_URL" not in os.environ:
    sys.exit("Set DATABASE_URL (e.g. run under `bash .ci/with-postgres`).")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from search import engine, indexing, registry  # noqa: E402
from search.models import Document  # noqa: E402
from search.types import GeoPoint, SearchDocument, SearchRequest  # noqa: E402

N_DOCS = 10_000
WORDS = [
    "moestuin",
    "buurtcafé",
    "taalcoach",
    "buurthuis",
    "koken",
    "maaltijd",
    "fietsen",
    "repair",
    "café",
    "huiswerk",
    "ouderen",
    "jongeren",
    "wandelen",
    "schilderen",
    "muziek",
    "dansen",
    "voetbal",
    "zwemles",
    "computerles",
    "buurtkamer",
    "naaien",
    "breien",
    "klussen",
    "tuinieren",
    "voedselbank",
    "kledingbank",
    "spreekuur",
    "bibliotheek",
    "voorlezen",
    "speeltuin",
    "zwerfvuil",
    "groen",
    "duurzaam",
    "energie",
    "coach",
    "vrijwilliger",
]
WIJKEN = ["westerpark", "oud-west", "de-baarsjes", "bos-en-lommer"]
THEMES = ["groen", "taal", "ontmoeting", "eten-en-koken", "jeugd", "ouderen", "sport"]
TYPES = ["initiatief", "wijkonderneming", "vacature", "locatie", "ruimte", "nieuws", "pagina"]
QUERIES = [
    ("moestuin", {}),
    ("moestuinen", {"wijk": "westerpark"}),
    ("cafe", {}),
    ("buurthuis", {"types": ["locatie"]}),
    ("taalmaatje", {}),
    ("buurtcentrun", {}),
    ("koken", {"themes": ["eten-en-koken"]}),
    ("vrijwilliger koken", {"types": ["vacature"]}),
    ("fietsen", {}),
    ("huiswerk jongeren", {}),
    ("ouderen wandelen", {"wijk": "oud-west"}),
    ("", {"types": ["vacature"], "skills": ["koken"]}),
    ("", {"wijk": "de-baarsjes"}),
    ("muziek", {"postcode": "1055"}),
    ("zwemles", {"postcode": "1053", "distance_km": 2}),
    ("repair café", {}),
    ("voedselbank", {"needs": ["geld"]}),
    ("speeltuin", {"suitable_for": ["jongeren"]}),
    ("computerles ouderen", {}),
    ("breien naaien", {}),
]


def filler(rnd: random.Random) -> str:
    """A made-up Dutch-looking word from a vocabulary of about 8,000."""
    return (
        rnd.choice(["ge", "ver", "be", "ont", ""])
        + rnd.choice(
            ["buur", "stra", "plein", "kerk", "school", "markt", "huis", "werk", "tijd", "hof"]
        )
        + rnd.choice(["en", "ing", "je", "heid", "lijk", "er", "st"])
        + str(rnd.randint(0, 30))
    )


def synthetic(n: int):
    rnd = random.Random(7)
    for i in range(n):
        words = rnd.sample(WORDS, 3)
        wijk = rnd.choice(WIJKEN)
        yield SearchDocument(
            key=f"bench-{i}",
            type=rnd.choice(TYPES),
            title=" ".join(w.capitalize() for w in words[:2]) + f" {i}",
            url=f"/bench/{i}/",
            summary=f"Samen {words[2]} in de buurt, elke week.",
            body=" ".join(rnd.choices(WORDS, k=3) + [filler(rnd) for _ in range(40)]),
            wijk=wijk,
            wijk_label=wijk.replace("-", " ").title(),
            themes=rnd.sample(THEMES, 2),
            theme_labels=[],
            needs=rnd.sample(["mensen", "ruimte", "geld", "spullen"], 1),
            skills=rnd.sample(["koken", "klussen", "tuinieren"], 1),
            suitable_for=rnd.sample(["beginners", "jongeren", "nieuwkomers"], 1),
            location=GeoPoint(52.36 + rnd.random() * 0.04, 4.84 + rnd.random() * 0.04),
            popularity=rnd.random() * 10,
        )


class BenchSource:
    label = "benchmark"
    models = ()

    def documents(self):
        return synthetic(N_DOCS)

    def documents_for(self, instance):
        return [], []


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def run_queries(expect_engine: str) -> list[float]:
    requests = [SearchRequest(q=q, **kw) for q, kw in QUERIES * 3][:50]
    for request in requests[:5]:  # warm caches
        engine.search(request)
    samples = []
    for request in requests:
        started = time.perf_counter()
        results = engine.search(request)
        samples.append((time.perf_counter() - started) * 1000)
        assert results.engine == expect_engine, "engine fell back"
    return samples


def baseline() -> list[float]:
    samples = []
    for q, _ in (QUERIES * 3)[:50]:
        word = q.split()[0] if q else ""
        samples.append(timed(lambda w=word: list(Document.objects.filter(title__icontains=w)[:20])))
    return samples


def main():
    call_command("migrate", verbosity=0)
    registry._sources.clear()  # only the benchmark's documents
    registry.register(BenchSource())
    es_url = os.environ.get("ELASTICSEARCH_URL", "")
    settings.SEARCH_INDEX_PREFIX = f"bench-{int(time.time())}"
    settings.ELASTICSEARCH_URL = ""
    print(f"{N_DOCS} documents, 50 queries per engine")
    rebuild_db = timed(indexing.rebuild) / 1000
    print(f"rebuild, database only:          {rebuild_db:6.1f} s")
    base50, base95 = percentiles(baseline())
    db50, db95 = percentiles(run_queries("database"))
    print(f"baseline (title ILIKE, no facets) p50 {base50:7.1f} ms  p95 {base95:7.1f} ms")
    print(
        f"database engine                  p50 {db50:7.1f} ms  p95 {db95:7.1f} ms"
        f"  ({db50 / base50:.1f}x baseline p50)"
    )
    if not es_url:
        print("elasticsearch: not measured (run under .ci/with-elasticsearch)")
        return
    settings.ELASTICSEARCH_URL = es_url
    settings.SEARCH_TIMEOUT_SECONDS = 60  # measure noida-db, do not fall back
    from search.engines import elastic

    try:
        rebuild_es = timed(indexing.rebuild) / 1000
        print(f"rebuild, database + Elasticsearch: {rebuild_es:6.1f} s")
        es50, es95 = percentiles(run_queries("elasticsearch"))
        print(
            f"elasticsearch engine (noida-db)  p50 {es50:7.1f} ms  p95 {es95:7.1f} ms"
            f"  ({es50 / base50:.1f}x baseline p50)"
        )
    finally:
        elastic.delete_indices()


if __name__ == "__main__":
    main()
