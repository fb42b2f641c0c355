"""The Talentenbeurs schedule: who talks to which table in which slot.

Pure Python on plain data (ids, scores, sets of slot numbers), so it is tested on random
instances and benchmarked without the database. ``services.beurs_schedule`` feeds it.

The problem. Residents ``r`` and tables ``t`` with a match score ``s(r, t)`` in 0..100
(``match_score``); slots ``0..S-1``. Choose conversations ``(r, t, slot)`` so that

- a resident has at most ``K`` conversations and at most one per slot,
- a table has at most one conversation per slot,
- a resident-table pair meets at most once,
- both resident and table are present in the slot,

maximising the total score. Pairs with score 0 are never scheduled. An optional
``first_talk_bonus`` adds points per resident with at least one conversation, so that
everyone gets a talk before anyone gets a fourth; the site uses it
(``services.FIRST_TALK_BONUS``), the bound and gap then refer to score + bonus.

The method, in three steps:

1. **Upper bound and pair choice.** Drop the slot constraints: what is left is a bipartite
   b-matching (resident degree <= min(K, slots present), table degree <= slots present,
   each pair at most once). Its LP has a totally unimodular matrix, so HiGHS
   (``scipy.optimize.linprog``) returns an integral optimum. Its value bounds every
   schedule from above.
2. **Slots for the chosen pairs.** With full availability this is bipartite edge
   colouring: every degree is <= S, so by König's theorem S colours (slots) suffice. We
   colour with alternating-path (Kempe chain) swaps (``colouring.colour_edges``), which
   never fails: gap 0. With partial availability the same method runs as list colouring
   (a swap only where every pair on the path may take its new slot, most constrained
   pairs first); when it
   leaves pairs out, an exact ILP (``scipy.optimize.milp``, HiGHS) picks the
   best-scoring subset of the chosen pairs that can get a slot. On instances small
   enough (``EXACT_VARIABLE_LIMIT``) that still leave a gap, the whole time-indexed
   problem is solved as one ILP, whose proven bound also tightens the upper bound.
3. **Repair.** Residents left with free capacity get the best remaining pair that still
   has a common free slot (greedy, by score).

The two linear programs (steps 1 and 2b) live in ``optimisation``.
``schedule()`` returns the conversations, the total, the upper bound and the gap.
The checker ``violations`` and the random instances live in ``schedule_tools``.
``greedy_schedule()`` is the simple baseline the benchmark compares against.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from .colouring import colour_edges
from .optimisation import assign_slots_ilp, slot_ilp, upper_bound_matching

# --- The match score: the one place the formula lives ------------------------------------

TALENT_WEIGHT = 70
WISH_WEIGHT = 30


def match_score(
    *,
    talents: Iterable[str],
    wishes: Iterable[str],
    sought_talents: Iterable[str],
    offer_kinds: Iterable[str],
) -> int:
    """Score 0..100 for one resident at one table.

    - Talents (up to 70 points): 70 x the share of the talents the table looks for that
      the resident has. A table that asks for no talent in particular gives 35 to
      everyone.
    - Wishes (up to 30 points): 30 x the share of the resident's wishes (werk, stage,
      vrijwilligerswerk, opleiding) that the table offers. A resident without wishes
      gets 15 (open to anything) from a table that offers something.

    The result is rounded to a whole number. 0 means "no reason to talk": no shared
    talent and no wish the table can meet.
    """
    talents, wishes = set(talents), set(wishes)
    sought, offers = set(sought_talents), set(offer_kinds)
    if sought:
        talent_part = TALENT_WEIGHT * len(talents & sought) / len(sought)
    else:
        talent_part = TALENT_WEIGHT / 2
    if not offers:
        wish_part = 0.0
    elif wishes:
        wish_part = WISH_WEIGHT * len(wishes & offers) / len(wishes)
    else:
        wish_part = WISH_WEIGHT / 2
    return round(talent_part + wish_part)


# --- Input and output --------------------------------------------------------------------

Id = Hashable


@dataclass(frozen=True)
class Instance:
    """Plain input. ``availability`` maps an id to its slots; missing means all slots."""

    residents: list[Id]
    tables: list[Id]
    slot_count: int
    scores: Mapping[tuple[Id, Id], int]
    max_per_resident: int = 4
    resident_slots: Mapping[Id, frozenset[int]] = field(default_factory=dict)
    table_slots: Mapping[Id, frozenset[int]] = field(default_factory=dict)
    # Points for a resident's first conversation, on top of its score: with a bonus the
    # schedule prefers giving everyone one talk over giving some a fourth (see services).
    first_talk_bonus: int = 0

    def __post_init__(self):
        if self.slot_count < 1:
            raise ValueError("slot_count must be at least 1")
        if self.max_per_resident < 1:
            raise ValueError("max_per_resident must be at least 1")
        if self.first_talk_bonus < 0:
            raise ValueError("first_talk_bonus must not be negative")

    def slots_of_resident(self, r: Id) -> frozenset[int]:
        return self._slots(self.resident_slots, r)

    def slots_of_table(self, t: Id) -> frozenset[int]:
        return self._slots(self.table_slots, t)

    def _slots(self, mapping, key) -> frozenset[int]:
        if key in mapping:
            return frozenset(s for s in mapping[key] if 0 <= s < self.slot_count)
        return frozenset(range(self.slot_count))

    def candidate_pairs(self) -> list[tuple[Id, Id, int]]:
        """Pairs worth a conversation: score > 0 and at least one common slot."""
        residents, tables = set(self.residents), set(self.tables)
        pairs = []
        for (r, t), score in self.scores.items():
            if score <= 0 or r not in residents or t not in tables:
                continue
            if self.slots_of_resident(r) & self.slots_of_table(t):
                pairs.append((r, t, int(score)))
        pairs.sort(key=lambda p: (-p[2], str(p[0]), str(p[1])))
        return pairs

    def resident_capacity(self, r: Id) -> int:
        return min(self.max_per_resident, len(self.slots_of_resident(r)))


@dataclass(frozen=True)
class Conversation:
    resident: Id
    table: Id
    slot: int
    score: int


def objective(conversations: Iterable[Conversation], bonus: int) -> int:
    """What the solver maximises: the scores plus ``bonus`` per resident with a talk."""
    conversations = list(conversations)
    return sum(c.score for c in conversations) + bonus * len({c.resident for c in conversations})


@dataclass
class Result:
    """``total``: the sum of match scores. ``upper_bound`` bounds ``objective`` (which
    equals ``total`` when the instance has no first-talk bonus)."""

    conversations: list[Conversation]
    total: int
    upper_bound: int
    seconds: float
    method: str
    bonus: int = 0

    @property
    def covered(self) -> int:
        """Residents with at least one conversation."""
        return len({c.resident for c in self.conversations})

    @property
    def objective(self) -> int:
        return self.total + self.bonus * self.covered

    @property
    def gap_percent(self) -> float:
        """How far below the upper bound, in % of the bound (0 = proven optimal)."""
        if self.upper_bound <= 0:
            return 0.0
        return 100.0 * (self.upper_bound - self.objective) / self.upper_bound


# Below this many (pair, slot) variables the whole problem is solved as one exact ILP
# when the two-step method leaves a gap (small events: well under a second).
EXACT_VARIABLE_LIMIT = 20_000


# --- Step 3: greedy repair, also the baseline --------------------------------------------


class _Board:
    """Who is busy when, and which pairs already met."""

    def __init__(self, instance: Instance):
        self.instance = instance
        self.busy: set[tuple[str, Id, int]] = set()
        self.met: set[tuple[Id, Id]] = set()
        self.count: dict[Id, int] = {}
        self.conversations: list[Conversation] = []

    def common_free_slot(self, r: Id, t: Id) -> int | None:
        slots = self.instance.slots_of_resident(r) & self.instance.slots_of_table(t)
        for s in sorted(slots):
            if ("r", r, s) not in self.busy and ("t", t, s) not in self.busy:
                return s
        return None

    def add(self, r: Id, t: Id, s: int, score: int) -> None:
        self.busy |= {("r", r, s), ("t", t, s)}
        self.met.add((r, t))
        self.count[r] = self.count.get(r, 0) + 1
        self.conversations.append(Conversation(r, t, s, score))

    def fill(self, pairs: list[tuple[Id, Id, int]]) -> None:
        """Add pairs in the given order wherever a resident has room and a slot is free;
        with a first-talk bonus, residents without a talk get their turn first."""
        rounds = (
            [1, self.instance.max_per_resident]
            if self.instance.first_talk_bonus
            else [self.instance.max_per_resident]
        )
        for limit in rounds:
            for r, t, score in pairs:
                if (r, t) in self.met or self.count.get(r, 0) >= limit:
                    continue
                s = self.common_free_slot(r, t)
                if s is not None:
                    self.add(r, t, s, score)


def greedy_schedule(instance: Instance) -> Result:
    """Baseline: pairs by descending score, each in the first slot free for both."""
    started = time.perf_counter()
    board = _Board(instance)
    board.fill(instance.candidate_pairs())
    seconds = time.perf_counter() - started
    total = sum(c.score for c in board.conversations)
    bound, _pairs = upper_bound_matching(instance)
    return Result(
        board.conversations, total, bound, seconds, "greedy by score", instance.first_talk_bonus
    )


def schedule(instance: Instance, *, time_limit: float = 20.0) -> Result:
    """The schedule (see the module docstring for the method)."""
    started = time.perf_counter()
    bound, pairs = upper_bound_matching(instance)
    full = all(
        len(instance.slots_of_resident(r)) == instance.slot_count for r in instance.residents
    ) and all(len(instance.slots_of_table(t)) == instance.slot_count for t in instance.tables)
    if full:
        slots = colour_edges(pairs, instance.slot_count)
        method = "b-matching + edge colouring"
    else:
        allowed = [instance.slots_of_resident(r) & instance.slots_of_table(t) for r, t, _ in pairs]
        slots = colour_edges(pairs, instance.slot_count, allowed)
        method = "b-matching + list colouring"
        if len(slots) < len(pairs):
            by_ilp = assign_slots_ilp(instance, pairs, time_limit=time_limit)

            def value(chosen):
                talks = [
                    Conversation(pairs[j][0], pairs[j][1], s, pairs[j][2])
                    for j, s in chosen.items()
                ]
                return objective(talks, instance.first_talk_bonus)

            if value(by_ilp) > value(slots):
                slots = by_ilp
                method = "b-matching + slot ILP + repair"
    board = _Board(instance)
    for j, s in sorted(slots.items()):
        r, t, score = pairs[j]
        board.add(r, t, s, score)
    board.fill(instance.candidate_pairs())
    conversations = board.conversations
    bonus = instance.first_talk_bonus
    if not full and objective(conversations, bonus) < bound:
        candidates = instance.candidate_pairs()
        size = sum(
            len(instance.slots_of_resident(r) & instance.slots_of_table(t))
            for r, t, _score in candidates
        )
        if size <= EXACT_VARIABLE_LIMIT:
            chosen, exact_bound = slot_ilp(
                instance, candidates, with_capacity=True, time_limit=time_limit
            )
            exact = [
                Conversation(*candidates[j][:2], s, candidates[j][2]) for j, s in chosen.items()
            ]
            if objective(exact, bonus) > objective(conversations, bonus):
                conversations = exact
                method = "exact ILP"
            if exact_bound is not None:
                bound = min(bound, int(np.floor(exact_bound + 1e-6)))
    conversations.sort(key=lambda c: (c.slot, str(c.table)))
    total = sum(c.score for c in conversations)
    return Result(conversations, total, bound, time.perf_counter() - started, method, bonus)
