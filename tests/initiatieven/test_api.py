"""GET /api/v1/initiatieven and /api/v1/initiatieven/{slug}: published only, no e-mail."""

import pytest

from initiatieven import services
from initiatieven.models import Initiatief
from tests.factories import UserFactory, wijk
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/initiatieven"


def test_list_filters_and_paginates(client, django_assert_max_num_queries):
    west = wijk("Westerpark")
    InitiatiefFactory(title="Moestuin", themes=["groen"])
    onderneming = InitiatiefFactory(title="Naaiatelier", kind="wijkonderneming", wijk=west)
    BehoefteFactory(initiatief=onderneming, kind="geld", title="Naaimachines")
    InitiatiefFactory(title="Concept", status=Initiatief.Status.CONCEPT)
    InitiatiefFactory(title="Verborgen", is_hidden=True)

    with django_assert_max_num_queries(8):
        data = client.get(API).json()
    assert data["count"] == 2 and data["page"] == 1
    assert sorted(r["title"] for r in data["results"]) == ["Moestuin", "Naaiatelier"]
    assert [r["title"] for r in client.get(API, {"wijk": west.slug}).json()["results"]] == [
        "Naaiatelier"
    ]
    assert [r["title"] for r in client.get(API, {"thema": "groen"}).json()["results"]] == [
        "Moestuin"
    ]
    assert client.get(API, {"soort": "wijkonderneming"}).json()["count"] == 1
    result = client.get(API, {"behoefte": "geld"}).json()["results"]
    assert [r["title"] for r in result] == ["Naaiatelier"]
    assert result[0]["open_needs"] == ["geld"]


def test_list_bad_query_is_400_json(client):
    response = client.get(API, {"soort": "bestaat-niet"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert client.get(API, {"page": "0"}).status_code == 400


def test_detail_has_needs_updates_and_owner_names_but_no_email(client):
    owner = UserFactory(display_name="Kees")
    initiatief = InitiatiefFactory(owners=[owner], title="Repair café")
    BehoefteFactory(initiatief=initiatief, title="Een soldeerbout", kind="spullen")
    services.update_create(initiatief=initiatief, user=owner, text="20 lampen gemaakt")
    services.bericht_send(initiatief=initiatief, sender=UserFactory(), message="Hallo")
    response = client.get(f"{API}/{initiatief.slug}")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Repair café"
    assert data["owners"] == ["Kees"]
    assert [n["title"] for n in data["needs"]] == ["Een soldeerbout"]
    assert data["updates"][0]["text"] == "20 lampen gemaakt"
    assert data["wijkonderneming"] is None
    assert "@" not in response.content.decode()


def test_unpublished_is_404(client):
    concept = InitiatiefFactory(status=Initiatief.Status.INGEDIEND)
    hidden = InitiatiefFactory(is_hidden=True)
    assert client.get(f"{API}/{concept.slug}").status_code == 404
    assert client.get(f"{API}/{hidden.slug}").status_code == 404
    assert client.get(f"{API}/bestaat-niet").status_code == 404


def test_openapi_lists_both_paths(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/initiatieven" in paths
    assert "/api/v1/initiatieven/{slug}" in paths
