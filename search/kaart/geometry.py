"""Indicative wijk outlines and marker spreading for the map.

``buurtkracht.areas`` stores one point per buurt, no boundaries. An outline is the convex
hull of circles around a wijk's buurt points: it shows roughly where a wijk lies, not its
legal boundary (the page says "indicatieve grenzen"). Neighbouring outlines may overlap.
"""

from __future__ import annotations

import math
from collections import defaultdict

PAD_METRES = 350  # radius around each buurt point
CIRCLE_STEPS = 12
SPREAD_METRES = 70  # distance between markers that share a point
METRES_PER_DEGREE = 111_320


def _offset(lat: float, lon: float, metres: float, angle: float) -> tuple[float, float]:
    dlat = metres * math.sin(angle) / METRES_PER_DEGREE
    dlon = metres * math.cos(angle) / (METRES_PER_DEGREE * math.cos(math.radians(lat)))
    return (lat + dlat, lon + dlon)


def convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull (Andrew's monotone chain), counter-clockwise, without repeats."""
    unique = sorted(set(points))
    if len(unique) <= 2:
        return unique

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in unique:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(unique):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def outline(points: list[tuple[float, float]], *, pad: float = PAD_METRES) -> list[list[float]]:
    """An indicative outline around ``points`` (lat, lon) as [[lat, lon], ...]; [] if none."""
    if not points:
        return []
    around = [
        _offset(lat, lon, pad, 2 * math.pi * step / CIRCLE_STEPS)
        for lat, lon in points
        for step in range(CIRCLE_STEPS)
    ]
    return [[round(lat, 6), round(lon, 6)] for lat, lon in convex_hull(around)]


def spread(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The same points, those that coincide moved apart on small rings so each is clickable.

    The first stays in place; the next ones go round it, 6 on the first ring, 12 on the
    second, and so on. The order of the input decides who goes where (stable output).
    """
    seen: dict[tuple[float, float], int] = defaultdict(int)
    result = []
    for lat, lon in points:
        index = seen[(lat, lon)]
        seen[(lat, lon)] += 1
        if index == 0:
            result.append((lat, lon))
            continue
        ring, before = 1, 1
        while index >= before + 6 * ring:
            before += 6 * ring
            ring += 1
        angle = 2 * math.pi * (index - before) / (6 * ring)
        moved = _offset(lat, lon, SPREAD_METRES * ring, angle)
        result.append((round(moved[0], 6), round(moved[1], 6)))
    return result
