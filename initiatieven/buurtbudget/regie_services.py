"""Writes for the regiegroep's proposals: filing one, and the district's review.

Approval reserves money through ``services.budget_reserve``, like a granted application.
"""

from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from buurtkracht.accounts import rules

from .models import AgendaPunt, Voorstel, VoorstelRegel
from .services import REGIE, Line, _check_lines, _error, _lines_save, budget_reserve


@transaction.atomic
def voorstel_submit(
    *,
    user,
    buurt,
    year: int,
    title: str,
    description: str,
    amount: Decimal,
    lines: Sequence[Line],
    agendapunt: AgendaPunt | None = None,
) -> Voorstel:
    rules.require(user, rules.REGIEGROEP_PROPOSE, buurt)
    _check_lines(lines, amount)
    if agendapunt is not None and agendapunt.buurt_id != buurt.pk:
        raise _error("agenda_andere_buurt", "agendapunt")
    voorstel = Voorstel(
        buurt=buurt,
        year=year,
        title=title,
        description=description,
        amount=amount,
        agendapunt=agendapunt,
        submitted_by=user,
    )
    voorstel.full_clean()
    voorstel.save()
    _lines_save(VoorstelRegel, lines, voorstel=voorstel)
    return voorstel


@transaction.atomic
def voorstel_review(*, user, voorstel: Voorstel, approve: bool, reason: str) -> Voorstel:
    """Record the district's check of a proposal; approval reserves its amount."""
    rules.require(user, rules.REGIEGROEP_REVIEW, voorstel.buurt)
    voorstel = Voorstel.objects.select_for_update().get(pk=voorstel.pk)
    if voorstel.status != Voorstel.Status.INGEDIEND:
        raise _error("al_besloten")
    if not reason.strip():
        raise _error("reden_nodig", "review_reason")
    if approve:
        budget_reserve(
            buurt_id=voorstel.buurt_id, year=voorstel.year, part=REGIE, amount=voorstel.amount
        )
    voorstel.status = Voorstel.Status.AKKOORD if approve else Voorstel.Status.NIET_AKKOORD
    voorstel.review_reason = reason
    voorstel.reviewed_by = user
    voorstel.reviewed_at = timezone.now()
    voorstel.save(update_fields=["status", "review_reason", "reviewed_by", "reviewed_at"])
    return voorstel
