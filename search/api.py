"""The search endpoints of /api/v1/: the same search as /zoeken/, and the suggestions.

Public and without personal data: a hit carries what its public page shows. Input is
checked strictly (``SearchForm(strict=True)``): what the page quietly corrects (a long
query, an unknown filter value, page 0) is a 400 here, with the reason per parameter.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from ninja import Field, Query, Router, Schema

from search import engine
from search.forms import (
    FACET_PARAMS,
    MAX_QUERY,
    MESSAGES,
    TYPE_LABELS,
    SearchForm,
    facet_value_label,
    type_label,
)
from search.types import FACETS, SearchResults

router = Router(tags=["zoeken"])

MIN_SUGGEST = 2
MAX_SUGGESTIONS = 8
SUGGEST_MAX_AGE = 60  # seconds


class SearchQuery(Schema):
    q: str = Field("", description="De zoekvraag, maximaal 200 tekens.")
    type: list[str] = Field(
        default_factory=list, description="Soort: " + ", ".join(TYPE_LABELS) + "."
    )
    wijk: list[str] = Field(default_factory=list, description="De slug van één wijk.")
    theme: list[str] = Field(default_factory=list, description="Thema (slug).")
    need: list[str] = Field(default_factory=list, description="Wat er nodig is (slug).")
    skill: list[str] = Field(default_factory=list, description="Vaardigheid (slug).")
    suitable_for: list[str] = Field(default_factory=list, description="Geschikt voor (slug).")
    postcode: str = Field("", description="In de buurt van: 1053 of 1053 AB; dichtbij eerst.")
    distance_km: int | None = Field(
        None, description="Alleen resultaten binnen zoveel km (1, 2, 5 of 10); met postcode."
    )
    page: int = Field(1, description="Paginanummer vanaf 1; 20 resultaten per pagina.")


class HitOut(Schema):
    key: str
    type: str
    type_label: str
    title: str
    url: str
    summary: str
    snippet: str = Field(description="Tekst met <mark> om de gevonden woorden (HTML-veilig).")
    wijk: str
    buurt: str
    themes: list[str]
    starts_at: dt.datetime | None
    distance_km: float | None = Field(description="Alleen met een postcode.")


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class SearchOut(Schema):
    q: str
    total: int
    page: int
    pages: int
    engine: str = Field(description="elasticsearch of database")
    suggestion: str = Field(description="Bedoelde je …? Leeg als er geen is.")
    hits: list[HitOut]
    facets: dict[str, list[FacetValueOut]]


class SuggestionOut(Schema):
    title: str
    url: str
    type: str
    type_label: str


class SuggestionsOut(Schema):
    q: str
    suggestions: list[SuggestionOut]


def _as_query_dict(params: SearchQuery) -> QueryDict:
    data = QueryDict(mutable=True)
    data["q"] = params.q
    data["postcode"] = params.postcode
    data["distance_km"] = "" if params.distance_km is None else str(params.distance_km)
    data["page"] = str(params.page)
    for name in FACET_PARAMS:
        data.setlist(name, getattr(params, name))
    return data


def results_out(results: SearchResults, *, q: str) -> dict:
    return {
        "q": q,
        "total": results.total,
        "page": results.request.page,
        "pages": results.pages,
        "engine": results.engine,
        "suggestion": results.suggestion,
        "hits": [
            {
                "key": hit.key,
                "type": hit.type,
                "type_label": type_label(hit.type),
                "title": hit.title,
                "url": hit.url,
                "summary": hit.summary,
                "snippet": str(hit.snippet),
                "wijk": hit.wijk_label,
                "buurt": hit.buurt_label,
                "themes": list(hit.theme_labels),
                "starts_at": hit.starts_at,
                "distance_km": round(hit.distance_km, 2) if hit.distance_km is not None else None,
            }
            for hit in results.hits
        ],
        "facets": {
            name: [
                {
                    "value": fv.value,
                    "label": facet_value_label(name, fv),
                    "count": fv.count,
                    "selected": fv.selected,
                }
                for fv in results.facets.get(name, [])
            ]
            for name in FACETS
        },
    }


@router.get("/zoeken", response=SearchOut, summary="Zoeken in Buurtkracht")
def search_api(request: HttpRequest, params: Query[SearchQuery]):
    """Initiatieven, vrijwilligerswerk, ruimtes en pagina's; met filters en aantallen.

    Lijstparameters mag je herhalen: `?type=initiatief&type=vacature`. Een onbekende
    filterwaarde, een te lange zoekvraag of een onbekende postcode geeft 400.
    """
    form = SearchForm(_as_query_dict(params), strict=True)
    if not form.is_valid():
        raise ValidationError(form.error_dict())
    search_request = form.search_request()
    return results_out(engine.search(search_request), q=search_request.q)


@router.get("/zoeken/suggesties", response=SuggestionsOut, summary="Suggesties tijdens het typen")
def suggest_api(request: HttpRequest, response: HttpResponse, q: str = ""):
    """Titels die passen bij wat iemand typt (vanaf 2 tekens); voor het zoekvak."""
    # Public titles only: a browser may keep an answer for a minute while typing.
    response.headers["Cache-Control"] = f"public, max-age={SUGGEST_MAX_AGE}"
    q = " ".join(q.split())
    if len(q) > MAX_QUERY:
        raise ValidationError({"q": [MESSAGES["query_too_long"] % {"max": MAX_QUERY}]})
    found = engine.suggest(q, limit=MAX_SUGGESTIONS) if len(q) >= MIN_SUGGEST else []
    return {
        "q": q,
        "suggestions": [
            {
                "title": s.title,
                "url": s.url,
                "type": s.type,
                "type_label": type_label(s.type),
            }
            for s in found
        ],
    }
