"""The scheduler on seeded random instances: every rule holds, and it reaches the bound."""

import pytest

from vrijwilligers.talentenbeurs.colouring import colour_edges
from vrijwilligers.talentenbeurs.schedule_tools import random_instance, violations
from vrijwilligers.talentenbeurs.scheduling import (
    Conversation,
    Instance,
    assign_slots_ilp,
    greedy_schedule,
    match_score,
    schedule,
    upper_bound_matching,
)

SIZES = [
    # residents, tables, slots, K
    (5, 2, 3, 4),
    (12, 4, 6, 4),
    (30, 8, 8, 3),
    (60, 12, 12, 4),
    (100, 20, 12, 4),
]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("residents", "tables", "slots", "k"), SIZES)
@pytest.mark.parametrize("partial_share", [0.0, 0.4])
@pytest.mark.parametrize("bonus", [0, 100])
def test_random_schedule_keeps_every_rule(seed, residents, tables, slots, k, partial_share, bonus):
    instance = random_instance(
        seed=seed,
        residents=residents,
        tables=tables,
        slots=slots,
        max_per_resident=k,
        partial_share=partial_share,
        first_talk_bonus=bonus,
    )
    result = schedule(instance)

    assert violations(instance, result.conversations) == []
    assert result.total == sum(c.score for c in result.conversations)
    assert result.objective <= result.upper_bound
    if bonus == 0:
        assert result.objective == result.total
    if partial_share == 0.0:
        assert result.objective == result.upper_bound
    else:
        assert result.gap_percent < 5
    assert result.objective >= greedy_schedule(instance).objective * 0.99


def test_partial_instances_really_have_partial_availability():
    instance = random_instance(seed=1, residents=60, tables=12, slots=12, partial_share=0.4)
    partial = [r for r in instance.residents if len(instance.slots_of_resident(r)) < 12]
    assert len(partial) > 10
    result = schedule(instance)
    slots_used = {c.slot for c in result.conversations if c.resident in partial}
    assert slots_used  # partial residents do get conversations


def test_violations_finds_each_broken_rule():
    instance = Instance(
        residents=["a", "b"],
        tables=["x", "y"],
        slot_count=2,
        scores={("a", "x"): 50, ("a", "y"): 40, ("b", "x"): 30},
        max_per_resident=1,
        resident_slots={"b": frozenset({1})},
    )
    wrong = [
        Conversation("a", "x", 0, 50),
        Conversation("a", "y", 0, 40),  # resident twice in slot 0, above K
        Conversation("b", "x", 0, 30),  # table twice in slot 0, b absent in slot 0
    ]
    problems = " ".join(violations(instance, wrong))
    assert "resident-slot" in problems
    assert "table-slot" in problems
    assert "absent" in problems
    assert "has 2 conversations" in problems
    assert violations(instance, [Conversation("a", "x", 0, 50)] * 2)


def test_resident_absent_everywhere_but_one_slot_gets_one_talk():
    instance = Instance(
        residents=["a", "b"],
        tables=["x", "y"],
        slot_count=3,
        scores={("a", "x"): 90, ("a", "y"): 80, ("b", "x"): 70, ("b", "y"): 60},
        resident_slots={"a": frozenset({2})},
    )
    result = schedule(instance)
    assert violations(instance, result.conversations) == []
    assert [c.slot for c in result.conversations if c.resident == "a"] == [2]
    assert result.total == result.upper_bound == 90 + 70 + 60


def test_zero_score_pairs_are_never_scheduled():
    instance = Instance(residents=["a"], tables=["x"], slot_count=2, scores={("a", "x"): 0})
    assert schedule(instance).conversations == []
    assert upper_bound_matching(instance) == (0, [])


def test_edge_colouring_needs_only_max_degree_colours():
    # Complete bipartite 4 x 4: degree 4, so 4 slots must suffice.
    pairs = [(r, t, 1) for r in range(4) for t in range(4)]
    colours = colour_edges(pairs, 4)
    assert len(colours) == 16
    for node_side in (0, 1):
        seen = {(pairs[j][node_side], s) for j, s in colours.items()}
        assert len(seen) == 16


@pytest.mark.parametrize("bad", [{"slot_count": 0}, {"max_per_resident": 0}])
def test_instance_refuses_nonsense(bad):
    kwargs = {"residents": [], "tables": [], "slot_count": 3, "scores": {}} | bad
    with pytest.raises(ValueError):
        Instance(**kwargs)


def test_match_score_formula():
    full = match_score(
        talents={"koken", "klussen"},
        wishes={"werk"},
        sought_talents={"koken", "klussen"},
        offer_kinds={"werk", "stage"},
    )
    assert full == 100
    half_talent = match_score(
        talents={"koken"},
        wishes={"werk", "stage"},
        sought_talents={"koken", "naaien"},
        offer_kinds={"werk"},
    )
    assert half_talent == 35 + 15
    open_table = match_score(talents=[], wishes=[], sought_talents=[], offer_kinds=["stage"])
    assert open_table == 35 + 15
    assert (
        match_score(
            talents=["koken"], wishes=["werk"], sought_talents=["naaien"], offer_kinds=["stage"]
        )
        == 0
    )


def test_list_colouring_keeps_to_the_allowed_slots():
    instance = random_instance(seed=5, residents=80, tables=20, slots=8, partial_share=0.6)
    _bound, pairs = upper_bound_matching(instance)
    allowed = [instance.slots_of_resident(r) & instance.slots_of_table(t) for r, t, _ in pairs]
    colours = colour_edges(pairs, 8, allowed)
    assert len(colours) > 0.9 * len(pairs)
    assert all(slot in allowed[j] for j, slot in colours.items())
    conversations = [
        Conversation(pairs[j][0], pairs[j][1], s, pairs[j][2]) for j, s in colours.items()
    ]
    assert violations(instance, conversations) == []


def test_slot_ilp_keeps_the_best_pairs_when_not_all_fit():
    instance = Instance(
        residents=["a", "b"],
        tables=["x"],
        slot_count=3,
        scores={("a", "x"): 50, ("b", "x"): 60},
        resident_slots={"a": frozenset({0}), "b": frozenset({0})},
    )
    pairs = [("a", "x", 50), ("b", "x", 60)]
    assert assign_slots_ilp(instance, pairs) == {1: 0}
    result = schedule(instance)
    assert [(c.resident, c.slot) for c in result.conversations] == [("b", 0)]
    assert result.upper_bound == 60  # the exact ILP tightens the b-matching bound of 110


def test_first_talk_bonus_gives_everyone_a_talk_before_a_second_one():
    # Table x has one slot. Scores alone give it to a (a-x + a-y = 170 beats
    # a-y + b-x = 100); with the bonus b gets x and a still talks to y.
    kwargs = {
        "residents": ["a", "b"],
        "tables": ["x", "y"],
        "slot_count": 2,
        "scores": {("a", "x"): 90, ("a", "y"): 80, ("b", "x"): 20},
        "table_slots": {"x": frozenset({0})},
    }
    plain = schedule(Instance(**kwargs))
    assert {c.resident for c in plain.conversations} == {"a"}
    assert plain.total == plain.upper_bound == 170
    fair = schedule(Instance(**kwargs, first_talk_bonus=100))
    assert {(c.resident, c.table) for c in fair.conversations} == {("a", "y"), ("b", "x")}
    assert fair.covered == 2
    assert fair.objective == fair.upper_bound == 80 + 20 + 200


def test_bonus_covers_more_residents_on_a_crowded_event():
    crowded = {"seed": 3, "residents": 100, "tables": 20, "slots": 12, "density": 0.3}
    plain = schedule(random_instance(**crowded))
    fair = schedule(random_instance(**crowded, first_talk_bonus=100))
    assert fair.covered > plain.covered
    assert fair.covered == 100
    assert fair.gap_percent < 1
