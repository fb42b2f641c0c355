"""When a room is open, free and taken: pure computation on prefetched rows.

Callers fetch a location's opening hours and closures and a room's confirmed bookings
once (see queries.py); these functions then work in memory, so a month view or the
finder over many rooms costs a fixed number of queries.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ruimtes.timeutil import AMSTERDAM, hours

Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime
    status: str  # "vrij" or "bezet"


def closure_on(sluitingen: Iterable, day: date):
    for sluiting in sluitingen:
        if sluiting.starts_on <= day <= sluiting.ends_on:
            return sluiting
    return None


def opening_intervals(openingstijden: Iterable, sluitingen: Iterable, day: date) -> list[Interval]:
    """The UTC intervals a location is open on a local day (none on a closure day)."""
    if closure_on(sluitingen, day) is not None:
        return []
    intervals = []
    for opening in openingstijden:
        if opening.weekday != day.weekday():
            continue
        start = datetime.combine(day, opening.opens_at, tzinfo=AMSTERDAM).astimezone(UTC)
        end = datetime.combine(day, opening.closes_at, tzinfo=AMSTERDAM).astimezone(UTC)
        if end > start:
            intervals.append((start, end))
    return sorted(intervals)


def opening_hours(openingstijden, sluitingen, first: date, last: date) -> float:
    """Real open hours from ``first`` to ``last`` (both included)."""
    total = 0.0
    day = first
    while day <= last:
        total += sum(
            hours(end - start) for start, end in opening_intervals(openingstijden, sluitingen, day)
        )
        day += timedelta(days=1)
    return total


def within_opening(openingstijden, sluitingen, starts_at: datetime, ends_at: datetime) -> bool:
    day = starts_at.astimezone(AMSTERDAM).date()
    return any(
        start <= starts_at and ends_at <= end
        for start, end in opening_intervals(openingstijden, sluitingen, day)
    )


def subtract(interval: Interval, taken: list[Interval]) -> list[Interval]:
    """``interval`` minus the sorted ``taken`` intervals."""
    start, end = interval
    free = []
    for taken_start, taken_end in taken:
        if taken_end <= start or taken_start >= end:
            continue
        if taken_start > start:
            free.append((start, taken_start))
        start = max(start, taken_end)
        if start >= end:
            break
    if start < end:
        free.append((start, end))
    return free


def day_slots(openingstijden, sluitingen, bookings: list, day: date) -> list[Slot]:
    """Free and taken stretches within the open hours of one day.

    ``bookings`` are confirmed bookings (sorted by start); a taken stretch runs to
    ``blocked_until`` (the end plus the cleaning buffer) and carries no personal data.
    """
    slots = []
    for open_start, open_end in opening_intervals(openingstijden, sluitingen, day):
        taken = [
            (max(b.starts_at, open_start), min(b.blocked_until, open_end))
            for b in bookings
            if b.starts_at < open_end and b.blocked_until > open_start
        ]
        taken = _merge(sorted(taken))
        for start, end in subtract((open_start, open_end), taken):
            slots.append(Slot(start, end, "vrij"))
        for start, end in taken:
            slots.append(Slot(start, end, "bezet"))
    return sorted(slots, key=lambda slot: slot.start)


def range_slots(openingstijden, sluitingen, bookings: list, first: date, last: date) -> list[Slot]:
    slots = []
    day = first
    while day <= last:
        slots.extend(day_slots(openingstijden, sluitingen, bookings, day))
        day += timedelta(days=1)
    return slots


def is_free(bookings: Iterable, starts_at: datetime, blocked_until: datetime) -> bool:
    return not any(b.starts_at < blocked_until and b.blocked_until > starts_at for b in bookings)


def _merge(intervals: list[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in intervals:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
