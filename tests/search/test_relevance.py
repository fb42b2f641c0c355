"""Dutch relevance on both engines: what residents type finds what they mean."""

import pytest

from initiatieven.models import Initiatief
from tests.factories import wijk
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory

pytestmark = pytest.mark.django_db


def make(title, summary="Buren doen samen iets moois.", **kwargs):
    return InitiatiefFactory(title=title, summary=summary, **kwargs)


def test_plural_finds_singular(search_engine):
    make("Moestuin De Ruif")
    make("Schaakclub Oost")
    search_engine.rebuild()
    assert search_engine.titles("moestuinen") == ["Moestuin De Ruif"]


def test_without_accent_finds_accent(search_engine):
    make("Buurtcafé Tante Truus")
    make("Repair Café West", summary="Samen spullen maken.")
    make("Zwemles voor moeders")
    search_engine.rebuild()
    assert search_engine.titles("cafe") == ["Repair Café West"]
    assert "Repair Café West" in search_engine.titles("CAFÉ")


def test_typo_is_tolerated_and_suggested(search_engine):
    make("Buurtcentrum De Horizon", summary="Open huis voor de hele buurt.")
    make("Zwemles voor moeders")
    search_engine.rebuild()
    results = search_engine.search("buurtcentrun")
    assert [h.title for h in results.hits] == ["Buurtcentrum De Horizon"]
    assert results.suggestion == "buurtcentrum"
    assert search_engine.search("buurtcentrum").suggestion == ""


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("buurthuis", "Wijkcentrum De Tagerijn"), ("taalmaatje", "Taalcoach gezocht")],
)
def test_synonyms(search_engine, typed, expected):
    make("Wijkcentrum De Tagerijn", summary="Een plek voor iedereen.")
    make("Taalcoach gezocht", summary="Oefen Nederlands met een buur.")
    make("Zwemles voor moeders")
    search_engine.rebuild()
    assert search_engine.titles(typed) == [expected]


def test_title_above_body(search_engine):
    make("Samen koken", summary="Elke week.", description="<p>Wij hebben ook een moestuin.</p>")
    make("Moestuin Westerpark", summary="Groente kweken.")
    make("Tuin en moestuin", summary="Alles over de moestuin.")
    search_engine.rebuild()
    titles = search_engine.titles("moestuin")
    assert titles[-1] == "Samen koken"
    assert set(titles) == {"Samen koken", "Moestuin Westerpark", "Tuin en moestuin"}


def test_snippet_is_escaped_with_marks(search_engine):
    make("Moestuin <b>De Ruif</b>", summary='Groente uit de moestuin & "meer" <script>x</script>')
    search_engine.rebuild()
    hit = search_engine.search("moestuin").hits[0]
    assert "<mark>" in hit.snippet
    assert "&amp; &quot;meer&quot;" in hit.snippet
    assert hit.snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_hidden_unpublished_and_deleted_never_found(search_engine):
    make("Moestuin Zichtbaar")
    make("Moestuin Verborgen", is_hidden=True)
    make("Moestuin Concept", status=Initiatief.Status.CONCEPT)
    gone = make("Moestuin Weg")
    gone.delete()
    search_engine.rebuild()
    assert search_engine.titles("moestuin") == ["Moestuin Zichtbaar"]
    assert search_engine.search("").total == 1


def test_facet_counts(search_engine):
    baarsjes, westerpark = wijk("De Baarsjes"), wijk("Westerpark")
    make("Moestuin Een", wijk=baarsjes, themes=["groen"])
    make("Moestuin Twee", wijk=westerpark, themes=["groen", "eten-en-koken"])
    need = make(
        "Moestuin Drie", wijk=westerpark, themes=["groen"], kind=Initiatief.Kind.WIJKONDERNEMING
    )
    BehoefteFactory(initiatief=need)
    make("Schaakclub", wijk=westerpark, themes=["ontmoeting"])
    search_engine.rebuild()
    results = search_engine.search("moestuin")
    facets = {name: {v.value: v.count for v in values} for name, values in results.facets.items()}
    assert results.total == 3
    assert facets["wijk"] == {"westerpark": 2, "de-baarsjes": 1}
    assert facets["theme"] == {"groen": 3, "eten-en-koken": 1}
    assert facets["type"] == {"initiatief": 2, "wijkonderneming": 1}
    assert facets["need"] == {"mensen": 1}
    labels = {v.value: v.label for v in results.facets["wijk"]}
    assert labels["westerpark"] == "Westerpark"

    filtered = search_engine.search("moestuin", wijk="westerpark", themes=["eten-en-koken"])
    assert [h.title for h in filtered.hits] == ["Moestuin Twee"]
    chosen = {v.value: (v.count, v.selected) for v in filtered.facets["theme"]}
    assert chosen["eten-en-koken"] == (1, True)


def test_nearest_first_by_postcode(search_engine):
    from buurtkracht.areas.models import Postcode

    code = Postcode.objects.select_related("buurt__wijk").exclude(buurt__latitude=None).first()
    near_buurt = code.buurt
    make("Moestuin Ver", latitude=52.4100, longitude=4.9500)
    make(
        "Moestuin Dichtbij",
        wijk=near_buurt.wijk,
        buurt=near_buurt,
        latitude=near_buurt.latitude,
        longitude=near_buurt.longitude,
    )
    make(
        "Moestuin Midden",
        latitude=float(near_buurt.latitude) + 0.01,
        longitude=near_buurt.longitude,
    )
    search_engine.rebuild()
    results = search_engine.search("moestuin", postcode=f"{code.code} AB")
    assert [h.title for h in results.hits] == [
        "Moestuin Dichtbij",
        "Moestuin Midden",
        "Moestuin Ver",
    ]
    assert results.origin is not None
    assert results.hits[0].distance_km < 0.1 < results.hits[1].distance_km < 2
    close = search_engine.search("moestuin", postcode=code.code, distance_km=2)
    assert [h.title for h in close.hits] == ["Moestuin Dichtbij", "Moestuin Midden"]
    assert close.total == 2
