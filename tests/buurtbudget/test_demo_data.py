import pytest
from django.contrib.auth import get_user_model

from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_users
from initiatieven.buurtbudget import queries
from initiatieven.buurtbudget.demo_data import demo_buurtbudget
from initiatieven.buurtbudget.models import Aanvraag, AgendaPunt, Budget, Stem, Voorstel
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db


def counts():
    return (
        Budget.objects.count(),
        AgendaPunt.objects.count(),
        Aanvraag.objects.count(),
        Stem.objects.count(),
        Voorstel.objects.count(),
    )


def test_without_initiatives_no_applications():
    ctx = DemoContext(debug=False, password=None)
    demo_users(ctx)
    summary = demo_buurtbudget(ctx)
    assert "geen aanvragen" in summary
    assert not Aanvraag.objects.exists()
    assert Voorstel.objects.get().status == Voorstel.Status.AKKOORD


def test_demo_covers_every_state_and_is_idempotent():
    ctx = DemoContext(debug=False, password=None)
    demo_users(ctx)
    owner = get_user_model().objects.get(email="initiatiefnemer@demo.buurtkracht.nl")
    for _ in range(5):
        InitiatiefFactory(owners=[owner])
    demo_buurtbudget(ctx)
    first = counts()
    statuses = set(Aanvraag.objects.values_list("status", flat=True))
    assert statuses == {"ingediend", "in_stemming", "toegekend", "afgewezen"}
    assert queries.overdue().count() == 1
    assert Aanvraag.objects.filter(verantwoording__isnull=False).count() == 1
    assert Budget.objects.filter(small_granted__gt=0).exists()
    demo_buurtbudget(ctx)
    assert counts() == first
