"""Reads of the buurtbudget: totals per buurt and wijk, decisions, the panel's list."""

from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from buurtkracht.accounts.models import Membership, Role

from .models import (
    Aanvraag,
    AgendaPunt,
    Belangenmelding,
    Budget,
    Ronde,
    Stem,
    Verantwoording,
    Voorstel,
)

ZERO = Decimal("0.00")


@dataclass
class Totals:
    amount: Decimal = ZERO
    small_part: Decimal = ZERO
    regie_part: Decimal = ZERO
    small_granted: Decimal = ZERO
    regie_granted: Decimal = ZERO
    decision_days: list[int] = field(default_factory=list)

    def add(self, budget: Budget) -> None:
        self.amount += budget.amount
        self.small_part += budget.small_part
        self.regie_part += budget.regie_part
        self.small_granted += budget.small_granted
        self.regie_granted += budget.regie_granted

    @property
    def granted(self) -> Decimal:
        return self.small_granted + self.regie_granted

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.granted

    @property
    def median_days(self) -> int | None:
        return round(median(self.decision_days)) if self.decision_days else None


def current_year() -> int:
    return timezone.localdate().year


def budgets_for(*, year: int, wijk=None, buurt=None) -> QuerySet[Budget]:
    qs = Budget.objects.filter(year=year).select_related("buurt", "buurt__wijk")
    if wijk is not None:
        qs = qs.filter(buurt__wijk=wijk)
    if buurt is not None:
        qs = qs.filter(buurt=buurt)
    return qs.order_by("buurt__name")


def decided_aanvragen(*, year: int, wijk=None, buurt=None) -> QuerySet[Aanvraag]:
    """Decided applications of a budget year, newest decision first (public)."""
    qs = Aanvraag.objects.filter(
        ronde__year=year, status__in=Aanvraag.DECIDED_STATUSES
    ).select_related("initiatief", "buurt", "wijk", "agendapunt", "prioriteit", "ronde")
    if wijk is not None:
        qs = qs.filter(wijk=wijk)
    if buurt is not None:
        qs = qs.filter(buurt=buurt)
    return qs.order_by("-decided_at")


def reviewed_voorstellen(*, year: int, wijk=None, buurt=None) -> QuerySet[Voorstel]:
    qs = (
        Voorstel.objects.filter(year=year)
        .exclude(status=Voorstel.Status.INGEDIEND)
        .select_related("buurt", "agendapunt")
        .prefetch_related("regels")
    )
    if wijk is not None:
        qs = qs.filter(buurt__wijk=wijk)
    if buurt is not None:
        qs = qs.filter(buurt=buurt)
    return qs.order_by("-reviewed_at")


def totals(budgets, aanvragen, voorstellen) -> Totals:
    result = Totals()
    for budget in budgets:
        result.add(budget)
    result.decision_days = [a.decision_days for a in aanvragen] + [
        v.decision_days for v in voorstellen
    ]
    return result


def agenda_for(buurt, *, active_only: bool = True) -> QuerySet[AgendaPunt]:
    qs = AgendaPunt.objects.filter(buurt=buurt)
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("kind", "title")


def open_rondes_for(initiatief) -> QuerySet[Ronde]:
    today = timezone.localdate()
    return Ronde.objects.filter(opens_on__lte=today, closes_on__gte=today).filter(
        models_q_wijk(initiatief.wijk_id)
    )


def models_q_wijk(wijk_id):
    from django.db.models import Q

    return Q(wijk__isnull=True) | Q(wijk_id=wijk_id)


def overdue(qs: QuerySet[Aanvraag] | None = None) -> QuerySet[Aanvraag]:
    """Granted applications whose report is past its due date and not in."""
    qs = qs if qs is not None else Aanvraag.objects.all()
    return qs.filter(
        status=Aanvraag.Status.TOEGEKEND,
        report_due_on__lt=timezone.localdate(),
        verantwoording__isnull=True,
    )


def panel_aanvragen(*, wijk, user) -> QuerySet[Aanvraag]:
    """Every application of a wijk for its panel, with whether ``user`` has voted."""
    return (
        Aanvraag.objects.filter(wijk=wijk)
        .select_related("initiatief", "buurt", "ronde")
        .annotate(
            has_voted=Exists(Stem.objects.filter(aanvraag=OuterRef("pk"), user=user)),
            has_conflict=Exists(Belangenmelding.objects.filter(aanvraag=OuterRef("pk"), user=user)),
            has_report=Exists(Verantwoording.objects.filter(aanvraag=OuterRef("pk"))),
        )
        .order_by("-submitted_at")
    )


def aanvraag_for_page(pk: int) -> Aanvraag:
    return (
        Aanvraag.objects.select_related(
            "initiatief", "buurt", "wijk", "ronde", "agendapunt", "prioriteit", "applicant"
        )
        .prefetch_related(
            "regels",
            Prefetch("stemmen", queryset=Stem.objects.select_related("user")),
            "initiatief__owners",
        )
        .get(pk=pk)
    )


def panel_members(wijk) -> QuerySet:
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__role=Role.INSPIRATIETEAM, memberships__wijk=wijk, is_active=True
        )
        .distinct()
    )


def user_aanvragen(user) -> QuerySet[Aanvraag]:
    return (
        Aanvraag.objects.filter(initiatief__eigenaarschappen__user=user)
        .select_related("initiatief", "ronde")
        .order_by("-submitted_at")
    )


def chair_of(wijk) -> Membership | None:
    return Membership.objects.filter(role=Role.INSPIRATIETEAM, wijk=wijk, is_chair=True).first()


def user_initiatieven(user) -> QuerySet:
    """The initiatieven a user owns that could apply (they lie in a buurt)."""
    from initiatieven.models import Initiatief

    return (
        Initiatief.objects.filter(eigenaarschappen__user=user, buurt__isnull=False)
        .exclude(status=Initiatief.Status.GEARCHIVEERD)
        .order_by("title")
    )


def pending_voorstellen(*, wijk=None, buurt=None) -> QuerySet[Voorstel]:
    """Proposals still waiting for the district's review (for the regiegroep and reviewers)."""
    qs = Voorstel.objects.filter(status=Voorstel.Status.INGEDIEND).select_related("buurt")
    if wijk is not None:
        qs = qs.filter(buurt__wijk=wijk)
    if buurt is not None:
        qs = qs.filter(buurt=buurt)
    return qs.order_by("submitted_at")
