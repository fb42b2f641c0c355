"""Local wall-clock times in Europe/Amsterdam, safe around the DST switches.

Arithmetic on aware datetimes that share a zoneinfo object ignores the offset, so every
duration here is computed in UTC.
"""

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError

from ruimtes.messages import MESSAGES

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local_datetime(day: date, at: time, *, field: str = "starts_at") -> datetime:
    """The aware datetime for a local date and time; refuses DST gaps and repeats.

    Rule: a time that does not exist (the hour skipped in March) and a time that occurs
    twice (the hour repeated in October) are both refused, so a booking never silently
    moves by an hour.
    """
    naive = datetime.combine(day, at)
    early = naive.replace(tzinfo=AMSTERDAM, fold=0)
    late = naive.replace(tzinfo=AMSTERDAM, fold=1)
    if early.utcoffset() != late.utcoffset():
        # zoneinfo gives different offsets for fold 0/1 both in a gap and in a repeat;
        # a gap is the one whose round trip through UTC lands on another wall time.
        round_trip = early.astimezone(UTC).astimezone(AMSTERDAM).replace(tzinfo=None)
        code = "tijd_bestaat_niet" if round_trip != naive else "tijd_dubbel"
        raise ValidationError({field: ValidationError(MESSAGES[code], code=code)})
    return early.astimezone(UTC)


def aware_from_input(value: datetime, *, field: str) -> datetime:
    """An API datetime: naive means Amsterdam local time (checked), aware is taken as is."""
    if value.tzinfo is None:
        return local_datetime(value.date(), value.time(), field=field)
    return value.astimezone(UTC)


def to_local(value: datetime) -> datetime:
    return value.astimezone(AMSTERDAM)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """Start and end (UTC) of a local day; 23 or 25 hours on the DST Sundays."""
    start = datetime.combine(day, time(0), tzinfo=AMSTERDAM).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=AMSTERDAM).astimezone(UTC)
    return start, end


def hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600
