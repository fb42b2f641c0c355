"""GET /api/v1/zoeken and /api/v1/zoeken/suggesties on both engines."""

import pytest

from tests.factories import wijk
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/zoeken"


@pytest.fixture
def content(search_engine):
    InitiatiefFactory(title="Moestuin De Ruif", themes=["groen"])
    InitiatiefFactory(
        title="Moestuin Westerpark",
        summary="Groente uit de moestuin.",
        wijk=wijk("Westerpark"),
        themes=["groen"],
    )
    InitiatiefFactory(title="Taalcafé", themes=["taal"])
    search_engine.rebuild()
    return search_engine


def test_search_shape(client, content):
    response = client.get(URL, {"q": "moestuin", "theme": ["groen", "taal"]})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"q", "total", "page", "pages", "engine", "suggestion", "hits", "facets"}
    assert (body["q"], body["total"], body["page"], body["pages"]) == ("moestuin", 2, 1, 1)
    assert body["engine"] == content.name
    hit = next(h for h in body["hits"] if h["title"] == "Moestuin Westerpark")
    assert set(hit) == {
        "key",
        "type",
        "type_label",
        "title",
        "url",
        "summary",
        "snippet",
        "wijk",
        "buurt",
        "themes",
        "starts_at",
        "distance_km",
    }
    assert (hit["type"], hit["type_label"], hit["wijk"]) == (
        "initiatief",
        "Initiatief",
        "Westerpark",
    )
    assert "<mark>" in hit["snippet"]
    assert hit["url"].startswith("/initiatieven/")
    wijken = {f["value"]: (f["count"], f["selected"]) for f in body["facets"]["wijk"]}
    assert wijken == {"de-baarsjes": (1, False), "westerpark": (1, False)}
    themes = {f["value"]: (f["count"], f["selected"]) for f in body["facets"]["theme"]}
    assert themes["groen"] == (2, True)
    assert set(body["facets"]) == {"type", "wijk", "theme", "need", "skill", "suitable_for"}
    assert "bewoner" not in response.content.decode()  # no owner e-mail addresses


def test_filters_and_postcode(client, content):
    body = client.get(URL, {"q": "moestuin", "wijk": "westerpark"}).json()
    assert [h["title"] for h in body["hits"]] == ["Moestuin Westerpark"]
    body = client.get(URL, {"q": "moestuin", "postcode": "1013"}).json()
    assert body["hits"][0]["title"] == "Moestuin Westerpark"
    assert body["hits"][0]["distance_km"] is not None
    body = client.get(URL, {"q": "moestuin", "page": 5}).json()
    assert (body["total"], body["hits"], body["pages"]) == (2, [], 1)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x" * 201}, "q"),
        ({"q": "moestuin", "page": 0}, "page"),
        ({"q": "moestuin", "page": -1}, "page"),
        ({"q": "moestuin", "page": "twee"}, "page"),
        ({"q": "moestuin", "type": "raket"}, "type"),
        ({"q": "moestuin", "wijk": "atlantis"}, "wijk"),
        ({"q": "moestuin", "wijk": ["westerpark", "oud-west"]}, "wijk"),
        ({"q": "moestuin", "theme": "Niet Goed!"}, "theme"),
        ({"q": "moestuin", "theme": "ruimtevaart"}, "theme"),
        ({"q": "moestuin", "skill": "vliegen"}, "skill"),
        ({"q": "moestuin", "postcode": "9999"}, "postcode"),
        ({"q": "moestuin", "postcode": "abc"}, "postcode"),
        ({"q": "moestuin", "postcode": "1053", "distance_km": 3}, "distance_km"),
        ({"q": "moestuin", "distance_km": 2}, "distance_km"),
    ],
)
def test_bad_input_is_400_json(client, db, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "code", "errors"}
    assert body["code"] == "invalid"
    assert field in [error["field"] for error in body["errors"]]
    assert all(error["message"] for error in body["errors"])


def test_syntax_characters(client, content):
    for q in [
        '" * ? ( ) : \\ /',
        "moestuin)",
        "(",
        "*:*",
        "moestuin (",
        "moestuin~",
        "moestuin^",
        "moes\x00tuin",
    ]:
        response = client.get(URL, {"q": q})
        assert response.status_code == 200, q
        if q.startswith("moestuin"):
            assert response.json()["total"] == 2, q


def test_suggestions(client, content):
    response = client.get(URL + "/suggesties", {"q": "moes"})
    assert response.status_code == 200
    body = response.json()
    assert body["q"] == "moes"
    titles = {s["title"] for s in body["suggestions"]}
    assert titles == {"Moestuin De Ruif", "Moestuin Westerpark"}
    assert response["Cache-Control"] == "public, max-age=60"
    first = body["suggestions"][0]
    assert set(first) == {"title", "url", "type", "type_label"}
    assert first["url"].startswith("/initiatieven/")
    assert client.get(URL + "/suggesties", {"q": "m"}).json()["suggestions"] == []
    assert client.get(URL + "/suggesties").json()["suggestions"] == []
    too_long = client.get(URL + "/suggesties", {"q": "m" * 300})
    assert too_long.status_code == 400 and too_long.json()["errors"][0]["field"] == "q"


def test_in_the_openapi_document(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/zoeken"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names >= {
        "q",
        "type",
        "wijk",
        "theme",
        "need",
        "skill",
        "suitable_for",
        "postcode",
        "distance_km",
        "page",
    }
    assert "400" in operation["responses"]
    assert "SearchOut" in schema["components"]["schemas"]
    assert "/api/v1/zoeken/suggesties" in schema["paths"]
