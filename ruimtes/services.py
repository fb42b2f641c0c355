"""Every write of the ruimtes app: book, approve, decline, cancel, series, reminders.

Booking a room locks the room row first (SELECT ... FOR UPDATE on PostgreSQL, a write
lock on SQLite), so the rule checks below see a stable picture; the exclusion
constraint ``ruimtes_boeking_no_overlap`` is the last line, and its IntegrityError
becomes the same "overlap" message.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from buurtkracht.accounts import rules
from ruimtes import availability, notifications
from ruimtes.messages import MESSAGES
from ruimtes.models import Agenda, Boeking, BookerType, Ruimte, Serie
from ruimtes.timeutil import AMSTERDAM, add_months, hours, week_start

BOOKING_HORIZON_MONTHS = 3
SERIES_HORIZON_MONTHS = 6
COMMERCIAL_HORIZON_DAYS = 14


def _error(field_name: str, code: str, **params) -> ValidationError:
    message = MESSAGES[code] % params if params else MESSAGES[code]
    return ValidationError({field_name: ValidationError(message, code=code)})


def lock_ruimte(ruimte: Ruimte) -> Ruimte:
    """Serialise bookings of one room until the transaction ends."""
    if connection.vendor == "sqlite":
        # A write takes SQLite's single writer lock at once, so a second booking waits.
        with connection.cursor() as cursor:
            cursor.execute("UPDATE ruimtes_ruimte SET id = id WHERE id = %s", [ruimte.pk])
        return Ruimte.objects.select_related("locatie").get(pk=ruimte.pk)
    return (
        Ruimte.objects.select_for_update(of=("self",)).select_related("locatie").get(pk=ruimte.pk)
    )


def booking_rules_check(
    *,
    ruimte: Ruimte,
    starts_at: datetime,
    ends_at: datetime,
    expected_people: int,
    booker_type: str,
    now: datetime,
    horizon_months: int = BOOKING_HORIZON_MONTHS,
) -> None:
    """Raise ValidationError (by field) for the first broken rule; no overlap check here."""
    if ends_at < starts_at:
        raise _error("ends_at", "einde_voor_begin")
    if ends_at == starts_at:
        raise _error("ends_at", "geen_duur")
    if starts_at < now:
        raise _error("starts_at", "verleden")
    local_start = starts_at.astimezone(AMSTERDAM)
    today = now.astimezone(AMSTERDAM).date()
    if local_start.date() > add_months(today, horizon_months):
        raise _error("starts_at", "te_ver")
    if not ruimte.is_bookable:
        raise _error("ruimte", "niet_te_boeken")
    minutes = (ends_at - starts_at).total_seconds() / 60
    if minutes < ruimte.min_minutes:
        raise _error("ends_at", "te_kort", minutes=ruimte.min_minutes)
    if minutes > ruimte.max_minutes:
        raise _error("ends_at", "te_lang", minutes=ruimte.max_minutes)
    if expected_people > ruimte.capacity:
        raise _error("expected_people", "te_veel_mensen", capacity=ruimte.capacity)
    locatie = ruimte.locatie
    openingstijden = list(locatie.openingstijden.all())
    sluitingen = list(locatie.sluitingen.all())
    closure = availability.closure_on(sluitingen, local_start.date())
    if closure is not None:
        raise _error("starts_at", "gesloten", reason=closure.reason)
    if not availability.within_opening(openingstijden, sluitingen, starts_at, ends_at):
        raise _error("starts_at", "buiten_openingstijden")
    if booker_type == BookerType.COMMERCIEEL and local_start.date() > today + timedelta(
        days=COMMERCIAL_HORIZON_DAYS
    ):
        raise _error("starts_at", "commercieel_te_vroeg")


def booking_price(
    *, ruimte: Ruimte, starts_at: datetime, ends_at: datetime, booker_type: str
) -> Decimal:
    """Social use is free; commercial use pays the hourly rate."""
    if booker_type != BookerType.COMMERCIEEL:
        return Decimal("0.00")
    amount = ruimte.hourly_rate * Decimal(str(hours(ends_at - starts_at)))
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _behoefte_check(behoefte, booker) -> None:
    if behoefte is None:
        return
    if behoefte.kind != "ruimte" or not rules.can(
        booker, rules.INITIATIVE_EDIT, behoefte.initiatief
    ):
        raise _error("behoefte", "behoefte")


def _overlap_exists(
    ruimte: Ruimte, starts_at: datetime, blocked_until: datetime, exclude_pk=None
) -> bool:
    qs = Boeking.objects.confirmed().filter(ruimte=ruimte).overlapping(starts_at, blocked_until)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.exists()


def _save_guarded(boeking: Boeking) -> None:
    """Save; the exclusion constraint's IntegrityError becomes the overlap message."""
    try:
        with transaction.atomic():
            boeking.save()
    except IntegrityError as error:
        if "no_overlap" in str(error) or "ruimtes_boeking_no_overlap" in repr(error.__cause__):
            raise _error("starts_at", "overlap") from error
        raise


def _initial_status(ruimte: Ruimte, booker, booker_type: str) -> str:
    if booker_type == BookerType.COMMERCIEEL or ruimte.locatie.approval_required:
        return Boeking.Status.AANGEVRAAGD
    return Boeking.Status.BEVESTIGD


@transaction.atomic
def boeking_create(
    *,
    ruimte: Ruimte,
    booker,
    starts_at: datetime,
    ends_at: datetime,
    title: str,
    expected_people: int,
    booker_type: str,
    purpose: str = "",
    behoefte=None,
    title_is_public: bool = False,
    now: datetime | None = None,
) -> Boeking:
    """Book a room: confirmed at once, or requested when the location or use asks approval.

    Raises PermissionDenied without a verified e-mail address, ValidationError (by field,
    with a MESSAGES code) for a broken rule or an overlap. Mails the managers or booker
    after commit.
    """
    rules.require(booker, rules.PARTICIPATE)
    now = now or timezone.now()
    ruimte = lock_ruimte(ruimte)
    booking_rules_check(
        ruimte=ruimte,
        starts_at=starts_at,
        ends_at=ends_at,
        expected_people=expected_people,
        booker_type=booker_type,
        now=now,
    )
    _behoefte_check(behoefte, booker)
    boeking = _build(
        ruimte=ruimte,
        booker=booker,
        starts_at=starts_at,
        ends_at=ends_at,
        title=title,
        purpose=purpose,
        expected_people=expected_people,
        booker_type=booker_type,
        behoefte=behoefte,
        title_is_public=title_is_public,
    )
    if _overlap_exists(ruimte, boeking.starts_at, boeking.blocked_until):
        raise _error("starts_at", "overlap")
    _save_guarded(boeking)
    transaction.on_commit(lambda: notifications.booking_made(boeking.pk))
    return boeking


def _build(*, ruimte, booker, starts_at, ends_at, booker_type, serie=None, **fields) -> Boeking:
    return Boeking(
        ruimte=ruimte,
        booker=booker,
        serie=serie,
        starts_at=starts_at,
        ends_at=ends_at,
        blocked_until=ends_at + ruimte.buffer,
        booker_type=booker_type,
        price=booking_price(
            ruimte=ruimte, starts_at=starts_at, ends_at=ends_at, booker_type=booker_type
        ),
        status=_initial_status(ruimte, booker, booker_type),
        **fields,
    )


# --- recurring series -------------------------------------------------------------------


@dataclass
class Occurrence:
    starts_at: datetime
    ends_at: datetime
    code: str = ""  # empty when bookable
    message: str = ""

    @property
    def ok(self) -> bool:
        return not self.code


@dataclass
class SeriesPlan:
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def bookable(self) -> list[Occurrence]:
        return [o for o in self.occurrences if o.ok]

    @property
    def conflicts(self) -> list[Occurrence]:
        return [o for o in self.occurrences if not o.ok]


def series_dates(
    *, starts_at: datetime, ends_at: datetime, interval_weeks: int, until
) -> list[tuple]:
    """Occurrences at the same local wall time every 1 or 2 weeks up to ``until`` (a date)."""
    from ruimtes.timeutil import local_datetime

    local_start = starts_at.astimezone(AMSTERDAM)
    local_end = ends_at.astimezone(AMSTERDAM)
    day = local_start.date()
    result = []
    while day <= until:
        try:
            start = local_datetime(day, local_start.time())
            end = local_datetime(day + (local_end.date() - local_start.date()), local_end.time())
        except ValidationError:
            start = end = None  # a DST gap: shown as a conflict below
        result.append((day, start, end))
        day += timedelta(weeks=interval_weeks)
    return result


def serie_plan(
    *,
    ruimte: Ruimte,
    starts_at: datetime,
    ends_at: datetime,
    interval_weeks: int,
    until,
    expected_people: int,
    booker_type: str,
    now: datetime | None = None,
) -> SeriesPlan:
    """Each occurrence of a planned series with the reason it cannot be booked, if any.

    Raises ValidationError for the whole series (bad interval, more than 6 months, a
    broken rule on the first date).
    """
    now = now or timezone.now()
    if interval_weeks not in (1, 2):
        raise _error("interval_weeks", "status")
    first_local = starts_at.astimezone(AMSTERDAM).date()
    if until > add_months(first_local, SERIES_HORIZON_MONTHS):
        raise _error("until", "serie_te_lang")
    booking_rules_check(
        ruimte=ruimte,
        starts_at=starts_at,
        ends_at=ends_at,
        expected_people=expected_people,
        booker_type=booker_type,
        now=now,
    )
    confirmed = list(
        Boeking.objects.confirmed()
        .filter(ruimte=ruimte, starts_at__gte=starts_at - timedelta(days=1))
        .only("starts_at", "blocked_until")
    )
    locatie = ruimte.locatie
    openingstijden = list(locatie.openingstijden.all())
    sluitingen = list(locatie.sluitingen.all())
    series_hours = _series_hours_by_week(ruimte, starts_at)
    cap_share = (100 - locatie.reserve_percent) / 100
    plan = SeriesPlan()
    for _day, start, end in series_dates(
        starts_at=starts_at, ends_at=ends_at, interval_weeks=interval_weeks, until=until
    ):
        if start is None:
            plan.occurrences.append(
                Occurrence(
                    starts_at, ends_at, "tijd_bestaat_niet", str(MESSAGES["tijd_bestaat_niet"])
                )
            )
            continue
        occurrence = Occurrence(start, end)
        try:
            booking_rules_check(
                ruimte=ruimte,
                starts_at=start,
                ends_at=end,
                expected_people=expected_people,
                booker_type=booker_type,
                now=now,
                horizon_months=SERIES_HORIZON_MONTHS,
            )
            if not availability.is_free(confirmed, start, end + ruimte.buffer):
                raise _error("starts_at", "overlap")
            week = week_start(start.astimezone(AMSTERDAM).date())
            open_hours = availability.opening_hours(
                openingstijden, sluitingen, week, week + timedelta(days=6)
            )
            taken = series_hours.get(week, 0.0) + hours(end - start)
            if taken > cap_share * open_hours + 1e-9:
                raise _error("starts_at", "reserve", percent=locatie.reserve_percent)
            series_hours[week] = taken
        except ValidationError as error:
            occurrence.code = error.error_dict[next(iter(error.error_dict))][0].code
            occurrence.message = error.messages[0]
        plan.occurrences.append(occurrence)
    return plan


def _series_hours_by_week(ruimte: Ruimte, since: datetime) -> dict:
    by_week: dict = {}
    for boeking in Boeking.objects.active().filter(
        ruimte=ruimte, serie__isnull=False, ends_at__gt=since - timedelta(days=7)
    ):
        week = week_start(boeking.starts_at.astimezone(AMSTERDAM).date())
        by_week[week] = by_week.get(week, 0.0) + hours(boeking.duration)
    return by_week


@transaction.atomic
def serie_create(
    *,
    ruimte: Ruimte,
    booker,
    starts_at: datetime,
    ends_at: datetime,
    interval_weeks: int,
    until,
    title: str,
    expected_people: int,
    booker_type: str,
    purpose: str = "",
    behoefte=None,
    title_is_public: bool = False,
    now: datetime | None = None,
) -> tuple[Serie, SeriesPlan]:
    """Book every free occurrence of a series in one transaction; skip the conflicts.

    The plan is computed again under the room lock, so what the booker saw may have
    shrunk, never grown. Raises ValidationError("geen_boekingen") if nothing is free;
    either the whole series is written or nothing.
    """
    rules.require(booker, rules.PARTICIPATE)
    ruimte = lock_ruimte(ruimte)
    _behoefte_check(behoefte, booker)
    plan = serie_plan(
        ruimte=ruimte,
        starts_at=starts_at,
        ends_at=ends_at,
        interval_weeks=interval_weeks,
        until=until,
        expected_people=expected_people,
        booker_type=booker_type,
        now=now,
    )
    if not plan.bookable:
        raise _error("starts_at", "geen_boekingen")
    serie = Serie.objects.create(ruimte=ruimte, booker=booker, interval_weeks=interval_weeks)
    boekingen = []
    for occurrence in plan.bookable:
        boeking = _build(
            ruimte=ruimte,
            booker=booker,
            serie=serie,
            starts_at=occurrence.starts_at,
            ends_at=occurrence.ends_at,
            title=title,
            purpose=purpose,
            expected_people=expected_people,
            booker_type=booker_type,
            behoefte=behoefte,
            title_is_public=title_is_public,
        )
        _save_guarded(boeking)
        boekingen.append(boeking)
    first = boekingen[0]
    transaction.on_commit(lambda: notifications.booking_made(first.pk, count=len(boekingen)))
    return serie, plan


# --- decisions and cancelling -----------------------------------------------------------


@transaction.atomic
def boeking_approve(*, boeking: Boeking, manager) -> Boeking:
    """Confirm a request. PermissionDenied for non-managers; ValidationError on overlap."""
    rules.require(manager, rules.LOCATION_MANAGE, boeking.ruimte.locatie)
    lock_ruimte(boeking.ruimte)
    boeking = Boeking.objects.select_for_update(of=("self",)).get(pk=boeking.pk)
    if boeking.status != Boeking.Status.AANGEVRAAGD:
        raise _error("status", "status")
    if _overlap_exists(
        boeking.ruimte, boeking.starts_at, boeking.blocked_until, exclude_pk=boeking.pk
    ):
        raise _error("starts_at", "overlap")
    boeking.status = Boeking.Status.BEVESTIGD
    boeking.decided_by = manager
    boeking.decided_at = timezone.now()
    _save_guarded(boeking)
    transaction.on_commit(lambda: notifications.booking_decided(boeking.pk))
    return boeking


@transaction.atomic
def boeking_decline(*, boeking: Boeking, manager, reason: str) -> Boeking:
    rules.require(manager, rules.LOCATION_MANAGE, boeking.ruimte.locatie)
    if not reason.strip():
        raise _error("reason", "reden_nodig")
    boeking = Boeking.objects.select_for_update(of=("self",)).get(pk=boeking.pk)
    if boeking.status != Boeking.Status.AANGEVRAAGD:
        raise _error("status", "status")
    boeking.status = Boeking.Status.AFGEWEZEN
    boeking.decision_reason = reason.strip()[:300]
    boeking.decided_by = manager
    boeking.decided_at = timezone.now()
    boeking.save()
    transaction.on_commit(lambda: notifications.booking_decided(boeking.pk))
    return boeking


def _may_cancel(user, boeking: Boeking) -> bool:
    return boeking.booker_id == user.pk or rules.can(
        user, rules.LOCATION_MANAGE, boeking.ruimte.locatie
    )


@transaction.atomic
def boeking_cancel(
    *, boeking: Boeking, user, reason: str = "", now: datetime | None = None
) -> Boeking:
    """Cancel one booking (by its booker or a manager of the location)."""
    if not _may_cancel(user, boeking):
        raise PermissionDenied("ruimtes.cancel")
    now = now or timezone.now()
    boeking = Boeking.objects.select_for_update(of=("self",)).get(pk=boeking.pk)
    if boeking.status not in (Boeking.Status.AANGEVRAAGD, Boeking.Status.BEVESTIGD):
        raise _error("status", "status")
    if boeking.ends_at <= now:
        raise _error("status", "voorbij")
    boeking.status = Boeking.Status.GEANNULEERD
    boeking.decision_reason = reason.strip()[:300]
    boeking.decided_by = user
    boeking.decided_at = now
    boeking.save()
    transaction.on_commit(lambda: notifications.booking_cancelled(boeking.pk))
    return boeking


@transaction.atomic
def serie_cancel_rest(
    *, boeking: Boeking, user, reason: str = "", now: datetime | None = None
) -> int:
    """Cancel this occurrence and every later one of its series; returns how many."""
    if not _may_cancel(user, boeking):
        raise PermissionDenied("ruimtes.cancel")
    now = now or timezone.now()
    if boeking.serie_id is None:
        boeking_cancel(boeking=boeking, user=user, reason=reason, now=now)
        return 1
    rest = list(
        Boeking.objects.select_for_update()
        .active()
        .filter(serie_id=boeking.serie_id, starts_at__gte=boeking.starts_at, ends_at__gt=now)
    )
    for item in rest:
        item.status = Boeking.Status.GEANNULEERD
        item.decision_reason = reason.strip()[:300]
        item.decided_by = user
        item.decided_at = now
        item.save()
    if rest:
        first = rest[0]
        transaction.on_commit(lambda: notifications.booking_cancelled(first.pk, count=len(rest)))
    return len(rest)


# --- calendars and reminders ------------------------------------------------------------


@transaction.atomic
def agenda_get_or_create(*, user) -> Agenda:
    agenda, _created = Agenda.objects.get_or_create(
        user=user, defaults={"token": Agenda.new_token()}
    )
    return agenda


@transaction.atomic
def agenda_reset(*, user) -> Agenda:
    """A new secret address for the personal feed; the old one stops working."""
    agenda = agenda_get_or_create(user=user)
    agenda.token = Agenda.new_token()
    agenda.save(update_fields=["token"])
    return agenda


def reminders_send(*, now: datetime | None = None) -> int:
    """Remind bookers of confirmed bookings starting within 24 hours; never twice."""
    now = now or timezone.now()
    sent = 0
    candidates = Boeking.objects.confirmed().filter(
        reminder_sent_at__isnull=True, starts_at__gt=now, starts_at__lte=now + timedelta(hours=24)
    )
    for pk in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            # The conditional update claims the row: a parallel run updates 0 rows.
            claimed = Boeking.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if claimed:
                transaction.on_commit(lambda pk=pk: notifications.booking_reminder(pk))
                sent += 1
    return sent


# --- managers ---------------------------------------------------------------------------


@transaction.atomic
def locatie_forms_save(*, user, forms: list) -> None:
    """Save a manager's validated location, hours, closures or room forms together.

    Raises PermissionDenied unless ``user`` manages the location the forms belong to.
    """
    for form in forms:
        instance = getattr(form, "instance", None)
        locatie = getattr(instance, "locatie", instance)
        rules.require(user, rules.LOCATION_MANAGE, locatie)
    for form in forms:
        form.save()
