import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatieven.models import Initiatief
from tests.factories import wijk
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory
from tests.kaart.data import zoekterm
from tests.ruimtes.factories import LocatieFactory, RuimteFactory
from tests.vrijwilligers.factories import VacatureFactory

pytestmark = pytest.mark.django_db


def _add(n: int, start: int) -> None:
    """n of everything the kaart counts, in two wijken and with two themes each."""
    for i in range(start, start + n):
        where = wijk("De Baarsjes") if i % 2 else wijk("Westerpark")
        kind = Initiatief.Kind.WIJKONDERNEMING if i % 5 == 0 else Initiatief.Kind.INITIATIEF
        initiatief = InitiatiefFactory(wijk=where, kind=kind, themes=["taal", "groen"], owners=[])
        BehoefteFactory(initiatief=initiatief)
        RuimteFactory(locatie=LocatieFactory(wijk=where, latitude=52.37, longitude=4.86, hours=[]))
        VacatureFactory(wijk=where, initiatief=initiatief if i % 3 else None)
        zoekterm(f"term {i}", where.slug, zero=1)


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/sociale-kaart/", "/sociale-kaart/de-baarsjes/"])
def test_pages_use_the_same_number_of_queries_for_5_and_50_items(client, url):
    client.get(url)  # the first page of a site creates its settings row
    _add(5, 0)
    few = _queries(client, url)
    _add(45, 5)
    many = _queries(client, url)

    assert few == many
    assert many <= 18  # about 2 per provider, the areas, the site settings


def test_a_cached_page_asks_the_database_little(client):
    _add(3, 0)
    url = reverse("sociale_kaart:wijk", args=["de-baarsjes"])
    client.get(url)
    cold = _queries(client, url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    assert len(captured) < cold
