"""Whatever a visitor sends, search answers normally: never an exception."""

import pytest

from search import engine
from search.types import SearchRequest
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    "   ",
    "x" * 1000,
    "moestuin " * 200,
    '" * ? ( ) : \\ /',
    'moestuin AND " OR (tuin',
    "moes*",
    "<script>alert(1)</script>",
    "tuin:groen ~2 ^3 [a TO z] {x} !",
    "\x00\x1f moestuin \u200b",
    "de het een",
    "🌱 moestuin",
    "'; DROP TABLE search_document; --",
]


@pytest.fixture
def indexed(search_engine):
    InitiatiefFactory(title="Moestuin De Ruif", themes=["groen"])
    search_engine.rebuild()
    return search_engine


@pytest.mark.parametrize("q", NASTY)
def test_odd_queries_answer_normally(indexed, q):
    results = indexed.search(q)
    assert results.total >= 0 and results.pages >= 1
    assert all("<script>" not in h.snippet for h in results.hits)
    assert isinstance(engine.suggest(q), list)


def test_syntax_characters_are_plain_text(indexed):
    assert indexed.titles('moestuin " ( :') == ["Moestuin De Ruif"]
    assert indexed.titles("moestuin*") == ["Moestuin De Ruif"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"types": ["bestaat-niet"]},
        {"wijk": "atlantis"},
        {"themes": ["x" * 500]},
        {"needs": ["", None]},
        {"skills": ["koken"] * 100},
        {"suitable_for": ["iedereen"]},
    ],
)
def test_unknown_facet_values_match_nothing(indexed, kwargs):
    results = indexed.search("moestuin", **kwargs)
    assert results.hits == [] or results.total >= 0
    if kwargs.get("needs") != ["", None]:
        assert results.total == 0


@pytest.mark.parametrize("page", [-5, 0, 2, 10_000, "abc"])
def test_pages_out_of_range(indexed, page):
    results = indexed.search("moestuin", page=page)
    if page in (-5, 0, "abc"):
        assert results.request.page == 1
        assert [h.title for h in results.hits] == ["Moestuin De Ruif"]
    else:
        assert results.hits == []
        assert results.total == 1


@pytest.mark.parametrize("postcode", ["9999", "abcd", "1" * 50, "1056 XX ; --"])
def test_unknown_postcode_just_sorts_by_relevance(indexed, postcode):
    results = indexed.search("moestuin", postcode=postcode, distance_km=1)
    assert results.origin is None
    assert [h.title for h in results.hits] == ["Moestuin De Ruif"]


@pytest.mark.parametrize("distance", [-1, 0, float("nan"), "ver", 10**9])
def test_odd_distances_are_ignored(indexed, distance):
    results = engine.search(SearchRequest(q="moestuin", distance_km=distance))
    assert [h.title for h in results.hits] == ["Moestuin De Ruif"]
