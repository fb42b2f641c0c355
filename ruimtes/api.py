"""The ruimtes endpoints of /api/v1/ (attached in buurtkracht.urls).

Reading rooms and their availability is public and has no personal data. Booking needs
a signed-in user: a browser session with its CSRF token, or ``Authorization: Bearer``
with a personal API token from the account page.
"""

from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from buurtkracht.accounts import rules
from buurtkracht.api import ApiError
from buurtkracht.api_auth import SESSION_OR_TOKEN
from ruimtes import queries, services
from ruimtes.messages import MESSAGES
from ruimtes.models import Boeking, BookerType, Ruimte
from ruimtes.timeutil import aware_from_input

router = Router(tags=["ruimtes"])

MAX_RANGE_DAYS = 62
API_FIELDS = {"starts_at": "start", "ends_at": "end"}


class LocatieOut(Schema):
    id: int
    name: str
    kind: str
    address: str
    wijk: str
    step_free: bool
    accessible_toilet: bool
    hearing_loop: bool
    lift: bool


class RuimteOut(Schema):
    id: int
    name: str
    capacity: int
    floor_area: int | None
    voorzieningen: list[str]
    hourly_rate: str
    url: str
    locatie: LocatieOut


class Interval(Schema):
    start: datetime
    end: datetime
    status: str


class AvailabilityOut(Schema):
    ruimte: int
    van: date
    tot: date
    intervallen: list[Interval]


class AvailabilityQuery(Schema):
    van: date
    tot: date


class BoekingIn(Schema):
    ruimte: int
    start: datetime = Field(description="ISO 8601; zonder tijdzone = Amsterdamse tijd")
    end: datetime
    title: str = Field(min_length=1, max_length=120)
    expected_people: int = Field(ge=1, le=1000)
    booker_type: BookerType
    purpose: str = Field("", max_length=2000)
    title_is_public: bool = False


class BoekingOut(Schema):
    id: int
    ruimte: int
    start: datetime
    end: datetime
    title: str
    status: str
    booker_type: str
    expected_people: int
    price: str
    reason: str


def _room_out(room: Ruimte) -> dict:
    locatie = room.locatie
    return {
        "id": room.pk,
        "name": room.name,
        "capacity": room.capacity,
        "floor_area": room.floor_area,
        "voorzieningen": [v.code for v in room.voorzieningen.all()],
        "hourly_rate": str(room.hourly_rate),
        "url": room.get_absolute_url(),
        "locatie": {
            "id": locatie.pk,
            "name": locatie.name,
            "kind": locatie.kind,
            "address": locatie.address,
            "wijk": locatie.wijk.name,
            "step_free": locatie.step_free,
            "accessible_toilet": locatie.accessible_toilet,
            "hearing_loop": locatie.hearing_loop,
            "lift": locatie.lift,
        },
    }


def _boeking_out(boeking: Boeking) -> dict:
    return {
        "id": boeking.pk,
        "ruimte": boeking.ruimte_id,
        "start": boeking.starts_at,
        "end": boeking.ends_at,
        "title": boeking.title,
        "status": boeking.status,
        "booker_type": boeking.booker_type,
        "expected_people": boeking.expected_people,
        "price": str(boeking.price),
        "reason": boeking.decision_reason,
    }


@router.get("/ruimtes", response=list[RuimteOut])
def ruimte_list(request):
    return [_room_out(room) for room in queries.ruimte_list()]


@router.get("/ruimtes/{ruimte_id}/beschikbaarheid", response=AvailabilityOut)
def ruimte_availability(request, ruimte_id: int, filters: Query[AvailabilityQuery]):
    try:
        room = queries.ruimte_detail(ruimte_id)
    except Ruimte.DoesNotExist:
        raise Http404 from None
    if filters.tot < filters.van:
        raise ValidationError({"tot": [MESSAGES["tot_voor_van"]]})
    if filters.tot - filters.van > timedelta(days=MAX_RANGE_DAYS):
        raise ValidationError({"tot": [MESSAGES["bereik_te_groot"] % {"days": MAX_RANGE_DAYS}]})
    slots = queries.ruimte_availability(room, filters.van, filters.tot)
    return {
        "ruimte": room.pk,
        "van": filters.van,
        "tot": filters.tot,
        "intervallen": [{"start": s.start, "end": s.end, "status": s.status} for s in slots],
    }


def _raise_for_api(error: ValidationError):
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            if errors[0].code == "overlap" or errors[0].code == "geen_boekingen":
                raise ApiError(
                    409,
                    errors[0].messages[0],
                    code=errors[0].code,
                    field=API_FIELDS.get(name, name),
                )
        raise ValidationError(
            {API_FIELDS.get(name, name): errors for name, errors in error.error_dict.items()}
        )
    raise error


@router.post("/boekingen", response={201: BoekingOut}, auth=SESSION_OR_TOKEN)
def boeking_create(request, payload: BoekingIn):
    user = request.auth
    room = Ruimte.objects.select_related("locatie").filter(pk=payload.ruimte).first()
    if room is None:
        raise ValidationError({"ruimte": [MESSAGES["ruimte_onbekend"]]})
    try:
        starts_at = aware_from_input(payload.start, field="start")
        ends_at = aware_from_input(payload.end, field="end")
        boeking = services.boeking_create(
            ruimte=room,
            booker=user,
            starts_at=starts_at,
            ends_at=ends_at,
            title=payload.title,
            purpose=payload.purpose,
            expected_people=payload.expected_people,
            booker_type=payload.booker_type,
            title_is_public=payload.title_is_public,
        )
    except ValidationError as error:
        _raise_for_api(error)
    return Status(201, _boeking_out(boeking))


def _own(request, boeking_id: int) -> Boeking:
    boeking = get_object_or_404(Boeking.objects.select_related("ruimte__locatie"), pk=boeking_id)
    user = request.auth
    if boeking.booker_id != user.pk and not rules.can(
        user, rules.LOCATION_MANAGE, boeking.ruimte.locatie
    ):
        raise PermissionDenied
    return boeking


@router.get("/boekingen/{boeking_id}", response=BoekingOut, auth=SESSION_OR_TOKEN)
def boeking_detail(request, boeking_id: int):
    return _boeking_out(_own(request, boeking_id))


@router.delete("/boekingen/{boeking_id}", response=BoekingOut, auth=SESSION_OR_TOKEN)
def boeking_delete(request, boeking_id: int):
    boeking = _own(request, boeking_id)
    try:
        boeking = services.boeking_cancel(boeking=boeking, user=request.auth)
    except ValidationError as error:
        raise ApiError(409, error.messages[0], code="status", field="status") from None
    return _boeking_out(boeking)
