"""The booking rules and the plan of a recurring series: checks that write nothing.

Services call these under the room lock; the booking pages call them for step 2
("check your booking") before anything is written.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

from ruimtes import availability
from ruimtes.messages import MESSAGES
from ruimtes.models import Boeking, BookerType, Ruimte
from ruimtes.timeutil import AMSTERDAM, add_months, hours, local_datetime, week_start

BOOKING_HORIZON_MONTHS = 3
SERIES_HORIZON_MONTHS = 6
COMMERCIAL_HORIZON_DAYS = 14
# Rules that depend on the date only: in a series they skip that date, not the series.
PER_DATE_CODES = {"gesloten", "buiten_openingstijden", "commercieel_te_vroeg"}


def rule_error(field_name: str, code: str, **params) -> ValidationError:
    message = MESSAGES[code] % params if params else MESSAGES[code]
    return ValidationError({field_name: ValidationError(message, code=code)})


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
        raise rule_error("ends_at", "einde_voor_begin")
    if ends_at == starts_at:
        raise rule_error("ends_at", "geen_duur")
    if starts_at < now:
        raise rule_error("starts_at", "verleden")
    local_start = starts_at.astimezone(AMSTERDAM)
    today = now.astimezone(AMSTERDAM).date()
    if local_start.date() > add_months(today, horizon_months):
        raise rule_error("starts_at", "te_ver")
    if not ruimte.is_bookable:
        raise rule_error("ruimte", "niet_te_boeken")
    minutes = (ends_at - starts_at).total_seconds() / 60
    if minutes < ruimte.min_minutes:
        raise rule_error("ends_at", "te_kort", minutes=ruimte.min_minutes)
    if minutes > ruimte.max_minutes:
        raise rule_error("ends_at", "te_lang", minutes=ruimte.max_minutes)
    if expected_people > ruimte.capacity:
        raise rule_error("expected_people", "te_veel_mensen", capacity=ruimte.capacity)
    locatie = ruimte.locatie
    openingstijden = list(locatie.openingstijden.all())
    sluitingen = list(locatie.sluitingen.all())
    closure = availability.closure_on(sluitingen, local_start.date())
    if closure is not None:
        raise rule_error("starts_at", "gesloten", reason=closure.reason)
    if not availability.within_opening(openingstijden, sluitingen, starts_at, ends_at):
        raise rule_error("starts_at", "buiten_openingstijden")
    if booker_type == BookerType.COMMERCIEEL and local_start.date() > today + timedelta(
        days=COMMERCIAL_HORIZON_DAYS
    ):
        raise rule_error("starts_at", "commercieel_te_vroeg")


def booking_price(
    *, ruimte: Ruimte, starts_at: datetime, ends_at: datetime, booker_type: str
) -> Decimal:
    """Social use is free; commercial use pays the hourly rate."""
    if booker_type != BookerType.COMMERCIEEL:
        return Decimal("0.00")
    amount = ruimte.hourly_rate * Decimal(str(hours(ends_at - starts_at)))
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


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

    Raises ValidationError for the whole series: a bad interval or end date, more than
    6 months, or a rule that every date would break (times, length, capacity, a first
    date in the past or more than 3 months ahead). Closures and other bookings only
    skip the dates they touch.
    """
    now = now or timezone.now()
    if interval_weeks not in (1, 2):
        raise rule_error("interval_weeks", "status")
    first_local = starts_at.astimezone(AMSTERDAM).date()
    if until < first_local:
        raise rule_error("until", "tot_voor_van")
    if until > add_months(first_local, SERIES_HORIZON_MONTHS):
        raise rule_error("until", "serie_te_lang")
    try:
        booking_rules_check(
            ruimte=ruimte,
            starts_at=starts_at,
            ends_at=ends_at,
            expected_people=expected_people,
            booker_type=booker_type,
            now=now,
        )
    except ValidationError as error:
        codes = {e.code for errors in error.error_dict.values() for e in errors}
        if not codes <= PER_DATE_CODES:
            raise
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
                raise rule_error("starts_at", "overlap")
            week = week_start(start.astimezone(AMSTERDAM).date())
            open_hours = availability.opening_hours(
                openingstijden, sluitingen, week, week + timedelta(days=6)
            )
            taken = series_hours.get(week, 0.0) + hours(end - start)
            if taken > cap_share * open_hours + 1e-9:
                raise rule_error("starts_at", "reserve", percent=locatie.reserve_percent)
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
