"""Factories for the buurtbudget tests."""

import datetime
from decimal import Decimal

import factory
from bs4 import BeautifulSoup
from django.utils import timezone

from buurtkracht.accounts.models import Membership, Role
from initiatieven.buurtbudget import services
from initiatieven.buurtbudget.models import AgendaPunt, Budget, Ronde
from initiatieven.models import Prioriteit
from tests.factories import MembershipFactory, UserFactory, buurt_in, wijk
from tests.initiatieven.factories import InitiatiefFactory


def today() -> datetime.date:
    return timezone.localdate()


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget

    buurt = factory.LazyFunction(lambda: buurt_in(wijk("De Baarsjes")))
    year = factory.LazyFunction(lambda: today().year)
    amount = Decimal("40000.00")
    small_percent = 30


class RondeFactory(factory.django.DjangoModelFactory):
    """An open round for all wijken, this year."""

    class Meta:
        model = Ronde

    title = factory.Sequence(lambda n: f"Ronde {n}")
    year = factory.LazyFunction(lambda: today().year)
    opens_on = factory.LazyFunction(lambda: today() - datetime.timedelta(days=7))
    closes_on = factory.LazyFunction(lambda: today() + datetime.timedelta(days=7))
    max_amount = Decimal("5000.00")
    quorum = 3


class AgendaPuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaPunt

    buurt = factory.LazyFunction(lambda: buurt_in(wijk("De Baarsjes")))
    title = "Eenzaamheid onder ouderen"


def panel_member(wijk_obj=None, *, chair: bool = False):
    user = UserFactory()
    MembershipFactory(
        user=user, role=Role.INSPIRATIETEAM, wijk=wijk_obj or wijk("De Baarsjes"), is_chair=chair
    )
    return user


def panel(size: int = 3, wijk_obj=None, *, chair: bool = True) -> list:
    """`size` panel members of a wijk; the first is the chair."""
    return [panel_member(wijk_obj, chair=chair and i == 0) for i in range(size)]


def professional(wijk_obj=None):
    user = UserFactory()
    Membership.objects.create(
        user=user, role=Role.PROFESSIONAL, wijk=wijk_obj or wijk("De Baarsjes")
    )
    return user


def aanvraag(*, owner=None, ronde=None, amount="1000.00", initiatief=None, **kwargs):
    """An application submitted through the service (lines add up)."""
    owner = owner or UserFactory()
    initiatief = initiatief or InitiatiefFactory(owners=[owner])
    amount = Decimal(amount)
    return services.aanvraag_submit(
        user=owner,
        initiatief=initiatief,
        ronde=ronde or RondeFactory(),
        amount=amount,
        lines=[services.Line("Boodschappen", amount)],
        plan="Samen koken voor ouderen.",
        expected_results="Twintig ouderen eten samen.",
        activity_ends_on=today() + datetime.timedelta(days=30),
        prioriteit=kwargs.pop("prioriteit", Prioriteit.objects.get(code="sociaal-isolement")),
        **kwargs,
    )


def text_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def form_data(ronde, **overrides):
    data = {
        "ronde": ronde.pk,
        "prioriteit": Prioriteit.objects.get(code="armoede").pk,
        "agendapunt": "",
        "plan": "Wekelijks samen koken.",
        "expected_results": "Buren leren elkaar kennen.",
        "activity_ends_on": (today() + datetime.timedelta(days=60)).isoformat(),
        "amount": "750.50",
        "regels-TOTAL_FORMS": "3",
        "regels-INITIAL_FORMS": "0",
        "regels-MIN_NUM_FORMS": "0",
        "regels-MAX_NUM_FORMS": "12",
        "regels-0-description": "Boodschappen",
        "regels-0-amount": "500",
        "regels-1-description": "Huur keuken",
        "regels-1-amount": "250.50",
        "regels-2-description": "",
        "regels-2-amount": "",
    }
    data.update(overrides)
    return data
