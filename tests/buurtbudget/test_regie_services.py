"""The regiegroep files a proposal; a professional of the wijk reviews it."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from initiatieven.buurtbudget import regie_services, services
from initiatieven.buurtbudget.models import Voorstel
from tests.factories import MembershipFactory, UserFactory

from .factories import BudgetFactory, professional
from .test_services import codes

pytestmark = pytest.mark.django_db


def regiegroep_member(buurt):
    user = UserFactory()
    MembershipFactory(user=user, role="regiegroep", buurt=buurt)
    return user


def test_voorstel_submit_and_review():
    budget = BudgetFactory(amount=Decimal("40000.00"), small_percent=30)
    member = regiegroep_member(budget.buurt)
    voorstel = regie_services.voorstel_submit(
        user=member,
        buurt=budget.buurt,
        year=budget.year,
        title="Speeltuin opknappen",
        description="Nieuwe banken en een schommel.",
        amount=Decimal("15000.00"),
        lines=[
            services.Line("Banken", Decimal("5000")),
            services.Line("Schommel", Decimal("10000")),
        ],
    )
    assert voorstel.regels.count() == 2
    with pytest.raises(PermissionDenied):
        regie_services.voorstel_review(user=member, voorstel=voorstel, approve=True, reason="ok")
    reviewer = professional(budget.buurt.wijk)
    with pytest.raises(ValidationError) as excinfo:
        regie_services.voorstel_review(user=reviewer, voorstel=voorstel, approve=True, reason=" ")
    assert codes(excinfo) == {"reden_nodig"}
    regie_services.voorstel_review(
        user=reviewer, voorstel=voorstel, approve=True, reason="Geen overlap met contracten."
    )
    voorstel.refresh_from_db()
    budget.refresh_from_db()
    assert voorstel.status == Voorstel.Status.AKKOORD
    assert voorstel.reviewed_by == reviewer
    assert budget.regie_granted == Decimal("15000.00")
    with pytest.raises(ValidationError):
        regie_services.voorstel_review(user=reviewer, voorstel=voorstel, approve=False, reason="x")


def test_voorstel_refusals():
    budget = BudgetFactory(amount=Decimal("10000.00"), small_percent=50)
    with pytest.raises(PermissionDenied):
        regie_services.voorstel_submit(
            user=UserFactory(),
            buurt=budget.buurt,
            year=budget.year,
            title="t",
            description="d",
            amount=Decimal("10"),
            lines=[services.Line("x", Decimal("10"))],
        )
    member = regiegroep_member(budget.buurt)
    with pytest.raises(ValidationError) as excinfo:
        regie_services.voorstel_submit(
            user=member,
            buurt=budget.buurt,
            year=budget.year,
            title="t",
            description="d",
            amount=Decimal("10"),
            lines=[services.Line("x", Decimal("9"))],
        )
    assert codes(excinfo) == {"regels_som"}
    voorstel = regie_services.voorstel_submit(
        user=member,
        buurt=budget.buurt,
        year=budget.year,
        title="t",
        description="d",
        amount=Decimal("6000"),
        lines=[services.Line("x", Decimal("6000"))],
    )
    with pytest.raises(ValidationError) as excinfo:
        regie_services.voorstel_review(
            user=professional(budget.buurt.wijk), voorstel=voorstel, approve=True, reason="ok"
        )
    assert codes(excinfo) == {"budget_op"}
    voorstel.refresh_from_db()
    assert voorstel.status == Voorstel.Status.INGEDIEND
