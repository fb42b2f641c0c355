"""Reads of the sociale kaart: offer and demand per wijk and theme, the lists and the map.

Everything comes from the registered providers (search.kaart.registry) and from the
anonymous search counts (search.models.Zoekterm). The providers' answers are cached for
a short while per wijk and language; any save or delete of a provider's models clears
the cache at once (see apps.py), so hidden content does not linger.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from buurtkracht.areas.models import Buurt, Wijk
from search.kaart import geometry
from search.kaart.keywords import theme_for_term
from search.kaart.measures import (
    NEED_KIND_LABELS,
    NO_THEME_LABEL,
    STATUS_LABELS,
    WHITE_SPOTS,
    status_of,
)
from search.kaart.registry import ALL_THEMES, NEED_KINDS, MapItem, Tally, providers
from search.models import Zoekterm

CACHE_SECONDS = 60  # closing a vacature uses update(), which sends no signal
SEARCH_DAYS = 90  # zero-result searches of the last 90 days count as demand
TERMS_SHOWN = 20
_VERSION_KEY = "sociale_kaart:version"


def cache_clear(**kwargs) -> None:
    """Make every cached kaart stale (a signal receiver: takes any arguments)."""
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, None)


def _cached(name: str, wijk: str, compute):
    version = cache.get_or_set(_VERSION_KEY, 1, None)
    key = f"sociale_kaart:{version}:{name}:{wijk or '*'}:{get_language() or ''}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def kaart_themes() -> list[tuple[str, str]]:
    """Every theme the providers know, as (code, label), in the providers' order."""
    seen: dict[str, str] = {}
    for provider in providers():
        for code, label in provider.themes():
            seen.setdefault(code, label)
    return list(seen.items())


def _tallies(wijk: str) -> list[Tally]:
    return _cached(
        "tallies",
        wijk,
        lambda: [tally for p in providers() for tally in p.tallies(wijk=wijk)],
    )


def kaart_items(wijk: str = "") -> list[MapItem]:
    """The listed offer of one wijk (slug) or of all, each provider's in its own order."""
    return _cached(
        "items", wijk, lambda: [item for p in providers() for item in p.items(wijk=wijk)]
    )


@dataclass
class ZeroResults:
    """Searches without a result, summed per wijk slug ("" = no wijk chosen)."""

    per_theme: dict[str, dict[str, int]]  # wijk -> theme ("" = none) -> searches
    terms: dict[str, list[tuple[str, int]]]  # wijk -> most searched terms first


def zero_results(wijk: str = "", *, today: dt.date | None = None) -> ZeroResults:
    since = (today or timezone.localdate()) - dt.timedelta(days=SEARCH_DAYS)
    rows = Zoekterm.objects.filter(day__gte=since, zero_results__gt=0)
    if wijk:
        rows = rows.filter(wijk=wijk)
    rows = rows.values("wijk", "term").annotate(n=Sum("zero_results")).order_by("-n", "term")
    per_theme: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    terms: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for row in rows:
        per_theme[row["wijk"]][theme_for_term(row["term"])] += row["n"]
        terms[row["wijk"]].append((row["term"], row["n"]))
    return ZeroResults(per_theme=per_theme, terms=terms)


@dataclass
class ThemeRow:
    code: str  # "" for the row without a theme
    label: str
    initiatieven: int = 0
    wijkondernemingen: int = 0
    needs: dict[str, int] = field(default_factory=dict)  # need kind -> open needs
    vacatures: int = 0
    zoekvragen: int = 0

    @property
    def offer(self) -> int:
        return self.initiatieven + self.wijkondernemingen

    @property
    def needs_total(self) -> int:
        return sum(self.needs.values())

    @property
    def demand(self) -> int:
        return self.needs_total + self.vacatures + self.zoekvragen

    @property
    def status(self) -> str:
        return status_of(offer=self.offer, demand=self.demand)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def is_white_spot(self) -> bool:
        return self.status in WHITE_SPOTS


@dataclass
class WijkKaart:
    """The offer and demand of one wijk; ``totals`` count each item once."""

    wijk: Wijk
    totals: dict[str, int]  # measure -> count, plus "zoekvragen"
    rows: list[ThemeRow]  # one per theme, then the one without a theme
    terms: list[tuple[str, int]]  # zero-result terms, staff only

    @property
    def url(self) -> str:
        return reverse("sociale_kaart:wijk", kwargs={"slug": self.wijk.slug})

    @property
    def white_spots(self) -> list[ThemeRow]:
        return [row for row in self.rows if row.is_white_spot]

    @property
    def needs_total(self) -> int:
        return sum(self.totals.get(f"behoeften:{kind}", 0) for kind in NEED_KINDS)

    @property
    def needs_by_kind(self) -> list[tuple[str, int]]:
        return [
            (str(NEED_KIND_LABELS[kind]), self.totals.get(f"behoeften:{kind}", 0))
            for kind in NEED_KINDS
        ]


def _rows(themes, tallies: list[Tally], zero: dict[str, int]) -> list[ThemeRow]:
    rows = {code: ThemeRow(code=code, label=str(label)) for code, label in themes}
    rows[""] = ThemeRow(code="", label=str(NO_THEME_LABEL))
    for tally in tallies:
        row = rows.get(tally.theme)
        if row is None:
            continue  # ALL_THEMES, or a theme no provider lists
        if tally.measure in ("initiatieven", "wijkondernemingen", "vacatures"):
            setattr(row, tally.measure, getattr(row, tally.measure) + tally.count)
        elif tally.measure.startswith("behoeften:"):
            kind = tally.measure.split(":", 1)[1]
            row.needs[kind] = row.needs.get(kind, 0) + tally.count
    for theme, count in zero.items():
        rows[theme if theme in rows else ""].zoekvragen += count
    return list(rows.values())


@dataclass
class Overview:
    kaarten: list[WijkKaart]
    searches_without_wijk: int  # zero-result searches in which no wijk was chosen

    @property
    def matrix(self) -> list[tuple[str, list[ThemeRow]]]:
        """Per theme (rows of the first wijk's table), that theme's row of every wijk."""
        if not self.kaarten:
            return []
        return [
            (row.label, [kaart.rows[index] for kaart in self.kaarten])
            for index, row in enumerate(self.kaarten[0].rows)
        ]


def kaart_overview(wijk: Wijk | None = None) -> Overview:
    """Offer and demand per theme for one wijk, or for every wijk (in name order)."""
    slug = wijk.slug if wijk else ""
    wijken = [wijk] if wijk else list(Wijk.objects.order_by("name"))
    themes = kaart_themes()
    by_wijk: dict[str, list[Tally]] = defaultdict(list)
    for tally in _tallies(slug):
        by_wijk[tally.wijk].append(tally)
    zero = zero_results(slug)
    kaarten = []
    for item in wijken:
        tallies = by_wijk.get(item.slug, [])
        totals: dict[str, int] = defaultdict(int)
        for tally in tallies:
            if tally.theme == ALL_THEMES:
                totals[tally.measure] += tally.count
        totals["zoekvragen"] = sum(zero.per_theme.get(item.slug, {}).values())
        kaarten.append(
            WijkKaart(
                wijk=item,
                totals=dict(totals),
                rows=_rows(themes, tallies, zero.per_theme.get(item.slug, {})),
                terms=zero.terms.get(item.slug, [])[:TERMS_SHOWN],
            )
        )
    # Searches with no wijk chosen (or an unknown one) belong to no wijk's table.
    known = {item.slug for item in wijken}
    without = 0
    if wijk is None:
        without = sum(
            count
            for wijk_slug, per_theme in zero.per_theme.items()
            if wijk_slug not in known
            for count in per_theme.values()
        )
    return Overview(kaarten=kaarten, searches_without_wijk=without)


def outlines() -> dict[int, list[list[float]]]:
    """An indicative outline per wijk id (see geometry)."""
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for buurt in Buurt.objects.order_by().values("wijk_id", "latitude", "longitude"):
        points[buurt["wijk_id"]].append((float(buurt["latitude"]), float(buurt["longitude"])))
    return {wijk_id: geometry.outline(pts) for wijk_id, pts in points.items()}
