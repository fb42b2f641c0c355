"""Step 2a of the Talentenbeurs schedule: slots for chosen pairs by edge colouring.

A conversation is an edge between a resident and a table; a slot is a colour. No resident
or table may have two conversations in one slot, so a schedule is a proper edge colouring
of the bipartite graph. By König's theorem every such graph with maximum degree <= S can
be coloured with S colours; ``colour_edges`` finds one with alternating-path swaps.
``scheduling.schedule`` uses it; see that module for the whole method.
"""

from collections.abc import Hashable

Id = Hashable


def colour_edges(
    pairs: list[tuple[Id, Id, int]],
    slot_count: int,
    allowed: list[frozenset[int]] | None = None,
) -> dict[int, int]:
    """Slot per pair (index into ``pairs``) so no resident or table has a slot twice.

    Without ``allowed`` (everyone present all slots) and every degree <= ``slot_count``
    this always colours every pair (König). Alternating-path method: for pair (r, t)
    take a slot ``a`` free at r and ``b`` free at t; if they differ, swap a/b along the
    a/b path starting at t, which frees ``a`` at t (the path never reaches r, which
    has no a-edge).

    With ``allowed`` (the slots both sides of a pair are present), pairs with the fewest
    options go first and a swap is only made when every pair on the path may take its
    new slot; a pair that cannot be coloured is left out of the result.
    """
    everything = frozenset(range(slot_count))
    options = allowed or [everything] * len(pairs)
    at: dict[tuple[str, Id, int], int] = {}  # (side, node, slot) -> pair index
    colour: dict[int, int] = {}

    def free(side, node, j):
        return [s for s in sorted(options[j]) if (side, node, s) not in at]

    def path_from(side, node, first, second):
        path, want = [], first
        while (side, node, want) in at:
            e = at[(side, node, want)]
            path.append(e)
            er, et, _ = pairs[e]
            side, node = ("r", er) if side == "t" else ("t", et)
            want = second if want == first else first
        return path

    def swap(path, x, y):
        for e in path:
            er, et, _ = pairs[e]
            del at[("r", er, colour[e])]
            del at[("t", et, colour[e])]
        for e in path:
            er, et, _ = pairs[e]
            colour[e] = y if colour[e] == x else x
            at[("r", er, colour[e])] = e
            at[("t", et, colour[e])] = e

    def place(j, slot):
        r, t, _ = pairs[j]
        colour[j] = slot
        at[("r", r, slot)] = j
        at[("t", t, slot)] = j

    order = (
        range(len(pairs))
        if allowed is None
        else sorted(range(len(pairs)), key=lambda j: len(options[j]))
    )
    for j in order:
        r, t, _score = pairs[j]
        free_r, free_t = free("r", r, j), free("t", t, j)
        common = sorted(set(free_r) & set(free_t))
        if common:
            place(j, common[0])
            continue
        done = False
        for a in free_r:
            for b in free_t:
                # Free a at t by swapping a/b on the path from t, or b at r likewise.
                for start, keep, x, y in (("t", t, a, b), ("r", r, b, a)):
                    path = path_from(start, keep, x, y)
                    flipped = (y if colour[e] == x else x for e in path)
                    if all(c in options[e] for e, c in zip(path, flipped, strict=True)):
                        swap(path, x, y)
                        place(j, x)
                        done = True
                        break
                if done:
                    break
            if done:
                break
    return colour
