"""The linear programs behind the Talentenbeurs schedule (steps 1 and 2b of
``scheduling``): the b-matching upper bound and the time-indexed slot ILP, both solved
by HiGHS through SciPy. Plain data in, plain data out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_matrix

if TYPE_CHECKING:
    from .scheduling import Id, Instance


# --- Step 1: b-matching upper bound ------------------------------------------------------


def upper_bound_matching(instance: Instance) -> tuple[int, list[tuple[Id, Id, int]]]:
    """The optimum of the problem without slot constraints, and its chosen pairs.

    A min-cost flow written as an LP: source -> resident (one arc of capacity 1 that
    earns the first-talk bonus, one of capacity K-1 that earns nothing) -> table (the
    pairs, capacity 1, earning the score) -> sink (capacity: the table's slots). The
    constraint matrix is a network matrix, so HiGHS returns an integral vertex.
    """
    pairs = instance.candidate_pairs()
    if not pairs:
        return 0, []
    r_index = {r: i for i, r in enumerate(instance.residents)}
    t_index = {t: i for i, t in enumerate(instance.tables)}
    n_r, n_pairs = len(r_index), len(pairs)
    # Columns: the pairs, then per resident the bonus arc and the other arc.
    eq_rows, eq_cols, eq_vals = [], [], []
    ub_rows, ub_cols = [], []
    for j, (r, t, _score) in enumerate(pairs):
        eq_rows.append(r_index[r])
        eq_cols.append(j)
        eq_vals.append(1.0)
        ub_rows.append(t_index[t])
        ub_cols.append(j)
    for i in range(n_r):
        eq_rows += [i, i]
        eq_cols += [n_pairs + 2 * i, n_pairs + 2 * i + 1]
        eq_vals += [-1.0, -1.0]
    n_cols = n_pairs + 2 * n_r
    flow = coo_matrix((eq_vals, (eq_rows, eq_cols)), shape=(n_r, n_cols)).tocsr()
    tables = coo_matrix(
        (np.ones(len(ub_rows)), (ub_rows, ub_cols)), shape=(len(t_index), n_cols)
    ).tocsr()
    bounds = [(0, 1)] * n_pairs
    for r in instance.residents:
        capacity = instance.resident_capacity(r)
        bounds += [(0, min(1, capacity)), (0, max(0, capacity - 1))]
    cost = np.concatenate(
        [
            -np.array([p[2] for p in pairs], dtype=float),
            np.tile([-float(instance.first_talk_bonus), 0.0], n_r),
        ]
    )
    answer = linprog(
        cost,
        A_ub=tables,
        b_ub=[len(instance.slots_of_table(t)) for t in instance.tables],
        A_eq=flow,
        b_eq=np.zeros(n_r),
        bounds=bounds,
        method="highs",
    )
    if answer.status != 0:  # pragma: no cover - the LP is always feasible (x = 0)
        raise RuntimeError(answer.message)
    chosen = [pairs[j] for j in range(n_pairs) if answer.x[j] > 0.5]
    covered = len({r for r, _t, _score in chosen})
    return sum(p[2] for p in chosen) + instance.first_talk_bonus * covered, chosen


# --- Step 2b: slots under partial availability (ILP, HiGHS) -----------------------------


def slot_ilp(
    instance: Instance,
    pairs: list[tuple[Id, Id, int]],
    *,
    with_capacity: bool,
    time_limit: float,
) -> tuple[dict[int, int], float | None]:
    """Time-indexed ILP over ``pairs``: x[pair, slot] in {0, 1}, one slot per pair at
    most, one talk per resident and per table per slot, (optionally) K per resident.

    Returns the chosen slot per pair index and HiGHS's proven upper bound (or None).
    """
    variables: list[tuple[int, int]] = []
    for j, (r, t, _score) in enumerate(pairs):
        for s in sorted(instance.slots_of_resident(r) & instance.slots_of_table(t)):
            variables.append((j, s))
    if not variables:
        return {}, 0.0
    row_of: dict[tuple, int] = {}
    rows, cols = [], []
    for v, (j, s) in enumerate(variables):
        r, t, _score = pairs[j]
        keys = [("p", j), ("r", r, s), ("t", t, s)] + ([("k", r)] if with_capacity else [])
        for key in keys:
            rows.append(row_of.setdefault(key, len(row_of)))
            cols.append(v)
    values = [1.0] * len(rows)
    n_x, extra_cost = len(variables), []
    if with_capacity and instance.first_talk_bonus:
        # y_r <= sum of r's talks; y_r earns the bonus.
        for v, (j, _s) in enumerate(variables):
            rows.append(row_of.setdefault(("y", pairs[j][0]), len(row_of)))
            cols.append(v)
            values.append(-1.0)
        for key, i in list(row_of.items()):
            if key[0] == "y":
                rows.append(i)
                cols.append(n_x + len(extra_cost))
                values.append(1.0)
                extra_cost.append(-float(instance.first_talk_bonus))
    upper = np.ones(len(row_of))
    for key, i in row_of.items():
        if key[0] == "k":
            upper[i] = instance.max_per_resident
        elif key[0] == "y":
            upper[i] = 0
    lower = np.where(upper == 0, -np.inf, 0)
    n_vars = n_x + len(extra_cost)
    matrix = coo_matrix((values, (rows, cols)), shape=(len(row_of), n_vars))
    cost = np.concatenate(
        [-np.array([pairs[j][2] for j, _s in variables], dtype=float), extra_cost]
    )
    answer = milp(
        cost,
        constraints=LinearConstraint(matrix.tocsr(), lower, upper),
        integrality=np.ones(n_vars),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit},
    )
    if answer.x is None:  # pragma: no cover - time limit hit before any solution
        return {}, None
    bound = getattr(answer, "mip_dual_bound", None)
    chosen = {j: s for (j, s), x in zip(variables, answer.x[:n_x], strict=True) if x > 0.5}
    return chosen, (-bound if bound is not None and np.isfinite(bound) else None)


def assign_slots_ilp(
    instance: Instance, pairs: list[tuple[Id, Id, int]], *, time_limit: float = 20.0
) -> dict[int, int]:
    """Best-scoring slot assignment for a subset of the given (already chosen) pairs."""
    chosen, _bound = slot_ilp(instance, pairs, with_capacity=False, time_limit=time_limit)
    return chosen
