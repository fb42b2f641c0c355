"""Tools around the scheduler for tests and the benchmark: a checker that lists every
broken rule, and seeded random instances. Pure, like ``scheduling``."""

from collections.abc import Iterable

import numpy as np

from .scheduling import Conversation, Id, Instance


def violations(instance: Instance, conversations: Iterable[Conversation]) -> list[str]:
    """Every broken rule in a schedule (empty when it is valid); used by tests and checks."""
    problems, seen = [], set()
    per_resident: dict[Id, int] = {}
    for c in conversations:
        keys = {
            ("resident-slot", c.resident, c.slot),
            ("table-slot", c.table, c.slot),
            ("pair", c.resident, c.table),
        }
        problems += [f"twice: {key}" for key in keys & seen]
        seen |= keys
        per_resident[c.resident] = per_resident.get(c.resident, 0) + 1
        if c.slot not in instance.slots_of_resident(c.resident):
            problems.append(f"resident {c.resident} absent in slot {c.slot}")
        if c.slot not in instance.slots_of_table(c.table):
            problems.append(f"table {c.table} absent in slot {c.slot}")
        if c.score != instance.scores.get((c.resident, c.table), 0) or c.score <= 0:
            problems.append(f"wrong or zero score for {c.resident}-{c.table}")
    problems += [
        f"resident {r} has {n} conversations"
        for r, n in per_resident.items()
        if n > instance.max_per_resident
    ]
    return problems


def random_instance(
    *,
    seed: int,
    residents: int,
    tables: int,
    slots: int,
    max_per_resident: int = 4,
    partial_share: float = 0.0,
    density: float = 0.5,
    first_talk_bonus: int = 0,
) -> Instance:
    """A seeded random instance for tests and the benchmark.

    ``density`` is the share of pairs with a positive score; ``partial_share`` the share
    of residents (and half that of tables) present in only part of the slots.
    """
    rng = np.random.default_rng(seed)
    resident_ids = [f"r{i}" for i in range(residents)]
    table_ids = [f"t{i}" for i in range(tables)]
    scores = {}
    for r in resident_ids:
        for t in table_ids:
            if rng.random() < density:
                scores[(r, t)] = int(rng.integers(1, 101))

    def part(ids, share):
        chosen = {}
        for key in ids:
            if rng.random() < share:
                start = int(rng.integers(0, slots))
                length = int(rng.integers(1, slots + 1))
                chosen[key] = frozenset(s % slots for s in range(start, start + length))
        return chosen

    return Instance(
        residents=resident_ids,
        tables=table_ids,
        slot_count=slots,
        scores=scores,
        max_per_resident=max_per_resident,
        resident_slots=part(resident_ids, partial_share),
        table_slots=part(table_ids, partial_share / 2),
        first_talk_bonus=first_talk_bonus,
    )
