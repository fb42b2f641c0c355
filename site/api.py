"""The public JSON API at /api/v1/: one NinjaAPI and one OpenAPI document for every app.

Apps keep their endpoints in ``<app>/api.py`` as a ``ninja.Router`` with full paths
(``/initiatieven``, ``/ruimtes/{id}``); the root URL map attaches them with
``build_api(routers)``. This module never imports an app.

Errors always answer JSON with a Dutch ``detail``, a stable ``code`` and, for bad
input, ``errors`` per field::

    {"detail": "De invoer klopt niet.", "code": "invalid",
     "errors": [{"field": "start", "message": "Kies een begintijd in de toekomst."}]}

Services raise ``django.core.exceptions.ValidationError`` (a message dict per field)
or ``ApiError``; both become 400 (or the status given) here, never a 500.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Router
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from buurtkracht import __version__


class ApiError(Exception):
    """An answer other than 2xx with a Dutch message: ``raise ApiError(409, msg, code=...)``."""

    def __init__(self, status: int, message: str, *, code: str = "invalid", field: str = ""):
        super().__init__(message)
        self.status, self.message, self.code, self.field = status, message, code, field


def error_body(message: str, *, code: str, errors: Iterable[dict] = ()) -> dict:
    return {"detail": message, "code": code, "errors": list(errors)}


# Plain Dutch for the checks the request parser does itself (pydantic error types).
INPUT_MESSAGES = {
    "missing": gettext_lazy("Dit veld is verplicht."),
    "int_parsing": gettext_lazy("Vul een heel getal in."),
    "int_type": gettext_lazy("Vul een heel getal in."),
    "float_parsing": gettext_lazy("Vul een getal in."),
    "decimal_parsing": gettext_lazy("Vul een bedrag in, zoals 12.50."),
    "bool_parsing": gettext_lazy("Kies ja (true) of nee (false)."),
    "date_parsing": gettext_lazy("Vul een datum in als JJJJ-MM-DD."),
    "date_from_datetime_parsing": gettext_lazy("Vul een datum in als JJJJ-MM-DD."),
    "datetime_parsing": gettext_lazy("Vul een datum en tijd in, zoals 2026-12-01T14:00."),
    "datetime_from_date_parsing": gettext_lazy("Vul een datum en tijd in, zoals 2026-12-01T14:00."),
    "string_too_long": gettext_lazy("Deze tekst is te lang."),
    "string_too_short": gettext_lazy("Deze tekst is te kort."),
    "string_type": gettext_lazy("Vul tekst in."),
    "greater_than": gettext_lazy("Dit getal is te klein."),
    "greater_than_equal": gettext_lazy("Dit getal is te klein."),
    "less_than": gettext_lazy("Dit getal is te groot."),
    "less_than_equal": gettext_lazy("Dit getal is te groot."),
    "enum": gettext_lazy("Kies een van de mogelijke waarden."),
    "literal_error": gettext_lazy("Kies een van de mogelijke waarden."),
    "json_invalid": gettext_lazy("De gegevens zijn geen geldige JSON."),
    "model_attributes_type": gettext_lazy("Stuur de gegevens als een JSON-object."),
    "dict_type": gettext_lazy("Stuur de gegevens als een JSON-object."),
}
OTHER_INPUT = gettext_lazy("Deze waarde klopt niet.")

# Answers every operation may give besides its own, documented in the OpenAPI document.
ERROR_RESPONSES = {
    "400": gettext_lazy("De invoer klopt niet."),
    "404": gettext_lazy("Niet gevonden."),
}
SIGNED_IN_RESPONSES = {
    "401": gettext_lazy("Log eerst in."),
    "403": gettext_lazy("Dit mag je niet doen."),
}
ERROR_SCHEMA = {
    "title": "Fout",
    "type": "object",
    "required": ["detail", "code", "errors"],
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


def _field_name(location: Iterable) -> str:
    # ninja reports ("body", "payload", "start") or ("query", "van"): keep the field.
    parts = [str(part) for part in location if part not in ("body", "query", "path", "form")]
    if len(parts) > 1 and parts[0] in ("payload", "data", "filters"):
        parts = parts[1:]
    return ".".join(parts)


class BuurtkrachtAPI(NinjaAPI):
    """A NinjaAPI whose OpenAPI document also describes the error answers."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema.setdefault("components", {}).setdefault("schemas", {})["Fout"] = ERROR_SCHEMA
        reference = {"$ref": "#/components/schemas/Fout"}
        for operations in schema.get("paths", {}).values():
            for method, operation in operations.items():
                extra = dict(ERROR_RESPONSES)
                if operation.get("security"):
                    extra |= SIGNED_IN_RESPONSES
                if method in ("post", "put", "patch", "delete"):
                    extra["409"] = gettext_lazy("Dit botst met iets dat er al is.")
                responses = operation.setdefault("responses", {})
                for status, description in extra.items():
                    responses.setdefault(
                        status,
                        {
                            "description": str(description),
                            "content": {"application/json": {"schema": reference}},
                        },
                    )
        return schema


def build_api(routers: Iterable[Router]) -> NinjaAPI:
    api = BuurtkrachtAPI(
        title="Buurtkracht API",
        version=f"1 ({__version__})",
        description=_(
            "Openbare gegevens van Buurtkracht: initiatieven, ruimtes en vacatures. "
            "Zonder persoonsgegevens."
        ),
        urls_namespace="api",
        openapi_url="/openapi.json",
        docs_url=None,
    )
    for router in routers:
        api.add_router("", router)

    def respond(request: HttpRequest, status: int, body: dict) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(ApiError)
    def api_error(request, exc: ApiError):
        errors = [{"field": exc.field, "message": exc.message}] if exc.field else []
        return respond(request, exc.status, error_body(exc.message, code=exc.code, errors=errors))

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request, exc: NinjaValidationError):
        errors = [
            {
                "field": _field_name(error.get("loc", ())),
                "message": str(INPUT_MESSAGES.get(error.get("type", ""), OTHER_INPUT)),
            }
            for error in exc.errors
        ]
        return respond(
            request, 400, error_body(_("De invoer klopt niet."), code="invalid", errors=errors)
        )

    @api.exception_handler(DjangoValidationError)
    def invalid_by_rule(request, exc: DjangoValidationError):
        if hasattr(exc, "error_dict"):
            errors = [
                {"field": "" if field == "__all__" else field, "message": message}
                for field, messages in exc.message_dict.items()
                for message in messages
            ]
        else:
            errors = [{"field": "", "message": message} for message in exc.messages]
        detail = errors[0]["message"] if len(errors) == 1 else _("De invoer klopt niet.")
        return respond(request, 400, error_body(detail, code="invalid", errors=errors))

    @api.exception_handler(AuthenticationError)
    def not_signed_in(request, exc):
        return respond(request, 401, error_body(_("Log eerst in."), code="not_authenticated"))

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return respond(request, 403, error_body(_("Dit mag je niet doen."), code="forbidden"))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404, error_body(_("Niet gevonden."), code="not_found"))

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        if exc.status_code == 400:
            # ninja's own complaint ("Cannot parse request body"): a body that is no JSON.
            message = str(INPUT_MESSAGES["json_invalid"])
            return respond(request, 400, error_body(message, code="invalid"))
        return respond(request, exc.status_code, error_body(str(exc), code="error"))

    return api
