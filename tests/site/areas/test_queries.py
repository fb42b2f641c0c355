import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from buurtkracht.areas.queries import buurt_list, postcode_lookup, wijk_get, wijk_list

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("raw", ["1053", "1053 AB", "1053ab", " 1053AB ", "1053  ab", "1053Ab"])
def test_postcode_lookup_accepts_the_ways_people_write_a_postcode(raw):
    buurt = postcode_lookup(raw)
    assert buurt is not None
    assert buurt.name == "Kinkerbuurt"
    assert buurt.wijk.name == "Oud-West"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "105",
        "10533",
        "0153",
        "1053 A",
        "1053 ABC",
        "AB 1053",
        "1053-AB",
        "١٠٥٣",
        None,
        1053,
    ],
)
def test_postcode_lookup_returns_none_for_invalid_input(raw):
    assert postcode_lookup(raw) is None


def test_postcode_lookup_returns_none_for_a_postcode_outside_west():
    assert postcode_lookup("1012 AB") is None


def test_postcode_lookup_uses_one_query():
    with CaptureQueriesContext(connection) as queries:
        buurt = postcode_lookup("1055XY")
        assert buurt.wijk.name == "Bos en Lommer"
    assert len(queries) == 1


def test_wijk_list_prefetches_buurten():
    with CaptureQueriesContext(connection) as queries:
        names = {wijk.name: [b.name for b in wijk.buurten.all()] for wijk in wijk_list()}
    assert len(queries) == 2
    assert "Landlust" in names["Bos en Lommer"]
    assert names["Oud-West"] == sorted(names["Oud-West"])


def test_buurt_list_filters_by_wijk():
    wijk = wijk_get(slug="de-baarsjes")
    buurten = list(buurt_list(wijk=wijk))
    assert {b.wijk for b in buurten} == {wijk}
    assert "Postjeskade" in [b.name for b in buurten]
    assert len(list(buurt_list())) > len(buurten)


def test_wijk_get_unknown_slug_is_none():
    assert wijk_get(slug="nergens") is None
    assert wijk_get(slug="") is None
