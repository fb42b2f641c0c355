from decimal import Decimal

import pytest
from django.urls import reverse

from initiatieven.buurtbudget import services
from initiatieven.buurtbudget.models import Budget
from tests.factories import UserFactory, totp_enable

from .factories import AgendaPuntFactory, BudgetFactory, RondeFactory, aanvraag

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    totp_enable(user)
    client.force_login(user)
    return client


def test_admin_lists_with_filters(admin_client):
    budget = BudgetFactory()
    AgendaPuntFactory()
    RondeFactory(title="Voorjaarsronde")
    result = aanvraag()
    for name in ("budget", "agendapunt", "ronde", "aanvraag", "voorstel"):
        response = admin_client.get(reverse(f"{name}:index"))
        assert response.status_code == 200, name
    filtered = admin_client.get(reverse("aanvraag:index"), {"status": "ingediend"})
    assert result.initiatief.title in filtered.content.decode()
    assert admin_client.get(reverse("budget:index"), {"year": budget.year}).status_code == 200
    assert admin_client.get(reverse("aanvraag:inspect", args=[result.pk])).status_code == 200


def test_admin_cannot_add_applications(admin_client):
    response = admin_client.get(reverse("aanvraag:add"))
    assert response.status_code in (302, 403)


def test_admin_refuses_budget_below_granted(admin_client):
    budget = BudgetFactory(amount=Decimal("10000.00"), small_percent=10)
    services.budget_reserve(
        buurt_id=budget.buurt_id, year=budget.year, part=services.SMALL, amount=Decimal("900")
    )
    response = admin_client.post(
        reverse("budget:edit", args=[budget.pk]),
        {"buurt": budget.buurt_id, "year": budget.year, "amount": "5000.00", "small_percent": "10"},
    )
    assert response.status_code == 200  # the form again, with an error
    budget.refresh_from_db()
    assert budget.amount == Decimal("10000.00")
    response = admin_client.post(
        reverse("budget:edit", args=[budget.pk]),
        {
            "buurt": budget.buurt_id,
            "year": budget.year,
            "amount": "50000.00",
            "small_percent": "10",
        },
    )
    assert response.status_code == 302
    assert Budget.objects.get().amount == Decimal("50000.00")


def test_export_menu_only_for_beheer(client):
    user = UserFactory(groups=["beheer"])
    totp_enable(user)
    client.force_login(user)
    assert reverse("buurtbudget:export") in client.get("/admin/").content.decode()


def test_admin_creates_a_budget_once_per_buurt_and_year(admin_client):
    from tests.factories import buurt_in, wijk

    buurt = buurt_in(wijk("Westerpark"))
    data = {"buurt": buurt.pk, "year": 2030, "amount": "42000.00", "small_percent": "25"}
    assert admin_client.post(reverse("budget:add"), data).status_code == 302
    budget = Budget.objects.get(buurt=buurt, year=2030)
    assert (budget.amount, budget.small_percent, budget.small_granted) == (
        Decimal("42000.00"),
        25,
        0,
    )
    again = admin_client.post(reverse("budget:add"), {**data, "amount": "1.00"})
    assert again.status_code == 200
    assert Budget.objects.get(buurt=buurt, year=2030).amount == Decimal("42000.00")


def test_budget_form_reports_a_grant_made_while_editing():
    from django.core.exceptions import ValidationError

    from initiatieven.buurtbudget.wagtail_hooks import BudgetViewSet

    budget = BudgetFactory(amount=Decimal("10000.00"), small_percent=10)
    form_class = BudgetViewSet().get_form_class(for_update=True)
    form = form_class(
        {"buurt": budget.buurt_id, "year": budget.year, "amount": "5000.00", "small_percent": "10"},
        instance=budget,
    )
    assert form.is_valid()
    # Someone's grant lands between checking and saving.
    services.budget_reserve(
        buurt_id=budget.buurt_id, year=budget.year, part=services.SMALL, amount=Decimal("600")
    )
    with pytest.raises(ValidationError):
        form.save()
    assert "niet lager zijn dan wat al is toegekend" in str(form.errors)
    budget.refresh_from_db()
    assert (budget.amount, budget.small_granted) == (Decimal("10000.00"), Decimal("600.00"))
