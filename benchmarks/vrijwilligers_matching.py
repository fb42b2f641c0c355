"""Benchmark the vacature matcher: rank 1,000 vacatures for each of 10,000 volunteers (top 20).

    .venv/bin/python benchmarks/vrijwilligers_matching.py

In memory, no database: random ``Features`` (the scorer's own input) on 25 buurt-like
centroids. Measures ``VacatureMatrix.top`` (numpy, bitmask popcounts) for every
volunteer, and as the baseline the plain per-pair ``score`` with ``heapq`` (``rank``) on
a sample of volunteers, extrapolated. Both must give the same top 20.
"""

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vrijwilligers.matching import Features, VacatureMatrix, rank  # noqa: E402

VACATURES, VOLUNTEERS, TOP, BASELINE_SAMPLE = 1_000, 10_000, 20, 300


def instance(seed: int = 6):
    rng = random.Random(seed)
    centroids = [(52.36 + rng.random() * 0.04, 4.83 + rng.random() * 0.06) for _ in range(25)]

    def bits(width: int, count: int) -> int:
        return sum(1 << i for i in rng.sample(range(width), count))

    vacatures = []
    for i in range(1, VACATURES + 1):
        remote = rng.random() < 0.05
        vacatures.append(
            Features(
                id=i,
                skills=bits(20, rng.randint(0, 4)),
                themes=bits(12, rng.randint(0, 3)),
                availability=bits(21, rng.randint(0, 6)),
                languages=bits(12, 1) if rng.random() < 0.1 else 0,
                suit=bits(4, rng.randint(0, 3)),
                point=None if remote else rng.choice(centroids),
                remote=remote,
                min_age=rng.choice([0, 0, 0, 16, 18]),
            )
        )
    volunteers = [
        Features(
            id=100_000 + j,
            skills=bits(20, rng.randint(1, 5)),
            themes=bits(12, rng.randint(0, 3)),
            availability=bits(21, rng.randint(0, 10)),
            languages=bits(12, rng.randint(1, 2)),
            suit=bits(4, rng.randint(0, 2)),
            point=rng.choice(centroids + [None]),
            max_distance_km=rng.choice([1, 2, 3, 5, 10]),
        )
        for j in range(VOLUNTEERS)
    ]
    return vacatures, volunteers


def main() -> None:
    vacatures, volunteers = instance()

    started = time.perf_counter()
    matrix = VacatureMatrix(vacatures)
    build = time.perf_counter() - started

    started = time.perf_counter()
    tops = [matrix.top(vol, TOP) for vol in volunteers]
    vectorised = time.perf_counter() - started

    sample = volunteers[:BASELINE_SAMPLE]
    started = time.perf_counter()
    plain = [[(s, v.id) for s, v in rank(vol, vacatures, limit=TOP)] for vol in sample]
    baseline_sample = time.perf_counter() - started
    baseline = baseline_sample / BASELINE_SAMPLE * VOLUNTEERS
    assert plain == tops[:BASELINE_SAMPLE], "numpy and per-pair rankings differ"

    print(f"{VACATURES:,} vacatures x {VOLUNTEERS:,} volunteers, top {TOP}")
    print(f"numpy matrix build:         {build * 1000:8.1f} ms")
    print(
        f"numpy ranking, total:       {vectorised:8.2f} s  ({vectorised / VOLUNTEERS * 1000:.3f} ms per volunteer)"
    )
    print(
        f"per-pair Python + heapq:    {baseline:8.2f} s  ({baseline / VOLUNTEERS * 1000:.3f} ms per volunteer,"
        f" measured on {BASELINE_SAMPLE} volunteers)"
    )
    print(
        f"speed-up numpy vs per-pair: {baseline / vectorised:8.1f}x  (same top {TOP} on the sample)"
    )


if __name__ == "__main__":
    main()
