"""The data the map script reads from the page (a ``json_script`` block, not executable).

Only what the lists show already: titles, links, kinds, public points. No person's name,
e-mail or address; initiatives and vacatures stand in the middle of their buurt.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from search.kaart import geometry
from search.kaart.measures import KIND_LABELS, KIND_LABELS_ONE
from search.kaart.queries import outlines
from search.kaart.registry import ITEM_KINDS, MapItem


def tile_settings() -> dict | None:
    url = getattr(settings, "SOCIALE_KAART_TILE_URL", "")
    if not url:
        return None
    return {"url": url, "attribution": getattr(settings, "SOCIALE_KAART_TILE_ATTRIBUTION", "")}


def map_data(*, wijken, items: list[MapItem], focus=None) -> dict:
    """Outlines of ``wijken`` (``focus`` marked), markers of ``items`` with a point."""
    shapes = outlines()
    placed = [item for item in items if item.point is not None]
    points = geometry.spread([(item.point.lat, item.point.lon) for item in placed])
    return {
        "tiles": tile_settings(),
        "areas": [
            {
                "name": wijk.name,
                "url": reverse("sociale_kaart:wijk", kwargs={"slug": wijk.slug}),
                "focus": focus is not None and wijk.pk == focus.pk,
                "outline": shapes.get(wijk.pk, []),
            }
            for wijk in wijken
        ],
        "markers": [
            {"kind": item.kind, "title": item.title, "url": item.url, "lat": lat, "lon": lon}
            for item, (lat, lon) in zip(placed, points, strict=True)
        ],
        "kinds": [
            {"code": kind, "label": str(KIND_LABELS[kind]), "one": str(KIND_LABELS_ONE[kind])}
            for kind in ITEM_KINDS
        ],
        "text": {
            "map": _("Kaart"),
            "wijk": _("Sociale kaart van %(wijk)s"),
            "outline": _("Indicatieve grens"),
        },
    }
