import pytest

from buurtkracht.core.management.commands.seed_demo import DemoContext
from search.kaart.demo_data import DEMO_SEARCHES, zoekvragen
from search.kaart.queries import kaart_overview
from search.models import Zoekterm

pytestmark = pytest.mark.django_db


def test_demo_searches_show_as_demand_and_a_second_run_adds_nothing():
    ctx = DemoContext(debug=False, password=None)
    zoekvragen(ctx)
    zoekvragen(ctx)

    assert Zoekterm.objects.count() == len(DEMO_SEARCHES)
    overview = kaart_overview()
    by_slug = {kaart.wijk.slug: kaart for kaart in overview.kaarten}
    assert by_slug["bos-en-lommer"].totals["zoekvragen"] == 8
    assert overview.searches_without_wijk == 3
