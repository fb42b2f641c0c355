"""Reads of the donaties app: progress on a page, the donor wall, the payout report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from initiatieven.donaties.models import Donatie, Doneerdoel

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
    initiatief_id: int
    initiatief: str
    month: object  # date of the first day
    count: int
    paid_cents: int
    refunded_cents: int
    fee_cents: int
    fees_unknown: int

    @property
    def net_cents(self) -> int:
        return self.paid_cents - self.refunded_cents - self.fee_cents


def payout_rows(*, year: int | None = None) -> list[PayoutRow]:
    """Per initiatief and month of payment: paid, refunded, Stripe fees (when known), net.

    A refund counts in the month the donation was paid, so a month's total is what that
    month's donations finally brought in.
    """
    qs = Donatie.objects.filter(status__in=Donatie.PAID_STATUSES)
    if year:
        qs = qs.filter(paid_at__year=year)
    rows = (
        qs.annotate(month=TruncMonth("paid_at"))
        .values("initiatief_id", "initiatief__title", "month")
        .annotate(
            count=Count("pk"),
            paid=Sum("amount_cents"),
            refunded=Sum("refunded_cents"),
            fees=Coalesce(Sum("fee_cents"), 0),
            fees_unknown=Count("pk", filter=Q(fee_cents__isnull=True)),
        )
        .order_by("month", "initiatief__title", "initiatief_id")
    )
    return [
        PayoutRow(
            initiatief_id=row["initiatief_id"],
            initiatief=row["initiatief__title"],
            month=row["month"].date() if hasattr(row["month"], "date") else row["month"],
            count=row["count"],
            paid_cents=row["paid"],
            refunded_cents=row["refunded"],
            fee_cents=row["fees"],
            fees_unknown=row["fees_unknown"],
        )
        for row in rows
    ]
