"""Every write of the buurtbudget: budgets, agenda, applications, votes and decisions.

The regiegroep's proposals are in ``regie_services``.

Money moves only in ``budget_reserve``, which locks the budget row first; the check
constraints on ``Budget`` are the last line if anything slips past that.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtkracht.accounts import rules
from buurtkracht.accounts.models import Membership, Role

from . import notifications
from .messages import MESSAGES
from .models import (
    Aanvraag,
    AanvraagRegel,
    AgendaPunt,
    Belangenmelding,
    Budget,
    Reactie,
    Ronde,
    Stem,
    Verantwoording,
)

SMALL = "small"
REGIE = "regie"
REPORT_WEEKS = 8


@dataclass(frozen=True)
class Line:
    description: str
    amount: Decimal


def _error(code: str, field: str | None = None) -> ValidationError:
    if field:
        return ValidationError({field: [ValidationError(MESSAGES[code], code=code)]})
    return ValidationError(MESSAGES[code], code=code)


def _check_lines(lines: Sequence[Line], amount: Decimal) -> None:
    if not lines:
        raise _error("regels_leeg", "amount")
    if sum((line.amount for line in lines), Decimal("0")) != amount:
        raise _error("regels_som", "amount")


def _lines_save(model, lines, **parent) -> None:
    """Store budget lines in the order they were typed, under an application or proposal."""
    model.objects.bulk_create(
        model(description=line.description, amount=line.amount, sort_order=index, **parent)
        for index, line in enumerate(lines)
    )


# --- budgets -----------------------------------------------------------------------------


@transaction.atomic
def budget_set(*, buurt, year: int, amount: Decimal, small_percent: int) -> Budget:
    """Create or change the budget of a buurt for a year; never below what is granted."""
    budget = Budget.objects.select_for_update().filter(buurt=buurt, year=year).first()
    is_new = budget is None
    if is_new:
        budget = Budget(buurt=buurt, year=year)
    budget.amount = amount
    budget.small_percent = small_percent
    if budget.small_remaining < 0 or budget.regie_remaining < 0:
        raise _error("budget_te_laag", "amount")
    budget.full_clean()
    if is_new:
        budget.save()
    else:
        budget.save(update_fields=["amount", "small_percent"])
    return budget


@transaction.atomic
def budget_reserve(*, buurt_id: int, year: int, part: str, amount: Decimal) -> Budget:
    """Add ``amount`` to the granted total of one part of a buurt's budget.

    Locks the budget row so two grants decided at the same moment are counted one after
    the other. Raises ValidationError ``geen_budget`` or ``budget_op``.
    """
    budget = Budget.objects.select_for_update().filter(buurt_id=buurt_id, year=year).first()
    if budget is None:
        raise _error("geen_budget")
    remaining = budget.small_remaining if part == SMALL else budget.regie_remaining
    if amount > remaining:
        raise _error("budget_op")
    field = "small_granted" if part == SMALL else "regie_granted"
    try:
        with transaction.atomic():
            Budget.objects.filter(pk=budget.pk).update(**{field: F(field) + amount})
    except IntegrityError:
        raise _error("budget_op") from None
    budget.refresh_from_db()
    return budget


# --- agenda ------------------------------------------------------------------------------


@transaction.atomic
def agendapunt_create(*, user, buurt, kind: str, title: str, description: str) -> AgendaPunt:
    rules.require(user, "buurtbudget.agenda_manage", buurt)
    punt = AgendaPunt(buurt=buurt, kind=kind, title=title, description=description, created_by=user)
    punt.full_clean()
    punt.save()
    return punt


@transaction.atomic
def agendapunt_set_active(*, user, agendapunt: AgendaPunt, is_active: bool) -> AgendaPunt:
    rules.require(user, "buurtbudget.agenda_manage", agendapunt.buurt)
    agendapunt.is_active = is_active
    agendapunt.save(update_fields=["is_active"])
    return agendapunt


# --- applications ------------------------------------------------------------------------


@transaction.atomic
def aanvraag_submit(
    *,
    user,
    initiatief,
    ronde: Ronde,
    amount: Decimal,
    lines: Sequence[Line],
    plan: str,
    expected_results: str,
    activity_ends_on: date,
    agendapunt: AgendaPunt | None = None,
    prioriteit=None,
) -> Aanvraag:
    """File an application for an initiatief the user owns.

    Raises PermissionDenied for a non-owner, ValidationError for a closed round, an
    amount above the round maximum, lines that do not add up, or a missing agenda item.
    """
    rules.require(user, rules.PARTICIPATE)
    rules.require(user, rules.INITIATIVE_EDIT, initiatief)
    if not ronde.is_open():
        raise _error("ronde_dicht", "ronde")
    if ronde.wijk_id is not None and ronde.wijk_id != initiatief.wijk_id:
        raise _error("ronde_andere_wijk", "ronde")
    if initiatief.buurt_id is None:
        raise _error("geen_buurt")
    if amount > ronde.max_amount:
        raise _error("boven_maximum", "amount")
    _check_lines(lines, amount)
    if agendapunt is None and prioriteit is None:
        raise _error("geen_agenda", "agendapunt")
    if agendapunt is not None and agendapunt.buurt_id != initiatief.buurt_id:
        raise _error("agenda_andere_buurt", "agendapunt")
    aanvraag = Aanvraag(
        ronde=ronde,
        initiatief=initiatief,
        wijk_id=initiatief.wijk_id,
        buurt_id=initiatief.buurt_id,
        applicant=user,
        agendapunt=agendapunt,
        prioriteit=prioriteit,
        plan=plan,
        expected_results=expected_results,
        activity_ends_on=activity_ends_on,
        amount=amount,
    )
    aanvraag.full_clean()
    aanvraag.save()
    _lines_save(AanvraagRegel, lines, aanvraag=aanvraag)
    transaction.on_commit(lambda: notifications.aanvraag_received(aanvraag_id=aanvraag.pk))
    return aanvraag


def is_owner(user, aanvraag: Aanvraag) -> bool:
    return aanvraag.initiatief.owners.filter(pk=user.pk).exists()


def _require_panel(user, aanvraag: Aanvraag) -> None:
    rules.require(user, rules.GRANTS_VOTE, aanvraag.wijk)


@transaction.atomic
def stem_cast(*, user, aanvraag: Aanvraag, choice: str, motivation: str) -> Stem:
    """Record one panel member's vote; decide when the quorum is reached.

    Refuses (PermissionDenied) members of another wijk; refuses (ValidationError) a
    second vote, a vote on an initiative the member (co-)owns or declared a conflict on,
    and votes on a decided application. If the decision cannot be made because the
    budget has run out, the vote stays and the application waits.
    """
    _require_panel(user, aanvraag)
    aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    if not aanvraag.is_open:
        raise _error("al_besloten")
    if is_owner(user, aanvraag):
        raise _error("eigen_initiatief")
    if Belangenmelding.objects.filter(aanvraag=aanvraag, user=user).exists():
        raise _error("belang_gemeld")
    if Stem.objects.filter(aanvraag=aanvraag, user=user).exists():
        raise _error("al_gestemd")
    if choice not in Stem.Choice.values:
        raise _error("ongeldige_stem", "choice")
    is_chair = Membership.objects.filter(
        user=user, role=Role.INSPIRATIETEAM, wijk_id=aanvraag.wijk_id, is_chair=True
    ).exists()
    stem = Stem(
        aanvraag=aanvraag, user=user, choice=choice, motivation=motivation, is_chair=is_chair
    )
    stem.full_clean()
    try:
        with transaction.atomic():
            stem.save()
    except IntegrityError:
        raise _error("al_gestemd") from None
    if aanvraag.status == Aanvraag.Status.INGEDIEND:
        aanvraag.status = Aanvraag.Status.IN_STEMMING
        aanvraag.save(update_fields=["status"])
    try:
        with transaction.atomic():
            aanvraag_decide(aanvraag=aanvraag)
    except ValidationError as error:
        if error.code not in ("budget_op", "geen_budget"):
            raise
    return stem


@transaction.atomic
def belang_declare(*, user, aanvraag: Aanvraag, reason: str) -> Belangenmelding:
    _require_panel(user, aanvraag)
    if Stem.objects.filter(aanvraag=aanvraag, user=user).exists():
        raise _error("al_gestemd")
    melding, _created = Belangenmelding.objects.get_or_create(
        aanvraag=aanvraag, user=user, defaults={"reason": reason}
    )
    # If the chair steps aside on a tie, the tie now rejects.
    try:
        with transaction.atomic():
            aanvraag_decide(aanvraag=aanvraag)
    except ValidationError as error:
        if error.code not in ("budget_op", "geen_budget"):
            raise
    return melding


@transaction.atomic
def reactie_create(*, user, aanvraag: Aanvraag, text: str) -> Reactie:
    _require_panel(user, aanvraag)
    if is_owner(user, aanvraag):
        raise PermissionDenied("own initiative")
    reactie = Reactie(aanvraag=aanvraag, author=user, text=text)
    reactie.full_clean()
    reactie.save()
    return reactie


def tally(stemmen) -> dict[str, int]:
    counts = dict.fromkeys(Stem.Choice.values, 0)
    for stem in stemmen:
        counts[stem.choice] += 1
    return counts


def outcome(stemmen, quorum: int, *, chair_can_vote: bool = True) -> str | None:
    """``toegekend``, ``afgewezen`` or None (not yet decided) for a list of votes.

    The quorum counts every vote cast (abstentions too). A majority of voor over tegen
    grants; a tie goes to the chair's vote. A tie waits for the chair, unless the chair
    cannot vote (no chair, a conflict of interest, an owner): then, as when the chair
    abstains, it rejects, since a grant needs a majority in favour.
    """
    stemmen = list(stemmen)
    if len(stemmen) < quorum:
        return None
    counts = tally(stemmen)
    if counts["voor"] > counts["tegen"]:
        return Aanvraag.Status.TOEGEKEND
    if counts["tegen"] > counts["voor"]:
        return Aanvraag.Status.AFGEWEZEN
    chair = next((stem for stem in stemmen if stem.is_chair), None)
    if chair is None:
        return None if chair_can_vote else Aanvraag.Status.AFGEWEZEN
    if chair.choice == Stem.Choice.VOOR:
        return Aanvraag.Status.TOEGEKEND
    return Aanvraag.Status.AFGEWEZEN


def _motivation(stemmen, status: str) -> str:
    counts = tally(stemmen)
    side = Stem.Choice.VOOR if status == Aanvraag.Status.TOEGEKEND else Stem.Choice.TEGEN
    head = _("%(voor)s voor, %(tegen)s tegen, %(onthouding)s onthouding.") % counts
    reasons = [stem.motivation.strip() for stem in stemmen if stem.choice == side]
    return "\n".join([head, *[f"- {reason}" for reason in reasons if reason]])


def _chair_can_vote(aanvraag: Aanvraag) -> bool:
    chair = Membership.objects.filter(
        role=Role.INSPIRATIETEAM, wijk_id=aanvraag.wijk_id, is_chair=True
    ).first()
    if chair is None:
        return False
    if aanvraag.initiatief.owners.filter(pk=chair.user_id).exists():
        return False
    return not Belangenmelding.objects.filter(aanvraag=aanvraag, user_id=chair.user_id).exists()


@transaction.atomic
def aanvraag_decide(*, aanvraag: Aanvraag) -> Aanvraag:
    """Decide an application from its votes when the quorum is reached.

    A grant reserves the amount from the small-initiatives part of the buurt's budget
    for the round's year (``budget_reserve``: raises ``budget_op`` if it does not fit,
    and then nothing is written). Mails the applicant after commit.
    """
    aanvraag = Aanvraag.objects.select_for_update().select_related("ronde").get(pk=aanvraag.pk)
    if not aanvraag.is_open:
        return aanvraag
    stemmen = list(aanvraag.stemmen.all())
    status = outcome(stemmen, aanvraag.ronde.quorum, chair_can_vote=_chair_can_vote(aanvraag))
    if status is None:
        return aanvraag
    if status == Aanvraag.Status.TOEGEKEND:
        budget_reserve(
            buurt_id=aanvraag.buurt_id, year=aanvraag.ronde.year, part=SMALL, amount=aanvraag.amount
        )
        aanvraag.report_due_on = aanvraag.activity_ends_on + timedelta(weeks=REPORT_WEEKS)
    aanvraag.status = status
    aanvraag.decided_at = timezone.now()
    aanvraag.decision_motivation = _motivation(stemmen, status)
    aanvraag.save(update_fields=["status", "decided_at", "decision_motivation", "report_due_on"])
    transaction.on_commit(lambda: notifications.aanvraag_decided(aanvraag_id=aanvraag.pk))
    return aanvraag


@transaction.atomic
def verantwoording_submit(
    *, user, aanvraag: Aanvraag, spent: Decimal, result: str, story: str, figures: str
) -> Verantwoording:
    rules.require(user, rules.INITIATIVE_EDIT, aanvraag.initiatief)
    if not aanvraag.is_granted:
        raise _error("niet_toegekend")
    if Verantwoording.objects.filter(aanvraag=aanvraag).exists():
        raise _error("al_verantwoord")
    verantwoording = Verantwoording(
        aanvraag=aanvraag,
        spent=spent,
        result=result,
        story=story,
        figures=figures,
        submitted_by=user,
    )
    verantwoording.full_clean()
    try:
        with transaction.atomic():
            verantwoording.save()
    except IntegrityError:
        raise _error("al_verantwoord") from None
    return verantwoording
