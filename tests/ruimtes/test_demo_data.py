import pytest

from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_users
from ruimtes.demo_data import ruimtes
from ruimtes.models import Boeking, Locatie, Ruimte, Serie

pytestmark = pytest.mark.django_db


def test_demo_step_is_idempotent_and_covers_every_kind():
    ctx = DemoContext(debug=True, password="x")
    demo_users(ctx)
    ruimtes(ctx)
    counts = (
        Locatie.objects.count(),
        Ruimte.objects.count(),
        Boeking.objects.count(),
        Serie.objects.count(),
    )
    ruimtes(ctx)
    assert (
        Locatie.objects.count(),
        Ruimte.objects.count(),
        Boeking.objects.count(),
        Serie.objects.count(),
    ) == counts
    assert set(Locatie.objects.values_list("kind", flat=True)) == {"mfc", "huis", "buurtkamer"}
    assert {"De Horizon", "De Tagerijn", "De Mansveltschool", "De Havelaar"} <= set(
        Locatie.objects.values_list("name", flat=True)
    )
    assert set(Boeking.objects.values_list("booker_type", flat=True)) == {
        "bewoners",
        "maatschappelijk",
        "commercieel",
    }
    assert Boeking.objects.filter(status="aangevraagd").exists()
    assert (
        Locatie.objects.get(slug="de-tagerijn")
        .managers.filter(email="beheerder@demo.buurtkracht.nl")
        .exists()
    )
