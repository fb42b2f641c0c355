"""Demo step: the centres, Huizen van de Buurt and buurtkamers of West, with bookings.

Locations are keyed by slug and rooms by name, so a second run adds nothing; bookings
are only made for a location that has none yet (they are relative to today).
"""

from datetime import date, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtkracht.areas.models import Wijk
from buurtkracht.core.management.commands.seed_demo import DEMO_DOMAIN, DemoContext, demo_step
from ruimtes.checks import booking_price
from ruimtes.models import (
    Boeking,
    BookerType,
    Locatie,
    Openingstijd,
    Ruimte,
    Serie,
    Sluiting,
    Voorziening,
)
from ruimtes.timeutil import AMSTERDAM, local_datetime, week_start

MFC, HUIS, KAMER = Locatie.Kind.MFC, Locatie.Kind.HUIS_VAN_DE_BUURT, Locatie.Kind.BUURTKAMER
WEEKDAYS = [(d, "09:00", "22:00") for d in range(5)] + [(5, "10:00", "17:00")]
SMALL_HOURS = [(d, "10:00", "17:00") for d in (0, 1, 2, 3)]

# slug, name, kind, wijk, address, lat, lon, accessibility, approval, hours, rooms
# room: (name, capacity, m2, facilities, buffer, rate)
LOCATIONS = [
    (
        "de-horizon",
        "De Horizon",
        MFC,
        "Westerpark",
        "Van Limburg Stirumplein 7",
        "52.3865",
        "4.8740",
        (True, True, True, True),
        False,
        WEEKDAYS,
        [
            ("Grote zaal", 80, 120, ["beamer", "wifi", "geluid", "keuken"], 30, 60),
            ("Leslokaal", 16, 35, ["whiteboard", "wifi"], 0, 20),
            ("Keuken", 12, 30, ["keuken"], 30, 25),
        ],
    ),
    (
        "de-tagerijn",
        "De Tagerijn",
        MFC,
        "De Baarsjes",
        "Jan Maijenstraat 15",
        "52.3667",
        "4.8560",
        (True, True, False, True),
        False,
        WEEKDAYS,
        [
            ("Zaal", 60, 100, ["beamer", "wifi", "piano"], 15, 50),
            ("Vergaderkamer", 10, 25, ["beamer", "wifi", "whiteboard"], 0, 15),
            ("Gymzaal", 30, 150, ["sportvloer"], 15, 40),
        ],
    ),
    (
        "de-mansveltschool",
        "De Mansveltschool",
        MFC,
        "Bos en Lommer",
        "Mansveltstraat 2",
        "52.3790",
        "4.8470",
        (False, True, False, False),
        False,
        WEEKDAYS,
        [
            ("Aula", 70, 110, ["beamer", "geluid", "wifi"], 30, 55),
            ("Atelier", 14, 40, ["keuken", "tuin"], 15, 20),
        ],
    ),
    (
        "de-havelaar",
        "De Havelaar",
        MFC,
        "Oud-West",
        "Bellamyplein 10",
        "52.3680",
        "4.8690",
        (True, True, True, False),
        True,
        WEEKDAYS,
        [
            ("Theaterzaal", 100, 160, ["geluid", "beamer", "piano"], 30, 75),
            ("Kleine zaal", 20, 40, ["wifi"], 0, 20),
        ],
    ),
    (
        "de-koperen-knoop",
        "De Koperen Knoop",
        HUIS,
        "Bos en Lommer",
        "Bos en Lommerplein 50",
        "52.3780",
        "4.8480",
        (True, True, True, True),
        False,
        WEEKDAYS,
        [("Huiskamer", 20, 45, ["keuken", "wifi"], 15, 0), ("Spreekkamer", 4, 12, ["wifi"], 0, 0)],
    ),
    (
        "de-klinker",
        "De Klinker",
        HUIS,
        "Westerpark",
        "Zaanstraat 101",
        "52.3890",
        "4.8780",
        (True, True, False, True),
        False,
        WEEKDAYS,
        [("Ontmoetingsruimte", 30, 60, ["keuken", "beamer"], 15, 25)],
    ),
    (
        "de-boeg",
        "De Boeg",
        HUIS,
        "De Baarsjes",
        "Postjesweg 40",
        "52.3640",
        "4.8510",
        (True, False, False, True),
        False,
        WEEKDAYS,
        [("Grote kamer", 25, 50, ["wifi", "whiteboard"], 0, 20)],
    ),
    (
        "buurtkamer-gibraltar",
        "Buurtkamer Gibraltar",
        KAMER,
        "Bos en Lommer",
        "Gibraltarstraat 20",
        "52.3760",
        "4.8560",
        (True, False, False, False),
        True,
        SMALL_HOURS,
        [("Buurtkamer", 15, 35, ["keuken", "wifi"], 15, 15)],
    ),
    (
        "buurtkamer-hudsonhof",
        "Buurtkamer Hudsonhof",
        KAMER,
        "De Baarsjes",
        "Hudsonstraat 5",
        "52.3700",
        "4.8530",
        (True, True, False, False),
        False,
        SMALL_HOURS,
        [("Buurtkamer", 12, 30, ["keuken", "tuin"], 0, 10)],
    ),
]

# (weekday, start hour, hours, title, booker type, public title?)
WEEKLY_USE = [
    (0, 10, 2, "Taalcafé", BookerType.BEWONERSINITIATIEF, True),
    (1, 14, 2, "Spreekuur schuldhulp", BookerType.MAATSCHAPPELIJK, False),
    (2, 19, 2, "Buurtvergadering", BookerType.BEWONERSINITIATIEF, True),
    (3, 10, 3, "Naaiatelier", BookerType.BEWONERSINITIATIEF, True),
    (3, 15, 1, "Training teamleiders", BookerType.COMMERCIEEL, False),
]


@demo_step(order=60, label=gettext_lazy("Ruimtes en boekingen"))
def ruimtes(ctx: DemoContext) -> str:
    User = get_user_model()
    wijken = {w.name: w for w in Wijk.objects.all()}
    facilities = {v.code: v for v in Voorziening.objects.all()}
    manager = (
        ctx.users.get("beheerder") or User.objects.filter(email=f"beheerder@{DEMO_DOMAIN}").first()
    )
    resident = (
        ctx.users.get("bewoner") or User.objects.filter(email=f"bewoner@{DEMO_DOMAIN}").first()
    )
    booker = (
        ctx.users.get("initiatiefnemer")
        or User.objects.filter(email=f"initiatiefnemer@{DEMO_DOMAIN}").first()
    )
    made_locations = made_bookings = 0
    for slug, name, kind, wijk, address, lat, lon, access, approval, hours, rooms in LOCATIONS:
        if wijk not in wijken:
            continue
        locatie, created = Locatie.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "wijk": wijken[wijk],
                "address": address,
                "latitude": lat,
                "longitude": lon,
                "description": _(
                    "Een plek van en voor de buurt. Bewoners gebruiken de ruimtes gratis."
                ),
                "step_free": access[0],
                "accessible_toilet": access[1],
                "hearing_loop": access[2],
                "lift": access[3],
                "approval_required": approval,
            },
        )
        made_locations += created
        if created:
            for weekday, opens, closes in hours:
                Openingstijd.objects.create(
                    locatie=locatie, weekday=weekday, opens_at=opens, closes_at=closes
                )
            christmas = date(timezone.now().year, 12, 25)
            Sluiting.objects.create(
                locatie=locatie,
                starts_on=christmas,
                ends_on=christmas + timedelta(days=1),
                reason=_("Kerstdagen"),
            )
        if manager and slug in ("de-tagerijn", "de-boeg", "buurtkamer-hudsonhof"):
            locatie.managers.add(manager)
        if resident and kind == KAMER:
            locatie.managers.add(resident)  # a buurtkamer is run by residents
        for room_name, capacity, area, codes, buffer, rate in rooms:
            room, room_created = Ruimte.objects.get_or_create(
                locatie=locatie,
                name=room_name,
                defaults={
                    "capacity": capacity,
                    "floor_area": area,
                    "buffer_minutes": buffer,
                    "hourly_rate": rate,
                },
            )
            if room_created:
                room.voorzieningen.set([facilities[c] for c in codes if c in facilities])
        if booker and not Boeking.objects.filter(ruimte__locatie=locatie).exists():
            made_bookings += _bookings(locatie, booker)
    made_bookings += _need_bookings()
    return _("%(locations)s locaties nieuw, %(bookings)s boekingen nieuw") % {
        "locations": made_locations,
        "bookings": made_bookings,
    }


def _need_bookings() -> int:
    """Book a room next week for a few initiatieven that ask for space on their page."""
    from initiatieven.models import Behoefte, Initiatief

    needs = (
        Behoefte.objects.filter(
            kind=Behoefte.Kind.RUIMTE,
            status=Behoefte.Status.OPEN,
            initiatief__status=Initiatief.Status.GEPUBLICEERD,
            boekingen__isnull=True,
        )
        .select_related("initiatief")
        .order_by("pk")[:4]
    )
    monday = week_start(timezone.now().astimezone(AMSTERDAM).date()) + timedelta(weeks=1)
    count = 0
    for need in needs:
        initiatief = need.initiatief
        creator = initiatief.eigenaarschappen.filter(is_creator=True).select_related("user").first()
        room = (
            Ruimte.objects.filter(locatie__wijk=initiatief.wijk_id, is_bookable=True)
            .order_by("locatie__name", "name")
            .first()
        )
        if creator is None or room is None:
            continue
        open_days = sorted(room.locatie.openingstijden.values_list("weekday", flat=True))
        if not open_days:
            continue
        # The day depends on the need only, so a second run tries the same slot again.
        start = local_datetime(
            monday + timedelta(days=open_days[need.pk % len(open_days)]), time(14)
        )
        if _save(
            room,
            creator.user,
            start,
            start + timedelta(hours=2),
            initiatief.title,
            BookerType.BEWONERSINITIATIEF,
            True,
            Boeking.Status.BEVESTIGD,
            behoefte=need,
        ):
            count += 1
    return count


def _bookings(locatie: Locatie, booker) -> int:
    """Three weeks back to three weeks ahead of the busiest room, plus one weekly series."""
    room = locatie.ruimtes.order_by("-capacity").first()
    closed = {d for s in locatie.sluitingen.all() for d in _days(s.starts_on, s.ends_on)}
    open_days = set(locatie.openingstijden.values_list("weekday", flat=True))
    monday = week_start(timezone.now().astimezone(AMSTERDAM).date())
    count = 0
    now = timezone.now()
    for week in range(-3, 4):
        for weekday, hour, length, title, booker_type, public in WEEKLY_USE:
            day = monday + timedelta(weeks=week, days=weekday)
            if weekday not in open_days or day in closed or (week + weekday) % 3 == 0:
                continue
            start = local_datetime(day, time(hour))
            end = start + timedelta(hours=length)
            status = Boeking.Status.BEVESTIGD
            if booker_type == BookerType.COMMERCIEEL and start > now:
                status = Boeking.Status.AANGEVRAAGD
            _save(room, booker, start, end, title, booker_type, public, status)
            count += 1
    # A weekly series: the choir on Tuesday evenings (or the first open day), eight weeks.
    serie = Serie.objects.create(ruimte=room, booker=booker, interval_weeks=1)
    weekday = 1 if 1 in open_days else min(open_days)
    hour = 19 if locatie.kind != Locatie.Kind.BUURTKAMER else 10
    for week in range(8):
        day = monday + timedelta(weeks=week, days=weekday)
        if day in closed:
            continue
        start = local_datetime(day, time(hour))
        _save(
            room,
            booker,
            start,
            start + timedelta(hours=2),
            _("Buurtkoor"),
            BookerType.BEWONERSINITIATIEF,
            True,
            Boeking.Status.BEVESTIGD,
            serie=serie,
        )
        count += 1
    return count


def _save(
    room, booker, start, end, title, booker_type, public, status, serie=None, behoefte=None
) -> bool:
    blocked_until = end + room.buffer
    if Boeking.objects.confirmed().filter(ruimte=room).overlapping(start, blocked_until).exists():
        return False
    Boeking.objects.create(
        ruimte=room,
        booker=booker,
        serie=serie,
        behoefte=behoefte,
        starts_at=start,
        ends_at=end,
        blocked_until=blocked_until,
        title=title,
        title_is_public=public,
        expected_people=min(room.capacity, 12),
        booker_type=booker_type,
        price=booking_price(ruimte=room, starts_at=start, ends_at=end, booker_type=booker_type),
        status=status,
    )
    return True


def _days(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)
