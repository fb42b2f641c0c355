"""GET /api/v1/vacatures: open vacatures, filters, pagination, no personal data."""

import pytest

from tests.factories import UserFactory, wijk
from tests.vrijwilligers.factories import ReactieFactory, VacatureFactory, accepted
from vrijwilligers.models import Vacature

pytestmark = pytest.mark.django_db

URL = "/api/v1/vacatures"


def test_lists_open_vacatures_without_personal_data(client):
    owner = UserFactory(email="eigenaar-geheim@voorbeeld.nl")
    vacature = VacatureFactory(owner=owner, availability_mask=0b100, places=2)
    reactie = accepted(
        ReactieFactory(vacature=vacature, volunteer=UserFactory(email="vw-geheim@voorbeeld.nl"))
    )
    VacatureFactory(status=Vacature.Status.GESLOTEN)
    response = client.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["title"] == vacature.title
    assert item["availability"] == ["ma-avond"]
    assert item["skills"] == ["koken"] and item["places_filled"] == 1
    assert item["wijk"] == "de-baarsjes"
    raw = response.content.decode()
    assert "geheim" not in raw and reactie.message not in raw
    assert client.get(f"{URL}/{vacature.pk}").json()["id"] == vacature.pk


def test_filters_and_bad_query(client):
    VacatureFactory(title="Baarsjes", suits_youth=True)
    VacatureFactory(title="Westerpark", wijk=wijk("Westerpark"), skills=["tuinieren"])
    titles = lambda r: [i["title"] for i in r.json()["items"]]  # noqa: E731
    assert titles(client.get(URL, {"wijk": "westerpark"})) == ["Westerpark"]
    assert titles(client.get(URL, {"skill": "koken"})) == ["Baarsjes"]
    assert titles(client.get(URL, {"suits": "jongeren"})) == ["Baarsjes"]
    bad = client.get(URL, {"skill": "vliegen"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "skill"
    bad = client.get(URL, {"wijk": "nergens"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "wijk"
    assert client.get(URL, {"page": "x"}).status_code == 400
    assert client.get(f"{URL}/999999").status_code == 404


def test_paginated(client):
    for _ in range(21):
        VacatureFactory()
    first = client.get(URL).json()
    assert first["count"] == 21 and len(first["items"]) == 20
    assert len(client.get(URL, {"page": 2}).json()["items"]) == 1


def test_openapi_documents_the_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/vacatures" in schema["paths"]
