"""Two grants decided at the same moment against a budget that holds only one."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from initiatieven.buurtbudget import services
from initiatieven.buurtbudget.models import Aanvraag, Stem

from .factories import BudgetFactory, RondeFactory, aanvraag, panel


@pytest.mark.django_db(transaction=True)
def test_two_grants_at_once_only_one_fits():
    budget = BudgetFactory(amount=Decimal("5000.00"), small_percent=100)
    ronde = RondeFactory(quorum=3)
    members = panel(3)
    first = aanvraag(ronde=ronde, amount="3000.00")
    second = aanvraag(ronde=ronde, amount="3000.00")
    # Votes are in; the decision is what races.
    for target in (first, second):
        for member in members:
            Stem.objects.create(aanvraag=target, user=member, choice="voor", motivation="m")

    barrier = threading.Barrier(2)
    outcomes: dict[int, str] = {}

    def decide(target_id: int) -> None:
        try:
            target = Aanvraag.objects.get(pk=target_id)
            barrier.wait(timeout=10)
            services.aanvraag_decide(aanvraag=target)
            outcomes[target_id] = "ok"
        except ValidationError as error:
            outcomes[target_id] = error.code
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(t.pk,)) for t in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["budget_op", "ok"]
    statuses = sorted(Aanvraag.objects.values_list("status", flat=True))
    assert statuses == ["in_stemming", "toegekend"] or statuses == ["ingediend", "toegekend"]
    budget.refresh_from_db()
    assert budget.small_granted == Decimal("3000.00")
    assert budget.small_remaining >= 0
