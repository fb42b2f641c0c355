"""Every error from /api/v1/ is JSON with a Dutch detail, a code and per-field errors."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import RequestFactory
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from buurtkracht.api import ApiError
from buurtkracht.urls import api


def answer(exc) -> tuple[int, dict]:
    request = RequestFactory().get("/api/v1/ruimtes")
    response = api.on_exception(request, exc)
    assert response["Content-Type"].startswith("application/json")
    return response.status_code, json.loads(response.content)


def test_a_rule_broken_in_a_service_is_400_with_the_field():
    status, body = answer(ValidationError({"start": ["Kies een tijd in de toekomst."]}))
    assert status == 400
    assert body == {
        "detail": "Kies een tijd in de toekomst.",
        "code": "invalid",
        "errors": [{"field": "start", "message": "Kies een tijd in de toekomst."}],
    }


def test_a_rule_without_a_field_is_400_without_a_field_name():
    status, body = answer(ValidationError("Dit kan niet."))
    assert status == 400
    assert body["errors"] == [{"field": "", "message": "Dit kan niet."}]


def test_bad_input_is_400_not_422_and_names_the_field():
    exc = NinjaValidationError(
        [
            {
                "loc": ("body", "payload", "start"),
                "msg": "Input should be a valid datetime",
                "type": "datetime_parsing",
            },
            {"loc": ("query", "page"), "msg": "Something odd", "type": "never_seen_before"},
        ]
    )
    status, body = answer(exc)
    assert status == 400
    assert body["code"] == "invalid"
    # In plain Dutch, not the parser's English.
    assert body["errors"] == [
        {"field": "start", "message": "Vul een datum en tijd in, zoals 2026-12-01T14:00."},
        {"field": "page", "message": "Deze waarde klopt niet."},
    ]


def test_an_api_error_keeps_its_status_code_and_field():
    status, body = answer(
        ApiError(409, "Deze ruimte is dan al bezet.", code="overlap", field="start")
    )
    assert status == 409
    assert body["code"] == "overlap"
    assert body["errors"] == [{"field": "start", "message": "Deze ruimte is dan al bezet."}]


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (PermissionDenied(), 403, "forbidden"),
        (Http404(), 404, "not_found"),
        (AuthenticationError(), 401, "not_authenticated"),
    ],
)
def test_permission_and_missing_things_answer_json(exc, status, code):
    got_status, body = answer(exc)
    assert (got_status, body["code"]) == (status, code)
    assert body["detail"]


def test_the_openapi_document_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "Buurtkracht API"
    assert document["openapi"].startswith("3.")


def test_a_query_the_parser_refuses_is_answered_in_dutch(client):
    response = client.get("/api/v1/initiatieven?page=abc")
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "page", "message": "Vul een heel getal in."}]


def test_the_openapi_document_describes_the_error_answers(client):
    document = client.get("/api/v1/openapi.json").json()
    assert "Fout" in document["components"]["schemas"]
    operations = {
        (method, path): operation
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    }
    listing = operations[("get", "/api/v1/initiatieven")]["responses"]
    assert {"200", "400", "404"} <= set(listing)
    assert listing["400"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Fout"
    }
    booking = operations[("post", "/api/v1/boekingen")]["responses"]
    assert {"201", "400", "401", "403", "409"} <= set(booking)
