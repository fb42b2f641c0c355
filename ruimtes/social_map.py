"""What ruimtes hands to the sociale kaart: locations and their bookable rooms (offer).

Locations are public places (centres, Huizen van de Buurt, buurtkamers), so their own
point is shown. Rooms link to their booking page; a location without a point is listed
but not put on the map.
"""

from django.db.models import Count, Prefetch, Q
from django.urls import reverse

from ruimtes.models import Locatie, Ruimte
from search.kaart.registry import ALL_THEMES, MapItem, Tally, register
from search.types import GeoPoint


def _locaties(wijk: str):
    qs = Locatie.objects.all()
    return qs.filter(wijk__slug=wijk) if wijk else qs


class RuimtesSocialMap:
    label = "ruimtes"
    models = (Locatie, Ruimte)

    def themes(self) -> list[tuple[str, str]]:
        return []

    def tallies(self, *, wijk: str = "") -> list[Tally]:
        rows = (
            _locaties(wijk)
            .values("wijk__slug")
            .annotate(
                locaties=Count("pk", distinct=True),
                ruimtes=Count("ruimtes", filter=Q(ruimtes__is_bookable=True), distinct=True),
            )
            .order_by()
        )
        return [
            Tally(measure=measure, wijk=row["wijk__slug"], theme=ALL_THEMES, count=row[measure])
            for row in rows
            for measure in ("locaties", "ruimtes")
            if row[measure]
        ]

    def items(self, *, wijk: str = "") -> list[MapItem]:
        locaties = (
            _locaties(wijk)
            .select_related("wijk")
            .prefetch_related(
                Prefetch(
                    "ruimtes",
                    queryset=Ruimte.objects.filter(is_bookable=True).order_by("name", "pk"),
                )
            )
            .order_by("name", "pk")
        )
        items = []
        for locatie in locaties:
            point = None
            if locatie.latitude is not None and locatie.longitude is not None:
                point = GeoPoint(float(locatie.latitude), float(locatie.longitude))
            rooms = tuple((room.name, room.get_absolute_url()) for room in locatie.ruimtes.all())
            items.append(
                MapItem(
                    kind="locatie",
                    key=f"locatie-{locatie.pk}",
                    title=locatie.name,
                    # No page of its own: the first room, else the room finder of the wijk.
                    url=rooms[0][1]
                    if rooms
                    else f"{reverse('ruimtes:index')}?wijk={locatie.wijk_id}",
                    wijk=locatie.wijk.slug,
                    point=point,
                    category=str(locatie.get_kind_display()),
                    children=rooms,
                )
            )
        return items


register(RuimtesSocialMap())
