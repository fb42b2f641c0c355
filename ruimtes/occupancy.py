"""Occupancy: booked hours against opening hours per room and week, by booker type."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from ruimtes import availability
from ruimtes.models import Boeking, BookerType, Locatie
from ruimtes.timeutil import day_bounds, hours

TARGET_PERCENT = 85


@dataclass
class RoomWeek:
    ruimte: object
    open_hours: float
    booked: dict = field(default_factory=dict)  # booker type -> hours

    @property
    def booked_hours(self) -> float:
        return sum(self.booked.values())

    @property
    def percent(self) -> float:
        return round(100 * self.booked_hours / self.open_hours, 1) if self.open_hours else 0.0

    def percent_of(self, booker_type: str) -> float:
        return (
            round(100 * self.booked.get(booker_type, 0.0) / self.open_hours, 1)
            if self.open_hours
            else 0.0
        )

    @property
    def meets_target(self) -> bool:
        return self.percent >= TARGET_PERCENT


def locatie_week(locatie: Locatie, monday: date) -> list[RoomWeek]:
    """Per room of the location: confirmed hours inside opening hours in that week.

    A booking is clipped to the week and to the opening hours, so a DST week counts
    its real hours (one fewer in March, one more in October).
    """
    sunday = monday + timedelta(days=6)
    openingstijden = list(locatie.openingstijden.all())
    sluitingen = list(locatie.sluitingen.all())
    open_intervals = []
    day = monday
    while day <= sunday:
        open_intervals.extend(availability.opening_intervals(openingstijden, sluitingen, day))
        day += timedelta(days=1)
    open_hours = sum(hours(end - start) for start, end in open_intervals)
    start, _unused = day_bounds(monday)
    _unused, end = day_bounds(sunday)
    rooms = list(locatie.ruimtes.order_by("name"))
    result = {
        room.pk: RoomWeek(room, open_hours, dict.fromkeys(BookerType.values, 0.0)) for room in rooms
    }
    bookings = Boeking.objects.confirmed().filter(
        ruimte__locatie=locatie, starts_at__lt=end, ends_at__gt=start
    )
    for boeking in bookings.only("ruimte_id", "starts_at", "ends_at", "booker_type"):
        for open_start, open_end in open_intervals:
            overlap = min(boeking.ends_at, open_end) - max(boeking.starts_at, open_start)
            if overlap > timedelta(0):
                result[boeking.ruimte_id].booked[boeking.booker_type] += hours(overlap)
    return [result[room.pk] for room in rooms]


def locatie_total(rows: list[RoomWeek]) -> RoomWeek:
    """The whole location: every room's open and booked hours added up."""
    total = RoomWeek(
        ruimte=None,
        open_hours=sum(r.open_hours for r in rows),
        booked=dict.fromkeys(BookerType.values, 0.0),
    )
    for row in rows:
        for booker_type, value in row.booked.items():
            total.booked[booker_type] += value
    return total
