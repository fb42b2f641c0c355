"""The shapes search passes around, shared by both engines, the page, the API and the map.

Apps hand content to search as :class:`SearchDocument` (through a registered
:class:`search.registry.SearchSource`); callers ask with a :class:`SearchRequest` and get
:class:`SearchResults`, whichever engine answered:

    from search.engine import search, suggest
    results = search(SearchRequest(q="moestuin", wijk="bos-en-lommer"))

``search.engine.search`` never raises for a search server that is down: it answers from
the database and sets ``results.fallback``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

# Facet names, in the order the page shows them.
FACETS = ("type", "wijk", "theme", "need", "skill", "suitable_for")


@dataclass(frozen=True)
class GeoPoint:
    lat: float
    lon: float


@dataclass
class SearchDocument:
    """One findable thing. Only published, visible content becomes a document.

    ``key`` is unique over all sources ("initiatief-12"); ``type`` is the facet value
    ("initiatief", "wijkonderneming", "vacature", "locatie", "ruimte", "pagina",
    "nieuws", "activiteit"). Slugs go in ``wijk``/``buurt``/``themes`` (facet values),
    their display names in the ``*_label`` fields. Text is plain text, never HTML.
    """

    key: str
    type: str
    title: str
    url: str
    summary: str = ""
    body: str = ""
    wijk: str = ""
    wijk_label: str = ""
    buurt: str = ""
    buurt_label: str = ""
    themes: list[str] = field(default_factory=list)
    theme_labels: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    suitable_for: list[str] = field(default_factory=list)
    location: GeoPoint | None = None
    starts_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    popularity: float = 0.0


@dataclass
class SearchRequest:
    """What a visitor asked. Unknown facet values simply match nothing."""

    q: str = ""
    types: list[str] = field(default_factory=list)
    wijk: str = ""
    themes: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    suitable_for: list[str] = field(default_factory=list)
    postcode: str = ""  # "in de buurt van": sorts nearest first
    distance_km: float | None = None  # only with a postcode
    page: int = 1
    page_size: int = 20


@dataclass
class Hit:
    key: str
    type: str
    title: str
    url: str
    summary: str
    snippet: SafeString  # escaped text with <mark> around the matched words
    wijk_label: str = ""
    buurt_label: str = ""
    theme_labels: list[str] = field(default_factory=list)
    starts_at: dt.datetime | None = None
    distance_km: float | None = None
    location: GeoPoint | None = None


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    request: SearchRequest
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]]  # keys from FACETS
    engine: str  # "elasticsearch" or "database"
    suggestion: str = ""  # "bedoelde je ...?", empty when none
    origin: GeoPoint | None = None  # the postcode's point, when one was given
    fallback: bool = False  # True when the search server failed and the database answered

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.page_size))


@dataclass
class Suggestion:
    """One line under the search box while typing."""

    title: str
    url: str
    type: str
