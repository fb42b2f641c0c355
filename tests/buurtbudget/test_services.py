import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from initiatieven.buurtbudget import services
from initiatieven.buurtbudget.models import Aanvraag, Budget, Stem
from tests.factories import UserFactory, buurt_in, wijk
from tests.initiatieven.factories import InitiatiefFactory

from .factories import (
    AgendaPuntFactory,
    BudgetFactory,
    RondeFactory,
    aanvraag,
    panel,
    panel_member,
    today,
)

pytestmark = pytest.mark.django_db


def codes(excinfo) -> set[str]:
    error = excinfo.value
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


# --- budgets ------------------------------------------------------------------------------


def test_budget_parts_and_remaining():
    budget = BudgetFactory(amount=Decimal("40000.00"), small_percent=30)
    assert budget.small_part == Decimal("12000.00")
    assert budget.regie_part == Decimal("28000.00")
    budget = services.budget_reserve(
        buurt_id=budget.buurt_id, year=budget.year, part=services.SMALL, amount=Decimal("2500.50")
    )
    assert budget.small_granted == Decimal("2500.50")
    assert budget.small_remaining == Decimal("9499.50")
    assert budget.remaining == Decimal("37499.50")


def test_reserve_refuses_more_than_the_part():
    budget = BudgetFactory(amount=Decimal("10000.00"), small_percent=10)
    with pytest.raises(ValidationError) as excinfo:
        services.budget_reserve(
            buurt_id=budget.buurt_id,
            year=budget.year,
            part=services.SMALL,
            amount=Decimal("1000.01"),
        )
    assert codes(excinfo) == {"budget_op"}
    budget.refresh_from_db()
    assert budget.small_granted == 0


def test_database_refuses_granted_above_part():
    budget = BudgetFactory(amount=Decimal("10000.00"), small_percent=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        Budget.objects.filter(pk=budget.pk).update(small_granted=Decimal("1000.01"))
    Budget.objects.filter(pk=budget.pk).update(small_granted=Decimal("1000.00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Budget.objects.filter(pk=budget.pk).update(regie_granted=Decimal("9000.01"))


def test_budget_set_never_below_granted():
    budget = BudgetFactory(amount=Decimal("10000.00"), small_percent=10)
    services.budget_reserve(
        buurt_id=budget.buurt_id, year=budget.year, part=services.SMALL, amount=Decimal("1000")
    )
    with pytest.raises(ValidationError) as excinfo:
        services.budget_set(
            buurt=budget.buurt, year=budget.year, amount=Decimal("9000"), small_percent=10
        )
    assert codes(excinfo) == {"budget_te_laag"}
    services.budget_set(
        buurt=budget.buurt, year=budget.year, amount=Decimal("20000"), small_percent=5
    )
    budget.refresh_from_db()
    assert budget.small_part == Decimal("1000.00")


# --- applications -------------------------------------------------------------------------


def test_submit_stores_lines_and_mails_owner(django_capture_on_commit_callbacks):
    owner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        result = aanvraag(owner=owner, amount="1234.56")
    assert result.status == Aanvraag.Status.INGEDIEND
    assert result.amount == Decimal("1234.56")
    assert [line.amount for line in result.regels.all()] == [Decimal("1234.56")]
    assert result.buurt_id == result.initiatief.buurt_id
    assert mail.outbox[-1].to == [owner.email]


def test_lines_must_add_up():
    owner = UserFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.aanvraag_submit(
            user=owner,
            initiatief=InitiatiefFactory(owners=[owner]),
            ronde=RondeFactory(),
            amount=Decimal("1000.00"),
            lines=[services.Line("Huur", Decimal("600")), services.Line("Eten", Decimal("399.99"))],
            plan="p",
            expected_results="r",
            activity_ends_on=today(),
            agendapunt=None,
            prioriteit=None,
        )
    assert codes(excinfo) == {"regels_som"}
    assert not Aanvraag.objects.exists()


def test_round_closed_and_maximum():
    closed = RondeFactory(
        opens_on=today() - datetime.timedelta(days=20),
        closes_on=today() - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as excinfo:
        aanvraag(ronde=closed)
    assert codes(excinfo) == {"ronde_dicht"}
    with pytest.raises(ValidationError) as excinfo:
        aanvraag(ronde=RondeFactory(max_amount=Decimal("5000")), amount="5000.01")
    assert codes(excinfo) == {"boven_maximum"}
    assert aanvraag(amount="5000.00").amount == Decimal("5000.00")


def test_only_owner_may_apply():
    with pytest.raises(PermissionDenied):
        aanvraag(owner=UserFactory(), initiatief=InitiatiefFactory())


def test_agenda_item_of_the_buurt_or_a_priority_is_needed():
    with pytest.raises(ValidationError) as excinfo:
        aanvraag(prioriteit=None)
    assert codes(excinfo) == {"geen_agenda"}
    other = AgendaPuntFactory(buurt=buurt_in(wijk("Westerpark")))
    with pytest.raises(ValidationError) as excinfo:
        aanvraag(prioriteit=None, agendapunt=other)
    assert codes(excinfo) == {"agenda_andere_buurt"}
    punt = AgendaPuntFactory()
    assert aanvraag(prioriteit=None, agendapunt=punt).agendapunt == punt


# --- voting -------------------------------------------------------------------------------


def test_quorum_and_majority_grant(django_capture_on_commit_callbacks):
    budget = BudgetFactory()
    members = panel(3)
    result = aanvraag(amount="2000.00")
    services.stem_cast(user=members[0], aanvraag=result, choice="voor", motivation="Goed plan")
    result.refresh_from_db()
    assert result.status == Aanvraag.Status.IN_STEMMING
    services.stem_cast(user=members[1], aanvraag=result, choice="tegen", motivation="Te duur")
    with django_capture_on_commit_callbacks(execute=True):
        services.stem_cast(user=members[2], aanvraag=result, choice="voor", motivation="Mooi")
    result.refresh_from_db()
    budget.refresh_from_db()
    assert result.status == Aanvraag.Status.TOEGEKEND
    assert "2 voor, 1 tegen, 0 onthouding" in result.decision_motivation
    assert "Goed plan" in result.decision_motivation and "Te duur" not in result.decision_motivation
    assert result.report_due_on == result.activity_ends_on + datetime.timedelta(weeks=8)
    assert budget.small_granted == Decimal("2000.00")
    assert "toegekend" in mail.outbox[-1].subject


def test_majority_against_rejects_without_money():
    budget = BudgetFactory()
    members = panel(3)
    result = aanvraag()
    for member, choice in zip(members, ["tegen", "tegen", "voor"], strict=True):
        services.stem_cast(user=member, aanvraag=result, choice=choice, motivation="m")
    result.refresh_from_db()
    budget.refresh_from_db()
    assert result.status == Aanvraag.Status.AFGEWEZEN
    assert budget.small_granted == 0


@pytest.mark.parametrize(
    ("chair_choice", "expected"), [("voor", "toegekend"), ("tegen", "afgewezen")]
)
def test_tie_goes_to_the_chair(chair_choice, expected):
    BudgetFactory()
    chair, *others = panel(4)
    result = aanvraag(ronde=RondeFactory(quorum=4))
    other_choice = "tegen" if chair_choice == "voor" else "voor"
    services.stem_cast(user=chair, aanvraag=result, choice=chair_choice, motivation="m")
    services.stem_cast(user=others[0], aanvraag=result, choice=chair_choice, motivation="m")
    services.stem_cast(user=others[1], aanvraag=result, choice=other_choice, motivation="m")
    services.stem_cast(user=others[2], aanvraag=result, choice=other_choice, motivation="m")
    result.refresh_from_db()
    assert result.status == expected


def test_tie_waits_for_the_chair():
    BudgetFactory()
    chair, a, b = panel(3)
    extra = panel_member()
    result = aanvraag(ronde=RondeFactory(quorum=2))
    services.stem_cast(user=a, aanvraag=result, choice="voor", motivation="m")
    services.stem_cast(user=b, aanvraag=result, choice="tegen", motivation="m")
    result.refresh_from_db()
    assert result.status == Aanvraag.Status.IN_STEMMING
    services.stem_cast(user=extra, aanvraag=result, choice="onthouding", motivation="m")
    result.refresh_from_db()
    assert result.status == Aanvraag.Status.IN_STEMMING
    services.stem_cast(user=chair, aanvraag=result, choice="voor", motivation="m")
    result.refresh_from_db()
    assert result.status == Aanvraag.Status.TOEGEKEND


def test_vote_refusals():
    BudgetFactory()
    owner_member = panel_member()
    member = panel_member()
    result = aanvraag(owner=owner_member)
    with pytest.raises(ValidationError) as excinfo:
        services.stem_cast(user=owner_member, aanvraag=result, choice="voor", motivation="m")
    assert codes(excinfo) == {"eigen_initiatief"}
    services.stem_cast(user=member, aanvraag=result, choice="voor", motivation="m")
    with pytest.raises(ValidationError) as excinfo:
        services.stem_cast(user=member, aanvraag=result, choice="tegen", motivation="m")
    assert codes(excinfo) == {"al_gestemd"}
    with pytest.raises(PermissionDenied):
        services.stem_cast(
            user=panel_member(wijk("Westerpark")), aanvraag=result, choice="voor", motivation="m"
        )
    with pytest.raises(PermissionDenied):
        services.stem_cast(user=UserFactory(), aanvraag=result, choice="voor", motivation="m")
    conflicted = panel_member()
    services.belang_declare(user=conflicted, aanvraag=result, reason="Mijn buurvrouw")
    with pytest.raises(ValidationError) as excinfo:
        services.stem_cast(user=conflicted, aanvraag=result, choice="voor", motivation="m")
    assert codes(excinfo) == {"belang_gemeld"}
    assert list(Stem.objects.values_list("user", "choice")) == [(member.pk, "voor")]


def test_co_owner_cannot_vote():
    co_owner = panel_member()
    owner = UserFactory()
    result = aanvraag(owner=owner, initiatief=InitiatiefFactory(owners=[owner, co_owner]))
    with pytest.raises(ValidationError):
        services.stem_cast(user=co_owner, aanvraag=result, choice="voor", motivation="m")


def test_grant_waits_when_budget_is_out():
    BudgetFactory(amount=Decimal("1000.00"), small_percent=100)
    members = panel(3)
    result = aanvraag(amount="1500.00")
    for member in members:
        services.stem_cast(user=member, aanvraag=result, choice="voor", motivation="m")
    result.refresh_from_db()
    assert result.status == Aanvraag.Status.IN_STEMMING
    assert result.stemmen.count() == 3
    Budget.objects.update(amount=Decimal("2000.00"))
    services.aanvraag_decide(aanvraag=result)
    result.refresh_from_db()
    assert result.status == Aanvraag.Status.TOEGEKEND


# --- accountability -----------------------------------------------------------------------


def test_verantwoording_only_after_grant_by_owner():
    BudgetFactory()
    owner = UserFactory()
    result = aanvraag(owner=owner)
    with pytest.raises(ValidationError) as excinfo:
        services.verantwoording_submit(
            user=owner, aanvraag=result, spent=Decimal("10"), result="r", story="", figures=""
        )
    assert codes(excinfo) == {"niet_toegekend"}
    for member in panel(3):
        services.stem_cast(user=member, aanvraag=result, choice="voor", motivation="m")
    result.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.verantwoording_submit(
            user=UserFactory(),
            aanvraag=result,
            spent=Decimal("10"),
            result="r",
            story="",
            figures="",
        )
    report = services.verantwoording_submit(
        user=owner,
        aanvraag=result,
        spent=Decimal("950.25"),
        result="30 buren kwamen",
        story="",
        figures="",
    )
    assert report.spent == Decimal("950.25")
    with pytest.raises(ValidationError) as excinfo:
        services.verantwoording_submit(
            user=owner, aanvraag=result, spent=Decimal("10"), result="r", story="", figures=""
        )
    assert codes(excinfo) == {"al_verantwoord"}


def test_tie_rejects_when_the_chair_cannot_vote():
    BudgetFactory()
    chair, a, b = panel(3)
    result = aanvraag(ronde=RondeFactory(quorum=2))
    services.stem_cast(user=a, aanvraag=result, choice="voor", motivation="m")
    services.stem_cast(user=b, aanvraag=result, choice="tegen", motivation="Niet nodig")
    result.refresh_from_db()
    assert result.status == Aanvraag.Status.IN_STEMMING
    services.belang_declare(user=chair, aanvraag=result, reason="Mijn zus doet mee")
    result.refresh_from_db()
    assert result.status == Aanvraag.Status.AFGEWEZEN
    assert "Niet nodig" in result.decision_motivation


def test_round_of_another_wijk_and_vote_after_decision_are_refused():
    with pytest.raises(ValidationError) as excinfo:
        aanvraag(ronde=RondeFactory(wijk=wijk("Westerpark")))
    assert codes(excinfo) == {"ronde_andere_wijk"}
    BudgetFactory()
    members = panel(4)
    result = aanvraag()
    for member in members[:3]:
        services.stem_cast(user=member, aanvraag=result, choice="tegen", motivation="m")
    with pytest.raises(ValidationError) as excinfo:
        services.stem_cast(user=members[3], aanvraag=result, choice="voor", motivation="m")
    assert codes(excinfo) == {"al_besloten"}
    assert result.stemmen.count() == 3
