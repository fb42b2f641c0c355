"""The initiatieven endpoints of /api/v1/ (attached in buurtkracht.urls).

Published content only and no personal data: owners appear by public name, never by
e-mail; contact goes through the website.
"""

from datetime import datetime
from decimal import Decimal
from typing import Literal

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from buurtkracht.core.sanitize import clean_rich_text
from initiatieven import queries
from initiatieven.models import Behoefte, Initiatief, ThemeCode

router = Router(tags=["initiatieven"])

PAGE_SIZE = 20

ThemeParam = Literal[tuple(ThemeCode.values)]  # type: ignore[valid-type]
KindParam = Literal[tuple(Initiatief.Kind.values)]  # type: ignore[valid-type]
NeedParam = Literal[tuple(Behoefte.Kind.values)]  # type: ignore[valid-type]


class Filters(Schema):
    wijk: str = Field("", max_length=80, description="Slug van de wijk")
    thema: ThemeParam | None = None
    soort: KindParam | None = None
    behoefte: NeedParam | None = Field(None, description="Met een open behoefte van deze soort")
    sort: Literal["nieuw", "actief"] = "nieuw"
    page: int = Field(1, ge=1, le=10_000)


class Area(Schema):
    slug: str
    name: str


class Label(Schema):
    code: str
    label: str


class NeedOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    status: str
    people_wanted: int | None
    amount_wanted: Decimal | None


class FigureOut(Schema):
    kind: str
    label: str
    value: int


class PhotoOut(Schema):
    url: str
    alt: str


class UpdateOut(Schema):
    text: str
    created_at: datetime
    photos: list[PhotoOut]
    figures: list[FigureOut]


class Summary(Schema):
    slug: str
    title: str
    summary: str
    kind: str
    status: str
    url: str
    wijk: Area
    buurt: Area | None
    themes: list[Label]
    open_needs: list[str]
    published_at: datetime | None
    last_activity_at: datetime | None


class Page(Schema):
    count: int
    page: int
    pages: int
    results: list[Summary]


class Wijkonderneming(Schema):
    earning_model: str
    income_coverage_percent: int | None
    income_coverage_year: int | None
    work_experience_places: int
    kvk_number: str


class Detail(Summary):
    description: str
    priorities: list[Label]
    address: str
    latitude: Decimal | None
    longitude: Decimal | None
    owners: list[str] = Field(description="Publieke namen, nooit e-mailadressen")
    photos: list[PhotoOut]
    needs: list[NeedOut]
    updates: list[UpdateOut]
    impact: list[FigureOut]
    wijkonderneming: Wijkonderneming | None


def _area(obj) -> dict | None:
    return {"slug": obj.slug, "name": obj.name} if obj else None


def _labels(rows) -> list[dict]:
    return [{"code": row.code, "label": str(row.label)} for row in rows]


def _summary(request: HttpRequest, initiatief: Initiatief, open_needs: list) -> dict:
    return {
        "slug": initiatief.slug,
        "title": initiatief.title,
        "summary": initiatief.summary,
        "kind": initiatief.kind,
        "status": initiatief.status,
        "url": request.build_absolute_uri(initiatief.get_absolute_url()),
        "wijk": _area(initiatief.wijk),
        "buurt": _area(initiatief.buurt),
        "themes": _labels(initiatief.themes.all()),
        "open_needs": sorted({need.kind for need in open_needs}),
        "published_at": initiatief.published_at,
        "last_activity_at": initiatief.last_activity_at,
    }


@router.get("/initiatieven", response=Page, summary="Gepubliceerde initiatieven")
def initiatief_list(request: HttpRequest, filters: Query[Filters]):
    qs = queries.initiatief_list(
        wijk=filters.wijk,
        theme=filters.thema or "",
        kind=filters.soort or "",
        need=filters.behoefte or "",
        sort=filters.sort,
    )
    page = Paginator(qs, PAGE_SIZE).get_page(filters.page)
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "results": [_summary(request, i, i.open_behoeften) for i in page.object_list],
    }


@router.get("/initiatieven/{slug}", response=Detail, summary="Eén gepubliceerd initiatief")
def initiatief_detail(request: HttpRequest, slug: str):
    initiatief = queries.public_initiatief(slug=slug)
    needs = list(initiatief.behoeften.all())
    updates = list(queries.timeline(initiatief))
    data = _summary(request, initiatief, [n for n in needs if n.is_open])
    data.update(
        description=clean_rich_text(initiatief.description),
        priorities=_labels(initiatief.priorities.all()),
        address=initiatief.address,
        latitude=initiatief.latitude,
        longitude=initiatief.longitude,
        owners=[e.user.public_name for e in initiatief.eigenaarschappen.all()],
        photos=[
            {"url": request.build_absolute_uri(f.image.url), "alt": f.alt_text}
            for f in initiatief.fotos.all()
        ],
        needs=needs,
        updates=[
            {
                "text": u.text,
                "created_at": u.created_at,
                "photos": [
                    {"url": request.build_absolute_uri(f.image.url), "alt": f.alt_text}
                    for f in u.fotos.all()
                ],
                "figures": [
                    {"kind": c.kind, "label": c.display_label, "value": c.value}
                    for c in u.cijfers.all()
                ],
            }
            for u in updates
        ],
        impact=[
            {"kind": row["kind"], "label": row["label"], "value": row["total"]}
            for row in queries.impact(initiatief)
        ],
        wijkonderneming=(
            {
                "earning_model": initiatief.earning_model,
                "income_coverage_percent": initiatief.income_coverage_percent,
                "income_coverage_year": initiatief.income_coverage_year,
                "work_experience_places": initiatief.work_experience_places,
                "kvk_number": initiatief.kvk_number,
            }
            if initiatief.is_wijkonderneming
            else None
        ),
    )
    return data
