import pytest

from search.kaart.keywords import theme_for_term
from search.kaart.measures import status_of
from search.kaart.queries import kaart_items, kaart_overview
from tests.kaart.data import known_set, zoekterm
from tests.vrijwilligers.factories import VacatureFactory

pytestmark = pytest.mark.django_db


def _rows(kaart):
    return {row.code: row for row in kaart.rows}


def test_totals_count_only_public_active_content():
    data = known_set()
    kaart = kaart_overview(data["baarsjes"]).kaarten[0]

    assert kaart.totals == {
        "initiatieven": 2,
        "wijkondernemingen": 1,
        "locaties": 1,
        "ruimtes": 2,
        "vacatures": 2,
        "behoeften:mensen": 2,
        "behoeften:geld": 1,
        "zoekvragen": 3,
    }
    assert kaart.needs_total == 3


def test_offer_and_demand_per_theme():
    data = known_set()
    rows = _rows(kaart_overview(data["baarsjes"]).kaarten[0])

    ontmoeting, taal, groen, sport, geen = (
        rows["ontmoeting"],
        rows["taal"],
        rows["groen"],
        rows["sport"],
        rows[""],
    )
    assert (ontmoeting.offer, ontmoeting.needs, ontmoeting.vacatures) == (
        2,
        {"mensen": 2, "geld": 1},
        0,
    )
    assert (taal.offer, taal.needs_total, taal.vacatures, taal.zoekvragen) == (1, 2, 1, 2)
    assert (groen.wijkondernemingen, groen.demand) == (1, 0)
    assert (sport.offer, sport.demand) == (0, 0)  # the finished initiative is no offer
    assert (geen.vacatures, geen.zoekvragen, geen.offer) == (1, 1, 0)

    assert [row.status for row in (ontmoeting, taal, groen, sport, geen)] == [
        "tekort",
        "tekort",
        "alleen_aanbod",
        "leeg",
        "geen_aanbod",
    ]
    assert ontmoeting.status_label == "Witte vlek: meer vraag dan aanbod"
    assert geen.status_label == "Witte vlek: vraag zonder aanbod"


def test_every_wijk_has_its_own_counts_and_searches_without_wijk_stay_apart():
    known_set()
    overview = kaart_overview()
    by_slug = {kaart.wijk.slug: kaart for kaart in overview.kaarten}

    assert by_slug["westerpark"].totals == {"initiatieven": 1, "zoekvragen": 0}
    assert by_slug["de-baarsjes"].totals["zoekvragen"] == 3
    assert by_slug["oud-west"].totals == {"zoekvragen": 0}
    assert overview.searches_without_wijk == 2


def test_zero_result_searches_count_per_wijk_and_only_recent_misses():
    data = known_set()
    zoekterm("moestuinen", data["baarsjes"].slug, zero=1)
    kaart = kaart_overview(data["baarsjes"]).kaarten[0]

    assert kaart.totals["zoekvragen"] == 4
    assert _rows(kaart)["groen"].zoekvragen == 1
    assert kaart.terms == [("taalles", 2), ("moestuinen", 1), ("xyz", 1)]


def test_search_terms_map_to_themes_without_accents_or_plural():
    assert theme_for_term("Moestuinen") == "groen"
    assert theme_for_term("taalcafé") == "taal"
    assert theme_for_term("voedselbank") == "geldzaken-en-armoede"
    assert theme_for_term("qwerty") == ""


@pytest.mark.parametrize(
    ("offer", "demand", "status"),
    [
        (0, 0, "leeg"),
        (3, 0, "alleen_aanbod"),
        (2, 2, "gedekt"),
        (1, 2, "tekort"),
        (0, 1, "geen_aanbod"),
    ],
)
def test_status_compares_demand_with_offer(offer, demand, status):
    assert status_of(offer=offer, demand=demand) == status


def test_vacature_without_own_theme_takes_its_initiatives_themes_and_wijk():
    data = known_set()
    VacatureFactory(
        title="Kookhulp", initiatief=data["eetclub"], organisation_name="", wijk=None, buurt=None
    )
    kaart = kaart_overview(data["baarsjes"]).kaarten[0]

    assert kaart.totals["vacatures"] == 3
    assert _rows(kaart)["ontmoeting"].vacatures == 1
    items = {item.title: item for item in kaart_items(data["baarsjes"].slug)}
    assert items["Kookhulp"].themes == ("ontmoeting",)
    assert items["Kookhulp"].wijk == "de-baarsjes"


def test_items_list_only_public_content_with_public_points():
    data = known_set()
    items = {item.title: item for item in kaart_items(data["baarsjes"].slug)}

    assert set(items) == {
        "Eetclub",
        "Taalcafé",
        "Buurttuin BV",
        "De Tagerijn",
        "Taalmaatje",
        "Klusser",
    }
    assert items["Buurttuin BV"].kind == "wijkonderneming"
    buurt = data["eetclub"].buurt
    assert (items["Eetclub"].point.lat, items["Eetclub"].point.lon) == (
        float(buurt.latitude),
        float(buurt.longitude),
    )
    assert [title for title, _url in items["De Tagerijn"].children] == ["Grote zaal", "Keuken"]


def test_hiding_an_initiative_clears_the_cached_kaart():
    data = known_set()
    assert kaart_overview(data["baarsjes"]).kaarten[0].totals["initiatieven"] == 2

    data["eetclub"].is_hidden = True
    data["eetclub"].save()

    assert kaart_overview(data["baarsjes"]).kaarten[0].totals["initiatieven"] == 1
