"""Locations (centres, buurtkamers) and their bookable rooms for search."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.text import capfirst

from ruimtes.models import Locatie, Ruimte
from search import registry
from search.types import GeoPoint, SearchDocument


def _point(locatie: Locatie) -> GeoPoint | None:
    if locatie.latitude is None or locatie.longitude is None:
        return None
    return GeoPoint(float(locatie.latitude), float(locatie.longitude))


class RuimtesSource:
    label = "ruimtes"
    models = (Locatie, Ruimte)

    def queryset(self):
        bookable = Ruimte.objects.filter(is_bookable=True).prefetch_related("voorzieningen")
        return (
            Locatie.objects.select_related("wijk")
            .prefetch_related(Prefetch("ruimtes", queryset=bookable, to_attr="bookable"))
            .order_by("pk")
        )

    def _locatie(self, loc: Locatie) -> SearchDocument:
        rooms = ", ".join(r.name for r in loc.bookable)
        return SearchDocument(
            key=f"locatie-{loc.pk}",
            type="locatie",
            title=loc.name,
            url=reverse("ruimtes:index") + f"?wijk={loc.wijk_id}#locatie-{loc.slug}",
            summary=f"{loc.get_kind_display()} · {loc.address}",
            body=" ".join(f"{loc.description} {rooms}".split()),
            wijk=loc.wijk.slug,
            wijk_label=loc.wijk.name,
            needs=["ruimte"] if loc.bookable else [],
            location=_point(loc),
            popularity=2.0 if loc.bookable else 0.0,
        )

    def _ruimte(self, loc: Locatie, room: Ruimte) -> SearchDocument:
        features = ", ".join(v.name for v in room.voorzieningen.all())
        return SearchDocument(
            key=f"ruimte-{room.pk}",
            type="ruimte",
            title=f"{room.name} ({loc.name})",
            url=room.get_absolute_url(),
            summary=f"{loc.get_kind_display()} · {loc.address}",
            body=" ".join(f"{features} {loc.description}".split()),
            wijk=loc.wijk.slug,
            wijk_label=loc.wijk.name,
            needs=["ruimte"],
            location=_point(loc),
            popularity=1.0,
        )

    def _for_locatie(self, loc: Locatie) -> list[SearchDocument]:
        return [self._locatie(loc), *[self._ruimte(loc, r) for r in loc.bookable]]

    def documents(self):
        for loc in self.queryset():
            yield from self._for_locatie(loc)

    def documents_for(self, instance):
        locatie_id = instance.pk if isinstance(instance, Locatie) else instance.locatie_id
        rooms = [
            f"ruimte-{pk}"
            for pk in Ruimte.objects.filter(locatie_id=locatie_id).values_list("pk", flat=True)
        ]
        if isinstance(instance, Ruimte):
            rooms.append(f"ruimte-{instance.pk}")
        loc = self.queryset().filter(pk=locatie_id).first()
        docs = self._for_locatie(loc) if loc else []
        keep = {d.key for d in docs}
        removed = [k for k in [f"locatie-{locatie_id}", *rooms] if k not in keep]
        return docs, removed


registry.register(RuimtesSource())
registry.register_facet_labels(
    "type",
    {
        "locatie": capfirst(Locatie._meta.verbose_name),
        "ruimte": capfirst(Ruimte._meta.verbose_name),
    },
)
