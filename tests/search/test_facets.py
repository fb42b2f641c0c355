"""Facet counts on both engines: each facet counts with every filter except its own.

Values are OR-ed within a facet, so a facet shows what choosing one more of its values
would add; the hits obey every filter.
"""

import pytest

from initiatieven.models import Initiatief
from tests.factories import wijk
from tests.initiatieven.factories import InitiatiefFactory
from tests.vrijwilligers.factories import VacatureFactory

pytestmark = pytest.mark.django_db


def counts(results, facet: str) -> dict[str, int]:
    return {v.value: v.count for v in results.facets[facet]}


def chosen(results, facet: str) -> list[str]:
    return [v.value for v in results.facets[facet] if v.selected]


@pytest.fixture
def content(search_engine):
    """Three initiatieven and two vacatures over De Baarsjes and Westerpark."""
    baarsjes, westerpark = wijk("De Baarsjes"), wijk("Westerpark")
    InitiatiefFactory(title="Moestuin Oost", wijk=baarsjes, themes=["groen"])
    InitiatiefFactory(title="Moestuin West", wijk=westerpark, themes=["groen"])
    InitiatiefFactory(title="Schaakclub", wijk=westerpark, themes=["ontmoeting"])
    VacatureFactory(title="Hulp in de moestuin", wijk=westerpark, skills=["tuinieren"])
    VacatureFactory(title="Kookhulp", wijk=baarsjes, skills=["koken"])
    search_engine.rebuild()
    return search_engine


def test_without_filters_every_facet_counts_everything(content):
    results = content.search("")
    assert results.total == 5
    assert counts(results, "type") == {"initiatief": 3, "vacature": 2}
    assert counts(results, "wijk") == {"westerpark": 3, "de-baarsjes": 2}


def test_chosen_type_keeps_the_other_types_counted(content):
    results = content.search("", types=["vacature"])
    assert sorted(h.title for h in results.hits) == ["Hulp in de moestuin", "Kookhulp"]
    assert results.total == 2
    # What ticking "Initiatief" too would add; the old counts said 0 (left out).
    assert counts(results, "type") == {"initiatief": 3, "vacature": 2}
    assert chosen(results, "type") == ["vacature"]
    # The other facets count only what the type filter leaves: vacatures.
    assert counts(results, "wijk") == {"westerpark": 1, "de-baarsjes": 1}
    assert counts(results, "skill") == {"tuinieren": 1, "koken": 1}
    assert counts(results, "theme") == {}


def test_both_types_chosen_is_or(content):
    results = content.search("", types=["vacature", "initiatief"])
    assert results.total == 5
    assert counts(results, "type") == {"initiatief": 3, "vacature": 2}
    assert sorted(chosen(results, "type")) == ["initiatief", "vacature"]


def test_two_facets_chosen_each_counts_with_the_other(content):
    results = content.search("", types=["vacature"], wijk="westerpark")
    assert [h.title for h in results.hits] == ["Hulp in de moestuin"]
    assert results.total == 1
    # type: counted within Westerpark; wijk: counted over vacatures.
    assert counts(results, "type") == {"initiatief": 2, "vacature": 1}
    assert counts(results, "wijk") == {"westerpark": 1, "de-baarsjes": 1}
    assert chosen(results, "wijk") == ["westerpark"]
    # A facet nobody chose counts the hits only.
    assert counts(results, "skill") == {"tuinieren": 1}
    assert counts(results, "need") == {"mensen": 1}


def test_three_facets_chosen(content):
    results = content.search("", types=["initiatief"], wijk="westerpark", themes=["groen"])
    assert [h.title for h in results.hits] == ["Moestuin West"]
    assert counts(results, "type") == {"initiatief": 1}  # the vacature has no theme groen
    assert counts(results, "wijk") == {"westerpark": 1, "de-baarsjes": 1}
    assert counts(results, "theme") == {"groen": 1, "ontmoeting": 1}


def test_query_words_limit_every_facet(content):
    results = content.search("moestuin", types=["vacature"])
    assert [h.title for h in results.hits] == ["Hulp in de moestuin"]
    assert counts(results, "type") == {"initiatief": 2, "vacature": 1}
    assert counts(results, "wijk") == {"westerpark": 1}


def test_chosen_value_with_nothing_left_is_still_listed(content):
    results = content.search("", types=["vacature"], wijk="atlantis")
    assert results.hits == [] and results.total == 0
    assert [(v.value, v.count, v.selected) for v in results.facets["type"]] == [
        ("vacature", 0, True)
    ]
    wijken = {v.value: (v.count, v.selected) for v in results.facets["wijk"]}
    assert wijken == {"atlantis": (0, True), "westerpark": (1, False), "de-baarsjes": (1, False)}


def test_distance_is_no_facet_and_limits_every_count(search_engine):
    from buurtkracht.areas.models import Postcode

    code = Postcode.objects.select_related("buurt__wijk").exclude(buurt__latitude=None).first()
    here = {"latitude": code.buurt.latitude, "longitude": code.buurt.longitude}
    InitiatiefFactory(title="Moestuin Dichtbij", **here)
    InitiatiefFactory(title="Moestuin Ook Dichtbij", kind=Initiatief.Kind.WIJKONDERNEMING, **here)
    InitiatiefFactory(title="Moestuin Ver", latitude=52.4100, longitude=4.9500)
    search_engine.rebuild()
    results = search_engine.search(
        "moestuin", types=["wijkonderneming"], postcode=code.code, distance_km=2
    )
    assert [h.title for h in results.hits] == ["Moestuin Ook Dichtbij"]
    assert counts(results, "type") == {"initiatief": 1, "wijkonderneming": 1}
