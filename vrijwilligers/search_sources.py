"""Open vacatures for search: open, not expired, of a public initiatief or organisation."""

from __future__ import annotations

from django.utils import timezone
from django.utils.text import capfirst

from initiatieven.models import Initiatief
from search import registry
from search.types import GeoPoint, SearchDocument
from vrijwilligers.models import Vacature
from vrijwilligers.queries import SUITS, vacature_list
from vrijwilligers.skills import Skill


def _point(vacature: Vacature) -> GeoPoint | None:
    for area in (vacature.buurt, vacature.wijk):
        if area is not None and area.latitude is not None and area.longitude is not None:
            return GeoPoint(float(area.latitude), float(area.longitude))
    return None


def _popularity(vacature: Vacature) -> float:
    """New vacatures first among equals: 3 in the first two weeks, fading over 90 days."""
    days = (timezone.now() - vacature.created_at).days
    return round(max(0.0, 3.0 * (1 - days / 90)), 3)


class VacaturesSource:
    label = "vrijwilligers"
    # An initiatief that is hidden or unpublished takes its vacatures with it.
    models = (Vacature, Initiatief)

    def queryset(self):
        return vacature_list().order_by("pk")

    def document(self, obj: Vacature) -> SearchDocument:
        themes = sorted(obj.themes.all(), key=lambda t: t.code)
        skills = [s for s in obj.skills if s in Skill.values]
        return SearchDocument(
            key=f"vacature-{obj.pk}",
            type="vacature",
            title=obj.title,
            url=obj.get_absolute_url(),
            summary=obj.organisation_label,
            body=" ".join(f"{obj.description} {obj.tasks} {' '.join(obj.free_tags)}".split()),
            wijk=obj.wijk.slug if obj.wijk else "",
            wijk_label=obj.wijk.name if obj.wijk else "",
            buurt=obj.buurt.slug if obj.buurt else "",
            buurt_label=obj.buurt.name if obj.buurt else "",
            themes=[t.code for t in themes],
            theme_labels=[str(t.label) for t in themes],
            needs=["mensen"],
            skills=skills,
            suitable_for=[value for value, field in SUITS.items() if getattr(obj, field)],
            location=_point(obj),
            updated_at=obj.updated_at,
            popularity=_popularity(obj),
        )

    def documents(self):
        for obj in self.queryset().iterator(chunk_size=500):
            yield self.document(obj)

    def documents_for(self, instance):
        if isinstance(instance, Initiatief):
            pks = list(
                Vacature.objects.filter(initiatief_id=instance.pk).values_list("pk", flat=True)
            )
        else:
            pks = [instance.pk]
        found = {v.pk: v for v in self.queryset().filter(pk__in=pks)}
        docs = [self.document(found[pk]) for pk in pks if pk in found]
        return docs, [f"vacature-{pk}" for pk in pks if pk not in found]


registry.register(VacaturesSource())
registry.register_facet_labels("type", {"vacature": capfirst(Vacature._meta.verbose_name)})
registry.register_facet_labels("skill", dict(Skill.choices))
registry.register_facet_labels(
    "suitable_for",
    {
        value: capfirst(Vacature._meta.get_field(field).verbose_name)
        for value, field in SUITS.items()
    },
)
