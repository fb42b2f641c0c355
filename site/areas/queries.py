"""Reads for areas: postcode lookup and wijk/buurt lists."""

import re

from django.db.models import Prefetch, QuerySet

from buurtkracht.areas.models import Buurt, Postcode, Wijk

# Four digits (no leading zero), optionally followed by two letters: 1053, 1053AB.
POSTCODE = re.compile(r"^([1-9][0-9]{3})([A-Z]{2})?$")


def postcode_normalise(postcode) -> str | None:
    """The 4-digit part of a Dutch postcode, or None when it is not one.

    Accepts "1053", "1053 AB", "1053ab" and surrounding spaces.
    """
    if not isinstance(postcode, str):
        return None
    match = POSTCODE.match(re.sub(r"\s+", "", postcode).upper())
    return match.group(1) if match else None


def postcode_lookup(postcode: str) -> Buurt | None:
    """The buurt most addresses of this postcode fall in; None for unknown or invalid input."""
    code = postcode_normalise(postcode)
    if code is None:
        return None
    found = Postcode.objects.select_related("buurt__wijk").filter(code=code).first()
    return found.buurt if found else None


def wijk_list() -> QuerySet[Wijk]:
    """All wijken with their buurten prefetched (ordered by name)."""
    return Wijk.objects.prefetch_related(
        Prefetch("buurten", queryset=Buurt.objects.order_by("name"))
    ).order_by("name")


def buurt_list(*, wijk: Wijk | None = None) -> QuerySet[Buurt]:
    """Buurten with their wijk, optionally those of one wijk."""
    buurten = Buurt.objects.select_related("wijk").order_by("wijk__name", "name")
    if wijk is not None:
        buurten = buurten.filter(wijk=wijk)
    return buurten


def wijk_get(*, slug: str) -> Wijk | None:
    """The wijk with this slug, or None."""
    if not isinstance(slug, str) or not slug:
        return None
    return Wijk.objects.filter(slug=slug).first()
