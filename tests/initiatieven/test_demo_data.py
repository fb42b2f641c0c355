import pytest

from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_users
from initiatieven.demo_data import DEMO, demo_initiatieven
from initiatieven.models import Behoefte, Cijfer, Eigenaar, Foto, Initiatief, Update

pytestmark = pytest.mark.django_db


def _counts():
    return [m.objects.count() for m in (Initiatief, Eigenaar, Foto, Behoefte, Update, Cijfer)]


def test_demo_data_twice_adds_nothing(client):
    ctx = DemoContext(debug=False, password=None)
    demo_users(ctx)
    demo_initiatieven(ctx)
    first = _counts()
    assert first[0] == len(DEMO) >= 20
    assert {i.wijk.name for i in Initiatief.objects.select_related("wijk")} == {
        "Westerpark",
        "Oud-West",
        "De Baarsjes",
        "Bos en Lommer",
    }
    assert Initiatief.objects.filter(kind="wijkonderneming").count() >= 4
    assert not Eigenaar.objects.filter(user__email__contains="@voorbeeld").exists()
    demo_initiatieven(ctx)
    assert _counts() == first
    page = client.get(Initiatief.objects.get(slug="naaiatelier-de-baarsjes").get_absolute_url())
    assert page.status_code == 200
    assert "Wat heeft dit initiatief nodig?" in page.content.decode()
