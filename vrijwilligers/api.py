"""The vrijwilligers endpoints of /api/v1/ (attached in buurtkracht.urls).

Open vacatures only, and never personal data: no owner, no volunteers, no contact.
"""

from datetime import date

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from buurtkracht.areas.queries import wijk_get
from vrijwilligers import queries
from vrijwilligers.availability import codes_from_mask
from vrijwilligers.skills import Skill

router = Router(tags=["vrijwilligers"])


class VacatureOut(Schema):
    id: int
    title: str
    description: str
    tasks: str
    organisation: str
    initiatief_url: str | None
    url: str
    skills: list[str]
    free_tags: list[str]
    languages: list[str]
    themes: list[str]
    time_kind: str
    dates: list[date]
    hours_per_week: int | None
    availability: list[str] = Field(description="Dagdelen, zoals 'di-avond'.")
    wijk: str | None
    buurt: str | None
    is_remote: bool
    suits_beginners: bool
    suits_disability: bool
    suits_newcomers: bool
    suits_youth: bool
    min_age: int | None
    places: int
    places_filled: int
    end_date: date | None

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.organisation_label

    @staticmethod
    def resolve_initiatief_url(obj) -> str | None:
        return obj.initiatief.get_absolute_url() if obj.initiatief_id else None

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [t.code for t in obj.themes.all()]

    @staticmethod
    def resolve_availability(obj) -> list[str]:
        return codes_from_mask(obj.availability_mask)

    @staticmethod
    def resolve_wijk(obj) -> str | None:
        return obj.wijk.slug if obj.wijk_id else None

    @staticmethod
    def resolve_buurt(obj) -> str | None:
        return obj.buurt.slug if obj.buurt_id else None

    @staticmethod
    def resolve_places_filled(obj) -> int:
        return obj.filled


class VacatureFilters(Schema):
    wijk: str | None = Field(None, description="Slug van de wijk, zoals 'de-baarsjes'.")
    skill: Skill | None = None
    theme: str | None = None
    when: str | None = Field(
        None, description="eenmalig, terugkerend, ochtend, middag, avond of weekend."
    )
    suits: str | None = Field(None, description="beginners, beperking, nieuwkomers of jongeren.")
    q: str | None = Field(None, max_length=100)


@router.get("/vacatures", response=list[VacatureOut], summary="Open vacatures")
@paginate(PageNumberPagination, page_size=20)
def vacature_list(request, filters: Query[VacatureFilters]):
    from django.core.exceptions import ValidationError

    from initiatieven.models import ThemeCode

    wijk = None
    if filters.wijk:
        wijk = wijk_get(slug=filters.wijk)
        if wijk is None:
            raise ValidationError({"wijk": ["Deze wijk kennen we niet."]})
    if filters.theme and filters.theme not in ThemeCode.values:
        raise ValidationError({"theme": ["Dit thema kennen we niet."]})
    if filters.when and filters.when not in ("eenmalig", "terugkerend", *queries.WHEN_MASKS):
        raise ValidationError(
            {"when": ["Kies eenmalig, terugkerend, ochtend, middag, avond of weekend."]}
        )
    if filters.suits and filters.suits not in queries.SUITS:
        raise ValidationError({"suits": ["Kies beginners, beperking, nieuwkomers of jongeren."]})
    vacatures = queries.vacature_list(
        wijk=wijk,
        skill=filters.skill.value if filters.skill else "",
        theme=filters.theme or "",
        when=filters.when or "",
        suits=filters.suits or "",
        q=filters.q or "",
    )
    return vacatures


@router.get("/vacatures/{vacature_id}", response=VacatureOut, summary="Eén open vacature")
def vacature_detail(request, vacature_id: int):
    vacature = queries.vacature_list().filter(pk=vacature_id).first()
    if vacature is None:
        raise Http404
    return vacature
