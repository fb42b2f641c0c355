"""Benchmark: one room's availability for a month (200 bookings) and the room finder
over 200 rooms, each against a naive per-slot / per-room query loop.

Run against a throw-away database:

    bash .ci/with-postgres .venv/bin/python benchmarks/ruimtes_availability.py

It migrates the database in DATABASE_URL, fills it and prints median milliseconds.
"""

import os
import statistics
import sys
import time as clock
from datetime import time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtkracht.settings.test")
if "DATABASE_URL" not in os.environ:
    sys.exit("Set DATABASE_URL (e.g. run under `bash .ci/with-postgres`).")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurtkracht.accounts.models import User  # noqa: E402
from buurtkracht.areas.models import Wijk  # noqa: E402
from ruimtes import availability, queries  # noqa: E402
from ruimtes.models import Boeking, Locatie, Openingstijd, Ruimte  # noqa: E402
from ruimtes.timeutil import AMSTERDAM, local_datetime  # noqa: E402

REPEAT = 15
ROOMS = 200
BOOKINGS = 200


def median_ms(fn) -> float:
    fn()  # warm up
    times = []
    for _ in range(REPEAT):
        start = clock.perf_counter()
        fn()
        times.append((clock.perf_counter() - start) * 1000)
    return statistics.median(times)


def setup():
    call_command("migrate", verbosity=0)
    wijk = Wijk.objects.first()
    user = User.objects.create(email="bench@example.org", display_name="Bench")
    first = timezone.now().astimezone(AMSTERDAM).date() + timedelta(days=7)
    locaties = Locatie.objects.bulk_create(
        [
            Locatie(name=f"Locatie {i}", slug=f"bench-{i}", kind="mfc", address="-", wijk=wijk)
            for i in range(ROOMS)
        ]
    )
    Openingstijd.objects.bulk_create(
        [
            Openingstijd(locatie=loc, weekday=d, opens_at=time(8), closes_at=time(22))
            for loc in locaties
            for d in range(7)
        ]
    )
    rooms = Ruimte.objects.bulk_create(
        [Ruimte(locatie=loc, name="Zaal", capacity=20 + i % 30) for i, loc in enumerate(locaties)]
    )
    bookings = []
    # Room 0: 200 bookings spread over 30 days (about 7 a day, one hour each).
    for i in range(BOOKINGS):
        day = first + timedelta(days=i % 30)
        start = local_datetime(day, time(8 + (i // 30) * 2))
        bookings.append(_booking(rooms[0], user, start))
    # Every room: two bookings on the finder's day, half of them at the asked time.
    for i, room in enumerate(rooms[1:], start=1):
        bookings.append(_booking(room, user, local_datetime(first, time(19 if i % 2 else 10))))
        bookings.append(_booking(room, user, local_datetime(first, time(14))))
    Boeking.objects.bulk_create(bookings)
    return rooms, first


def _booking(room, user, start):
    end = start + timedelta(hours=1)
    return Boeking(
        ruimte=room,
        booker=user,
        starts_at=start,
        ends_at=end,
        blocked_until=end,
        title="x",
        expected_people=5,
        booker_type="bewoners",
        status="bevestigd",
    )


def naive_availability(room, first, last):
    """A query per half-hour slot: is anything booked then?"""
    locatie = room.locatie
    hours = list(locatie.openingstijden.all())
    slots = []
    day = first
    while day <= last:
        for start, end in availability.opening_intervals(hours, [], day):
            slot = start
            while slot < end:
                slot_end = slot + timedelta(minutes=30)
                taken = (
                    Boeking.objects.confirmed()
                    .filter(ruimte=room)
                    .overlapping(slot, slot_end)
                    .exists()
                )
                slots.append((slot, taken))
                slot = slot_end
        day += timedelta(days=1)
    return slots


def naive_find(query):
    """Per room: load its hours and closures and ask whether it is booked then."""
    found = []
    for room in Ruimte.objects.filter(is_bookable=True, capacity__gte=query.people):
        locatie = room.locatie
        if not availability.within_opening(
            list(locatie.openingstijden.all()),
            list(locatie.sluitingen.all()),
            query.starts_at,
            query.ends_at,
        ):
            continue
        busy = (
            Boeking.objects.confirmed()
            .filter(ruimte=room)
            .overlapping(query.starts_at, query.ends_at)
            .exists()
        )
        if not busy:
            found.append(room)
    return found


def main():
    rooms, first = setup()
    last = first + timedelta(days=29)
    room = queries.ruimte_detail(rooms[0].pk)
    query = queries.FinderQuery(
        starts_at=local_datetime(first, time(19)),
        ends_at=local_datetime(first, time(21)),
        people=10,
    )
    assert len(queries.ruimte_find(query)) == len(naive_find(query))
    slots = queries.ruimte_availability(room, first, last)

    fast_avail = median_ms(
        lambda: queries.ruimte_availability(queries.ruimte_detail(rooms[0].pk), first, last)
    )
    slow_avail = median_ms(lambda: naive_availability(room, first, last))
    fast_find = median_ms(lambda: queries.ruimte_find(query))
    slow_find = median_ms(lambda: naive_find(query))

    print(f"database: {connection.vendor}, {REPEAT} runs each, median")
    print(f"availability, 1 room, 30 days, {BOOKINGS} bookings ({len(slots)} intervals):")
    print(f"  ruimte_availability   {fast_avail:8.1f} ms")
    print(f"  per-slot query loop   {slow_avail:8.1f} ms   ({slow_avail / fast_avail:.0f}x slower)")
    print(f"finder, {ROOMS} rooms, {len(queries.ruimte_find(query))} free:")
    print(f"  ruimte_find           {fast_find:8.1f} ms")
    print(f"  per-room query loop   {slow_find:8.1f} ms   ({slow_find / fast_find:.1f}x slower)")


if __name__ == "__main__":
    main()
