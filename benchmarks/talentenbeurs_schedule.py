"""Benchmark the Talentenbeurs scheduler: 300 residents x 60 tables x 12 slots.

    .venv/bin/python benchmarks/talentenbeurs_schedule.py

Pure module, no database. Prints solve time, total score, upper bound and gap for the
scheduler and for the greedy baseline, on a seeded instance with some partial
availability, and on the same instance with everyone present in all slots.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vrijwilligers.talentenbeurs.scheduling import (  # noqa: E402
    greedy_schedule,
    random_instance,
    schedule,
    violations,
)


def run(label: str, partial_share: float) -> None:
    instance = random_instance(
        seed=2013, residents=300, tables=60, slots=12, partial_share=partial_share
    )
    best = schedule(instance)
    base = greedy_schedule(instance)
    assert not violations(instance, best.conversations)
    assert not violations(instance, base.conversations)
    print(f"\n{label} (partial availability for {partial_share:.0%} of residents)")
    print(f"  {'method':<34} {'seconds':>8} {'total':>7} {'bound':>7} {'gap %':>6} {'talks':>6}")
    for result in (best, base):
        print(
            f"  {result.method:<34} {result.seconds:8.3f} {result.total:7d}"
            f" {result.upper_bound:7d} {result.gap_percent:6.2f} {len(result.conversations):6d}"
        )
    print(f"  scheduler / greedy total: {best.total / base.total:.4f}")


if __name__ == "__main__":
    run("300 x 60 x 12, partial", 0.3)
    run("300 x 60 x 12, full", 0.0)
