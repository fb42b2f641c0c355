"""Reads of the donaties app: progress on a page, the donor wall, the payout report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from initiatieven.donaties.models import Donatie, Doneerdoel, Terugbetaling

WALL_SIZE = 30
PAID = Q(donaties__status__in=Donatie.PAID_STATUSES)
# A donor still counts while some of their money stays.
COUNTING = Q(donaties__status__in=[Donatie.Status.BETAALD, Donatie.Status.DEELS_TERUGBETAALD])


def goals_with_totals(behoefte_ids: list[int]) -> QuerySet[Doneerdoel]:
    """Goals of these needs with ``paid_cents`` (net of refunds) and ``donor_count``; one query."""
    return (
        Doneerdoel.objects.filter(behoefte_id__in=behoefte_ids)
        .select_related("behoefte", "initiatief")
        .annotate(
            paid_cents=Coalesce(
                Sum(F("donaties__amount_cents") - F("donaties__refunded_cents"), filter=PAID), 0
            ),
            donor_count=Count("donaties", filter=COUNTING),
        )
        .order_by("behoefte__sort_order", "pk")
    )


def goal_with_totals(pk: int) -> Doneerdoel | None:
    return (
        Doneerdoel.objects.filter(pk=pk)
        .select_related("behoefte", "initiatief")
        .annotate(
            paid_cents=Coalesce(
                Sum(F("donaties__amount_cents") - F("donaties__refunded_cents"), filter=PAID), 0
            ),
            donor_count=Count("donaties", filter=COUNTING),
        )
        .first()
    )


def donor_wall(doel_ids: list[int], *, limit: int = WALL_SIZE) -> list[Donatie]:
    """The newest donors who still count, for the page (only fields safe to show)."""
    return list(
        Donatie.objects.filter(
            doel_id__in=doel_ids,
            status__in=[Donatie.Status.BETAALD, Donatie.Status.DEELS_TERUGBETAALD],
        )
        .only(
            "pk",
            "doel_id",
            "name",
            "is_anonymous",
            "show_amount",
            "amount_cents",
            "refunded_cents",
            "status",
            "message",
            "message_hidden",
            "paid_at",
        )
        .order_by("-paid_at", "-pk")[:limit]
    )


def donatie_for_visitor(*, reference: str, doel_id: int) -> Donatie | None:
    """A donation by its reference (the success and cancel links)."""
    return (
        Donatie.objects.filter(reference=reference, doel_id=doel_id)
        .select_related("initiatief")
        .first()
    )


def open_for_reconcile(*, older_than: timedelta = timedelta(hours=1)) -> QuerySet[Donatie]:
    return Donatie.objects.filter(
        status=Donatie.Status.OPEN, created_at__lte=timezone.now() - older_than
    ).order_by("created_at", "pk")


def fees_unknown(*, limit: int = 200) -> QuerySet[Donatie]:
    return Donatie.objects.filter(
        status__in=Donatie.PAID_STATUSES,
        fee_cents__isnull=True,
        stripe_payment_intent__isnull=False,
        paid_at__gte=timezone.now() - timedelta(days=60),
    ).order_by("paid_at")[:limit]


@dataclass(frozen=True)
class PayoutRow:
    """One initiatief in one month: what came in, went back and Stripe kept then."""

    initiatief_id: int
    initiatief: str
    month: date  # the first day
    count: int  # donations paid this month
    paid_cents: int  # paid this month
    refunded_cents: int  # refunded this month, whenever the donation was paid
    fee_cents: int  # Stripe's fees (when known) of the donations paid this month
    fees_unknown: int

    @property
    def net_cents(self) -> int:
        return self.paid_cents - self.refunded_cents - self.fee_cents


def _first_day(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def payout_rows(*, year: int | None = None) -> list[PayoutRow]:
    """Per initiatief and month: paid minus refunded minus Stripe fees (when known).

    Money counts in the month it moved: a payment in the month of ``paid_at``, a refund
    (``Terugbetaling``) in the month of ``refunded_at``, so a month already paid out
    stays as it was and a later refund is taken off a later payout. A month with only
    refunds has a row with a negative amount. Months are in the site's time zone.
    """
    paid = Donatie.objects.filter(status__in=Donatie.PAID_STATUSES)
    refunds = Terugbetaling.objects.all()
    if year:
        paid = paid.filter(paid_at__year=year)
        refunds = refunds.filter(refunded_at__year=year)
    paid_rows = (
        paid.annotate(month=TruncMonth("paid_at"))
        .values("initiatief_id", "initiatief__title", "month")
        .annotate(
            count=Count("pk"),
            paid=Sum("amount_cents"),
            fees=Coalesce(Sum("fee_cents"), 0),
            fees_unknown=Count("pk", filter=Q(fee_cents__isnull=True)),
        )
        .order_by()
    )
    refund_rows = (
        refunds.annotate(month=TruncMonth("refunded_at"))
        .values("donatie__initiatief_id", "donatie__initiatief__title", "month")
        .annotate(refunded=Sum("amount_cents"))
        .order_by()
    )
    table: dict[tuple[int, date], dict] = {}

    def cell(initiatief_id: int, title: str, month) -> dict:
        key = (initiatief_id, _first_day(month))
        empty = {"title": title, "count": 0, "paid": 0, "refunded": 0, "fees": 0, "unknown": 0}
        return table.setdefault(key, empty)

    for row in paid_rows:
        c = cell(row["initiatief_id"], row["initiatief__title"], row["month"])
        c.update(count=row["count"], paid=row["paid"], fees=row["fees"])
        c["unknown"] = row["fees_unknown"]
    for row in refund_rows:
        c = cell(row["donatie__initiatief_id"], row["donatie__initiatief__title"], row["month"])
        c["refunded"] = row["refunded"]
    rows = [
        PayoutRow(
            initiatief_id=initiatief_id,
            initiatief=c["title"],
            month=month,
            count=c["count"],
            paid_cents=c["paid"],
            refunded_cents=c["refunded"],
            fee_cents=c["fees"],
            fees_unknown=c["unknown"],
        )
        for (initiatief_id, month), c in table.items()
    ]
    return sorted(rows, key=lambda r: (r.month, r.initiatief, r.initiatief_id))
