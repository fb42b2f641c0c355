"""Reads of the ruimtes app: the finder, week views, queues and exports."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from ruimtes import availability
from ruimtes.models import Boeking, Locatie, Openingstijd, Ruimte, Sluiting
from ruimtes.timeutil import AMSTERDAM, day_bounds


def ruimte_list() -> QuerySet[Ruimte]:
    return (
        Ruimte.objects.filter(is_bookable=True)
        .select_related("locatie__wijk")
        .prefetch_related("voorzieningen")
        .order_by("locatie__name", "name")
    )


def ruimte_list_in_wijk(wijk, *, limit: int = 3) -> list[Ruimte]:
    """A few bookable rooms in a wijk, for suggestions on other pages ("Wat kan ik doen?")."""
    return list(ruimte_list().filter(locatie__wijk=wijk)[:limit])


def ruimte_detail(pk: int) -> Ruimte:
    return (
        Ruimte.objects.select_related("locatie__wijk")
        .prefetch_related(
            "voorzieningen", "locatie__openingstijden", "locatie__sluitingen", "locatie__fotos"
        )
        .get(pk=pk)
    )


def confirmed_between(ruimte_ids, start: datetime, end: datetime) -> dict[int, list[Boeking]]:
    by_room: dict[int, list[Boeking]] = defaultdict(list)
    rows = (
        Boeking.objects.confirmed()
        .filter(ruimte_id__in=ruimte_ids, starts_at__lt=end, blocked_until__gt=start)
        .only(
            "id", "ruimte_id", "starts_at", "ends_at", "blocked_until", "title", "title_is_public"
        )
        .order_by("starts_at")
    )
    for boeking in rows:
        by_room[boeking.ruimte_id].append(boeking)
    return by_room


def ruimte_availability(ruimte: Ruimte, first: date, last: date) -> list[availability.Slot]:
    """Free and taken stretches of one room from ``first`` to ``last`` (both included)."""
    start, _unused = day_bounds(first)
    _unused, end = day_bounds(last)
    bookings = confirmed_between([ruimte.pk], start, end)[ruimte.pk]
    locatie = ruimte.locatie
    return availability.range_slots(
        list(locatie.openingstijden.all()), list(locatie.sluitingen.all()), bookings, first, last
    )


@dataclass
class FinderQuery:
    starts_at: datetime
    ends_at: datetime
    people: int = 1
    voorzieningen: tuple = ()
    wijk_id: int | None = None


def ruimte_find(query: FinderQuery) -> list[Ruimte]:
    """Rooms that are open, big enough, equipped and free for the whole time asked.

    Three queries whatever the number of rooms: rooms (with hours and closures), their
    facilities, and the confirmed bookings around that time.
    """
    rooms = Ruimte.objects.filter(is_bookable=True, capacity__gte=query.people).select_related(
        "locatie__wijk"
    )
    if query.wijk_id:
        rooms = rooms.filter(locatie__wijk_id=query.wijk_id)
    for voorziening in query.voorzieningen:
        rooms = rooms.filter(voorzieningen=voorziening)
    day = query.starts_at.astimezone(AMSTERDAM).date()
    rooms = list(
        rooms.prefetch_related(
            # Only the rows that can matter on that day.
            Prefetch(
                "locatie__openingstijden",
                queryset=Openingstijd.objects.filter(weekday=day.weekday()),
            ),
            Prefetch(
                "locatie__sluitingen",
                queryset=Sluiting.objects.filter(starts_on__lte=day, ends_on__gte=day),
            ),
            "voorzieningen",
        ).order_by("locatie__name", "name")
    )
    max_buffer = timedelta(minutes=max((room.buffer_minutes for room in rooms), default=0))
    bookings = confirmed_between(
        [room.pk for room in rooms], query.starts_at, query.ends_at + max_buffer
    )
    found = []
    for room in rooms:
        locatie = room.locatie
        hours_, closures = locatie.openingstijden.all(), locatie.sluitingen.all()
        if not availability.within_opening(hours_, closures, query.starts_at, query.ends_at):
            continue
        if availability.is_free(
            bookings.get(room.pk, []), query.starts_at, query.ends_at + room.buffer
        ):
            found.append(room)
    return found


# --- week view --------------------------------------------------------------------------


@dataclass
class Cell:
    day: date
    start: datetime
    end: datetime
    status: str  # "vrij", "bezet", "gesloten"
    label: str = ""


def week_grid(
    ruimte: Ruimte, monday: date, *, now: datetime
) -> tuple[list[date], list[tuple[time, list[Cell]]]]:
    """An hour-by-hour table of one week: rows are hours, columns are days."""
    days = [monday + timedelta(days=i) for i in range(7)]
    locatie = ruimte.locatie
    openingstijden = list(locatie.openingstijden.all())
    sluitingen = list(locatie.sluitingen.all())
    if openingstijden:
        first_hour = min(o.opens_at.hour for o in openingstijden)
        last_hour = max(o.closes_at.hour + (1 if o.closes_at.minute else 0) for o in openingstijden)
    else:
        first_hour, last_hour = 9, 17
    start, _unused = day_bounds(days[0])
    _unused, end = day_bounds(days[-1])
    bookings = confirmed_between([ruimte.pk], start, end)[ruimte.pk]
    rows = []
    for hour in range(first_hour, last_hour):
        cells = []
        for day in days:
            cells.append(
                _cell(day, hour, openingstijden, sluitingen, bookings, now, ruimte.is_bookable)
            )
        rows.append((time(hour), cells))
    return days, rows


def _cell(day, hour, openingstijden, sluitingen, bookings, now, ruimte_bookable=True) -> Cell:
    local_start = datetime.combine(day, time(hour), tzinfo=AMSTERDAM)
    start = local_start.astimezone(UTC)
    end = (
        (local_start.replace(tzinfo=None) + timedelta(hours=1))
        .replace(tzinfo=AMSTERDAM)
        .astimezone(UTC)
    )
    if start >= end:  # the hour skipped by the DST switch
        return Cell(day, start, end, "gesloten", _("bestaat niet"))
    if not ruimte_bookable or not availability.within_opening(
        openingstijden, sluitingen, start, end
    ):
        closure = availability.closure_on(sluitingen, day)
        return Cell(day, start, end, "gesloten", closure.reason if closure else _("gesloten"))
    taken = [b for b in bookings if b.starts_at < end and b.blocked_until > start]
    if taken:
        return Cell(day, start, end, "bezet", taken[0].title if taken[0].title_is_public else "")
    if start < now:
        return Cell(day, start, end, "voorbij", _("voorbij"))
    return Cell(day, start, end, "vrij", _("vrij"))


# --- bookings of a user or a manager ----------------------------------------------------


def boeking_list_for_user(user) -> QuerySet[Boeking]:
    return (
        Boeking.objects.filter(booker=user).select_related("ruimte__locatie").order_by("-starts_at")
    )


def boeking_queue(user) -> QuerySet[Boeking]:
    """Requests waiting for a decision at the locations ``user`` manages."""
    return (
        Boeking.objects.filter(status=Boeking.Status.AANGEVRAAGD, ruimte__locatie__managers=user)
        .select_related("ruimte__locatie", "booker")
        .order_by("starts_at")
    )


def locatie_list_managed(user) -> QuerySet[Locatie]:
    from buurtkracht.accounts import roles

    if user.is_superuser or roles.BEHEER in roles.group_names(user):
        qs = Locatie.objects.all()
    else:
        qs = Locatie.objects.filter(managers=user)
    return qs.select_related("wijk").prefetch_related(
        Prefetch("ruimtes", queryset=Ruimte.objects.order_by("name"))
    )


# --- links from other apps and privacy --------------------------------------------------


def need_links(need_list) -> dict:
    from initiatieven.needs import NeedLink

    links: dict = defaultdict(list)
    rows = (
        Boeking.objects.confirmed()
        .filter(behoefte__in=need_list)
        .select_related("ruimte__locatie")
        .order_by("starts_at")
    )
    for boeking in rows:
        local = boeking.starts_at.astimezone(AMSTERDAM)
        links[boeking.behoefte_id].append(
            NeedLink(
                label=f"{boeking.ruimte.name}, {boeking.ruimte.locatie.name}",
                url=boeking.ruimte.get_absolute_url(),
                detail=_("Geboekt op %(date)s om %(time)s")
                % {"date": local.strftime("%d-%m-%Y"), "time": local.strftime("%H:%M")},
            )
        )
    return dict(links)


def user_data_export(user) -> list[dict]:
    return [
        {
            "ruimte": str(b.ruimte),
            "begin": b.starts_at.isoformat(),
            "einde": b.ends_at.isoformat(),
            "titel": b.title,
            "waarvoor": b.purpose,
            "status": b.status,
            "soort_gebruik": b.booker_type,
            "verwacht_aantal": b.expected_people,
        }
        for b in Boeking.objects.filter(booker=user).select_related("ruimte__locatie")
    ]


def user_data_delete(user) -> None:
    """Bookings belong to the person: they go with the account (freeing future slots)."""
    Boeking.objects.filter(booker=user).delete()
    Boeking.objects.filter(decided_by=user).update(decided_by=None)
    user.beheerde_locaties.clear()


def wijk_section(*, wijk, request) -> dict:
    """The locations of a wijk with their bookable rooms, for the wijk page."""
    from django.urls import reverse

    locaties = (
        Locatie.objects.filter(wijk=wijk)
        .prefetch_related(
            Prefetch("ruimtes", queryset=Ruimte.objects.filter(is_bookable=True).order_by("name"))
        )
        .order_by("name")
    )
    return {"locaties": list(locaties), "url": f"{reverse('ruimtes:index')}?wijk={wijk.pk}"}
