"""Places for "in de buurt van": a postcode's point and distances."""

from __future__ import annotations

import math

from buurtkracht.areas.queries import postcode_lookup
from search.types import GeoPoint


def postcode_point(postcode: str) -> GeoPoint | None:
    """The centre of the buurt the postcode lies in; None when unknown or invalid."""
    if not postcode or len(postcode) > 20:
        return None
    buurt = postcode_lookup(postcode)
    if buurt is None or buurt.latitude is None or buurt.longitude is None:
        return None
    return GeoPoint(float(buurt.latitude), float(buurt.longitude))


def distance_km(a: GeoPoint, b: GeoPoint) -> float:
    """Great-circle distance (haversine), good to metres at city scale."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))
