"""Schemathesis against /api/v1/openapi.json: no 5xx, and every answer matches the document.

A bounded run (a few examples per operation) on the pytest-django test database, with
rooms, initiatives and vacatures in it so the list and detail answers carry real items.
Operations that need a user get a personal API token of a resident.
"""

from datetime import timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from buurtkracht.accounts.models import ApiToken
from buurtkracht.api_auth import token_new
from tests.factories import UserFactory
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory
from tests.ruimtes.factories import BoekingFactory, RuimteFactory, at, next_monday
from tests.vrijwilligers.factories import VacatureFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_data(db):
    """A little of everything the API lists, and a resident's token."""
    resident = UserFactory()
    room = RuimteFactory()
    boeking = BoekingFactory(ruimte=room, booker=resident)
    initiatief = InitiatiefFactory(owners=[resident])
    BehoefteFactory(initiatief=initiatief)
    vacature = VacatureFactory(owner=resident)
    token, token_hash = token_new()
    ApiToken.objects.create(user=resident, token_hash=token_hash)
    # As Django's test client does: a request's start and end must not close the
    # connection that holds the test's transaction.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield {
        "headers": {"Authorization": f"Bearer {token}"},
        "ids": {
            "ruimte_id": room.pk,
            "boeking_id": boeking.pk,
            "vacature_id": vacature.pk,
            "slug": initiatief.slug,
        },
    }
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_match_the_openapi_document(case, api_data):
    aim_at_real_items(case, api_data["ids"])
    headers = api_data["headers"] if case.operation.definition.raw.get("security") else None
    case.call_and_validate(headers=headers, checks=CHECKS)


def aim_at_real_items(case, ids: dict) -> None:
    """Point about half of the well-formed ids at items that exist, so that the detail
    answers (not only 404s) are checked against the document too."""
    for name, value in (case.path_parameters or {}).items():
        if name in ids and isinstance(value, int | str) and len(str(value)) % 2 == 0:
            case.path_parameters[name] = ids[name]
    body = case.body
    if isinstance(body, dict) and isinstance(body.get("ruimte"), int) and body["ruimte"] % 2 == 0:
        body["ruimte"] = ids["ruimte_id"]


def test_a_booking_made_read_and_cancelled_matches_the_document(api_data):
    """The answers random data rarely reaches: 201, 409 for an overlap and a cancelled
    booking, and the booking itself, each checked against the document."""
    wednesday = next_monday() + timedelta(days=2)
    body = {
        "ruimte": api_data["ids"]["ruimte_id"],
        "start": at(wednesday, 14).isoformat(),
        "end": at(wednesday, 16).isoformat(),
        "title": "Taalcafé",
        "expected_people": 8,
        "booker_type": "bewoners",
    }
    headers = api_data["headers"]
    create = schema["/api/v1/boekingen"]["POST"]
    made = create.Case(body=body).call_and_validate(headers=headers, checks=CHECKS)
    assert made.status_code == 201
    boeking_id = made.json()["id"]
    overlap = create.Case(body=body).call_and_validate(headers=headers, checks=CHECKS)
    assert overlap.status_code == 409

    item = schema["/api/v1/boekingen/{boeking_id}"]
    path = {"boeking_id": boeking_id}
    read = item["GET"].Case(path_parameters=path).call_and_validate(headers=headers, checks=CHECKS)
    assert read.json()["title"] == "Taalcafé"
    cancel = item["DELETE"].Case(path_parameters=path)
    assert cancel.call_and_validate(headers=headers, checks=CHECKS).status_code == 200
    again = item["DELETE"].Case(path_parameters=path)
    assert again.call_and_validate(headers=headers, checks=CHECKS).status_code == 409
    anonymous = item["GET"].Case(path_parameters=path).call_and_validate(checks=CHECKS)
    assert anonymous.status_code == 401


def test_a_body_that_is_no_json_is_answered_in_dutch(client, api_data):
    response = client.post(
        "/api/v1/boekingen",
        "{niet: json",
        content_type="application/json",
        HTTP_AUTHORIZATION=api_data["headers"]["Authorization"],
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "De gegevens zijn geen geldige JSON.",
        "code": "invalid",
        "errors": [],
    }
