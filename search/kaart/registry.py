"""The registry through which apps hand their offer and demand to the sociale kaart (STYLE §2).

Each app puts a provider in a module ``social_map.py`` and calls :func:`register` there;
``SocialeKaartConfig.ready()`` imports every app's module, so the kaart never imports an
app. Providers pass codes (measures, kinds, theme codes) and the kaart keeps the labels,
so its wording lives in one catalogue.

Only published, visible content may be counted or listed, and a map point must be a
public place (a location's own address, or the middle of a buurt), never a home address.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from django.db.models import Model

from search.types import GeoPoint

# Measures a provider may count (labels in search.kaart.measures).
OFFER_MEASURES = ("initiatieven", "wijkondernemingen", "locaties", "ruimtes")
NEED_KINDS = ("mensen", "ruimte", "geld", "spullen")
DEMAND_MEASURES = ("vacatures", *(f"behoeften:{kind}" for kind in NEED_KINDS))
MEASURES = (*OFFER_MEASURES, *DEMAND_MEASURES)

# Kinds of listed items (labels in search.kaart.measures).
ITEM_KINDS = ("initiatief", "wijkonderneming", "locatie", "vacature")

# The ``theme`` of a tally that counts every item of a wijk once, whatever its themes.
ALL_THEMES = "*"


@dataclass(frozen=True)
class Tally:
    """How many items of ``measure`` a wijk has in a theme.

    ``theme`` is a theme code, "" for items without a theme, or :data:`ALL_THEMES` for
    the wijk's total (an item with two themes counts once there, once in each theme).
    """

    measure: str
    wijk: str  # a wijk slug
    theme: str
    count: int


@dataclass(frozen=True)
class MapItem:
    """One listed item of the offer; on the map when it has a ``point``."""

    kind: str  # one of ITEM_KINDS
    key: str  # unique over all providers, e.g. "initiatief-12"
    title: str
    url: str
    wijk: str  # a wijk slug
    themes: tuple[str, ...] = ()
    point: GeoPoint | None = None
    category: str = ""  # a display label of a subtype, e.g. "Buurtkamer"
    children: tuple[tuple[str, str], ...] = ()  # (title, url), e.g. a location's rooms


class SocialMapProvider(Protocol):
    label: str  # unique, e.g. "initiatieven"
    models: tuple[type[Model], ...]  # saving or deleting one of these clears the cached kaart

    def themes(self) -> list[tuple[str, str]]:
        """The themes this provider knows, as (code, label); [] when it has none."""

    def tallies(self, *, wijk: str = "") -> Iterable[Tally]:
        """Counts per wijk and theme, for one wijk slug or (empty) every wijk.

        A constant number of queries, whatever the number of rows.
        """

    def items(self, *, wijk: str = "") -> Iterable[MapItem]:
        """The listed items, for one wijk slug or (empty) every wijk; constant queries."""


_providers: dict[str, SocialMapProvider] = {}


def register(provider: SocialMapProvider) -> SocialMapProvider:
    if provider.label in _providers:
        raise ValueError(f"sociale kaart provider {provider.label!r} registered twice")
    _providers[provider.label] = provider
    return provider


def providers() -> list[SocialMapProvider]:
    return list(_providers.values())
