"""Logged hours, their confirmation, and the vrijwilligersverklaring (certificate)."""

from collections import defaultdict
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from buurtkracht.core.pdf import qr_data_uri, render_pdf
from buurtkracht.core.sanitize import clean_plain_text
from vrijwilligers.messages import MESSAGES
from vrijwilligers.models import Reactie, Uren, Verklaring
from vrijwilligers.services import absolute

MAX_PER_DAY = Decimal(24)


def _error(field: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(MESSAGES[code], code=code)})


def _hours(value) -> Decimal:
    try:
        hours = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise _error("hours", "hours_range") from None
    if not (Decimal(0) < hours <= MAX_PER_DAY):
        raise _error("hours", "hours_range")
    return hours


@transaction.atomic
def uren_log(*, reactie: Reactie, volunteer, date: date, hours, note: str = "") -> Uren:
    """Log hours on one day for an accepted reactie of ``volunteer``.

    Refuses another person's reactie, one not accepted, a future day, hours outside
    (0, 24] and a day total above 24 across all vacatures.
    """
    hours = _hours(hours)
    reactie = Reactie.objects.select_for_update().get(pk=reactie.pk)
    if reactie.volunteer_id != volunteer.pk or reactie.status != Reactie.Status.GEACCEPTEERD:
        raise _error("hours", "not_accepted")
    if date > timezone.localdate():
        raise _error("date", "date_in_future")
    day_total = Uren.objects.filter(reactie__volunteer=volunteer, date=date).aggregate(
        total=Coalesce(Sum("hours"), Decimal(0))
    )["total"]
    if day_total + hours > MAX_PER_DAY:
        raise _error("hours", "day_over_24")
    uren = Uren(reactie=reactie, date=date, hours=hours, note=clean_plain_text(note or ""))
    uren.full_clean()
    uren.save()
    return uren


@transaction.atomic
def uren_confirm(*, uren: Uren, hours=None) -> Uren:
    """The owner confirms, or corrects and confirms, logged hours."""
    uren = Uren.objects.select_for_update().get(pk=uren.pk)
    if uren.status == Uren.Status.BEVESTIGD:
        raise _error("hours", "already_confirmed")
    uren.confirmed_hours = uren.hours if hours in (None, "") else _hours(hours)
    uren.status = Uren.Status.BEVESTIGD
    uren.confirmed_at = timezone.now()
    uren.save(update_fields=["confirmed_hours", "status", "confirmed_at"])
    return uren


def confirmed_hours_by_organisation(volunteer) -> list[dict]:
    """Per organisation (initiatief or named organisation): confirmed hours and the period."""
    totals: dict[str, dict] = defaultdict(
        lambda: {"hours": Decimal(0), "first": None, "last": None}
    )
    rows = (
        Uren.objects.filter(reactie__volunteer=volunteer, status=Uren.Status.BEVESTIGD)
        .select_related("reactie__vacature__initiatief")
        .order_by("date")
    )
    for uren in rows:
        name = uren.reactie.vacature.organisation_label
        entry = totals[name]
        entry["hours"] += uren.confirmed_hours
        entry["first"] = entry["first"] or uren.date
        entry["last"] = uren.date
    return [{"organisation": name, **entry} for name, entry in sorted(totals.items())]


@transaction.atomic
def verklaring_create(*, volunteer) -> Verklaring:
    """Freeze the confirmed hours into a certificate with a verification code."""
    lines = confirmed_hours_by_organisation(volunteer)
    if not lines:
        raise _error("verklaring", "no_confirmed_hours")
    return Verklaring.objects.create(
        volunteer=volunteer,
        name=volunteer.public_name,
        period_start=min(line["first"] for line in lines),
        period_end=max(line["last"] for line in lines),
        total_hours=sum(line["hours"] for line in lines),
        lines=[
            {
                "organisation": line["organisation"],
                "hours": str(line["hours"]),
                "first": line["first"].isoformat(),
                "last": line["last"].isoformat(),
            }
            for line in lines
        ],
    )


def verklaring_pdf(verklaring: Verklaring) -> bytes:
    url = absolute(verklaring.get_absolute_url())
    return render_pdf(
        "vrijwilligers/pdf/verklaring.html",
        {
            "verklaring": verklaring,
            "lines": [line | {"hours": Decimal(line["hours"])} for line in verklaring.lines],
            "verify_url": url,
            "qr": qr_data_uri(url),
        },
    )
