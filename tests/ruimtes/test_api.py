"""The /api/v1/ endpoints for rooms and bookings, with token and session auth."""

from datetime import timedelta

import pytest
from django.test import Client

from buurtkracht.accounts.models import ApiToken
from buurtkracht.accounts.services import api_token_create
from ruimtes.models import Boeking
from tests.factories import UserFactory
from tests.ruimtes.factories import BoekingFactory, RuimteFactory, at, next_monday

pytestmark = pytest.mark.django_db

WED = next_monday() + timedelta(days=2)


def payload(room, **overrides):
    data = {
        "ruimte": room.pk,
        "start": at(WED, 10).isoformat(),
        "end": at(WED, 12).isoformat(),
        "title": "Taalles",
        "expected_people": 8,
        "booker_type": "bewoners",
    }
    data.update(overrides)
    return data


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def test_room_list_and_availability_have_no_personal_data(client):
    ruimte = RuimteFactory(name="Grote zaal")
    BoekingFactory(
        ruimte=ruimte,
        starts_at=at(WED, 10),
        title="Geheim overleg",
        booker__email="anna@voorbeeld.nl",
    )
    rooms = client.get("/api/v1/ruimtes").json()
    assert [r["name"] for r in rooms] == ["Grote zaal"]
    response = client.get(f"/api/v1/ruimtes/{ruimte.pk}/beschikbaarheid?van={WED}&tot={WED}")
    assert response.status_code == 200
    body = response.json()
    assert [i["status"] for i in body["intervallen"]] == ["vrij", "bezet", "vrij"]
    text = response.content.decode()
    assert "anna@" not in text and "Geheim" not in text


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("van=2026-13-01&tot=2026-12-01", "van"),
        ("van=2027-01-10&tot=2027-01-01", "tot"),
        ("tot=2027-01-01", "van"),
    ],
)
def test_availability_bad_dates_give_400_with_field(client, query, field):
    ruimte = RuimteFactory()
    response = client.get(f"/api/v1/ruimtes/{ruimte.pk}/beschikbaarheid?{query}")
    assert response.status_code == 400
    assert field in [e["field"] for e in response.json()["errors"]]


def test_availability_unknown_room_is_404(client):
    assert (
        client.get(
            "/api/v1/ruimtes/999999/beschikbaarheid?van=2027-01-01&tot=2027-01-02"
        ).status_code
        == 404
    )


def test_token_booking_then_overlap_is_409(client):
    user = UserFactory()
    ruimte = RuimteFactory()
    response = client.post(
        "/api/v1/boekingen", payload(ruimte), content_type="application/json", **bearer(user)
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "bevestigd"
    assert Boeking.objects.get().booker == user
    assert ApiToken.objects.get(user=user).last_used_at is not None
    again = client.post(
        "/api/v1/boekingen",
        payload(ruimte, start=at(WED, 11).isoformat(), end=at(WED, 13).isoformat()),
        content_type="application/json",
        **bearer(UserFactory()),
    )
    assert again.status_code == 409
    assert again.json()["code"] == "overlap"
    assert again.json()["errors"][0]["field"] == "start"


def test_naive_local_times_are_amsterdam_and_dst_gap_is_400(client):
    user = UserFactory()
    ruimte = RuimteFactory()
    local = f"{WED}T10:00:00"
    response = client.post(
        "/api/v1/boekingen",
        payload(ruimte, start=local, end=f"{WED}T11:00:00"),
        content_type="application/json",
        **bearer(user),
    )
    assert response.status_code == 201, response.content
    assert Boeking.objects.get().starts_at == at(WED, 10)
    gap = client.post(
        "/api/v1/boekingen",
        payload(ruimte, start="2027-03-28T02:30:00", end="2027-03-28T03:30:00"),
        content_type="application/json",
        **bearer(user),
    )
    assert gap.status_code == 400
    assert gap.json()["errors"][0]["field"] == "start"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"expected_people": 500}, "expected_people"),
        ({"end": "x"}, "end"),
        ({"booker_type": "bank"}, "booker_type"),
        ({"ruimte": 999999}, "ruimte"),
        ({"start": "2020-01-01T10:00:00+01:00", "end": "2020-01-01T11:00:00+01:00"}, "start"),
    ],
)
def test_broken_rule_is_400_with_field(client, overrides, field):
    ruimte = RuimteFactory(capacity=100)
    overrides = {**overrides}
    if overrides.get("expected_people") == 500:
        overrides["expected_people"] = 101
    response = client.post(
        "/api/v1/boekingen",
        payload(ruimte, **overrides),
        content_type="application/json",
        **bearer(UserFactory()),
    )
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]
    assert not Boeking.objects.exists()


def test_end_before_start_is_400(client):
    ruimte = RuimteFactory()
    response = client.post(
        "/api/v1/boekingen",
        payload(ruimte, start=at(WED, 12).isoformat(), end=at(WED, 10).isoformat()),
        content_type="application/json",
        **bearer(UserFactory()),
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "end"


def test_without_auth_or_with_a_wrong_token_is_401(client):
    ruimte = RuimteFactory()
    assert (
        client.post(
            "/api/v1/boekingen", payload(ruimte), content_type="application/json"
        ).status_code
        == 401
    )
    response = client.post(
        "/api/v1/boekingen",
        payload(ruimte),
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer bk_nee",
    )
    assert response.status_code == 401


def test_session_post_needs_csrf_token():
    user = UserFactory()
    ruimte = RuimteFactory()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    refused = browser.post("/api/v1/boekingen", payload(ruimte), content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["code"] == "csrf"
    assert not Boeking.objects.exists()
    browser.get("/ruimtes/")  # sets the csrftoken cookie
    token = browser.cookies["csrftoken"].value
    accepted = browser.post(
        "/api/v1/boekingen",
        payload(ruimte),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert accepted.status_code == 201, accepted.content


def test_get_and_delete_only_own_booking(client):
    owner, other = UserFactory(), UserFactory()
    boeking = BoekingFactory(booker=owner)
    owner_auth, other_auth = bearer(owner), bearer(other)
    assert client.get(f"/api/v1/boekingen/{boeking.pk}", **other_auth).status_code == 403
    assert client.delete(f"/api/v1/boekingen/{boeking.pk}", **other_auth).status_code == 403
    assert client.get("/api/v1/boekingen/999999", **owner_auth).status_code == 404
    assert client.get(f"/api/v1/boekingen/{boeking.pk}", **owner_auth).json()["title"] == "Taalcafé"
    deleted = client.delete(f"/api/v1/boekingen/{boeking.pk}", **owner_auth)
    assert deleted.status_code == 200
    assert deleted.json()["status"] == "geannuleerd"
    assert client.delete(f"/api/v1/boekingen/{boeking.pk}", **owner_auth).status_code == 409


def test_token_is_stored_as_hash_and_replaced(client):
    user = UserFactory()
    first = api_token_create(user=user)
    second = api_token_create(user=user)
    stored = ApiToken.objects.get(user=user)
    assert first not in stored.token_hash and len(stored.token_hash) == 64
    assert (
        client.get("/api/v1/boekingen/1", HTTP_AUTHORIZATION=f"Bearer {first}").status_code == 401
    )
    assert (
        client.get("/api/v1/boekingen/1", HTTP_AUTHORIZATION=f"Bearer {second}").status_code == 404
    )


def test_openapi_lists_the_endpoints_and_both_auth_schemes(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/ruimtes",
        "/api/v1/ruimtes/{ruimte_id}/beschikbaarheid",
        "/api/v1/boekingen",
    } <= set(schema["paths"])
    assert {"TokenAuth", "SessionAuth"} <= set(schema["components"]["securitySchemes"])
