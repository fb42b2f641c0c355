"""Initiatieven and wijkondernemingen for search: published, public, not hidden."""

from __future__ import annotations

import math

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.html import strip_tags

from initiatieven.models import Behoefte, Initiatief, ThemeCode, Update, Volger
from initiatieven.queries import public_initiatieven
from search import registry
from search.types import GeoPoint, SearchDocument


def activity_score(*, followers: int, updates: int, last_activity, now=None) -> float:
    """0..10: followers and updates count logarithmically, recent activity adds."""
    now = now or timezone.now()
    score = 2 * math.log1p(followers) + math.log1p(updates)
    if last_activity:
        days = (now - last_activity).days
        score += 3 if days <= 30 else 1.5 if days <= 90 else 0
    return round(min(score, 10.0), 3)


def _point(initiatief: Initiatief) -> GeoPoint | None:
    for obj in (initiatief, initiatief.buurt):
        if obj is not None and obj.latitude is not None and obj.longitude is not None:
            return GeoPoint(float(obj.latitude), float(obj.longitude))
    return None


class InitiatievenSource:
    label = "initiatieven"
    models = (Initiatief, Behoefte, Update, Volger)

    def queryset(self):
        return (
            public_initiatieven()
            .select_related("wijk", "buurt")
            .prefetch_related(
                "themes",
                Prefetch(
                    "behoeften",
                    queryset=Behoefte.objects.filter(status=Behoefte.Status.OPEN),
                    to_attr="open_behoeften",
                ),
            )
            .annotate(
                n_followers=Count("volgers", distinct=True),
                n_updates=Count("updates", filter=Q(updates__is_hidden=False), distinct=True),
            )
            .order_by("pk")
        )

    def document(self, obj: Initiatief) -> SearchDocument:
        needs = obj.open_behoeften
        themes = sorted(obj.themes.all(), key=lambda t: t.code)
        body = " ".join(
            [strip_tags(obj.description), obj.earning_model]
            + [f"{n.title} {n.description}" for n in needs]
        )
        return SearchDocument(
            key=f"initiatief-{obj.pk}",
            type=obj.kind,
            title=obj.title,
            url=obj.get_absolute_url(),
            summary=obj.summary,
            body=" ".join(body.split()),
            wijk=obj.wijk.slug,
            wijk_label=obj.wijk.name,
            buurt=obj.buurt.slug if obj.buurt else "",
            buurt_label=obj.buurt.name if obj.buurt else "",
            themes=[t.code for t in themes],
            theme_labels=[str(t.label) for t in themes],
            needs=sorted({n.kind for n in needs}),
            location=_point(obj),
            updated_at=obj.last_activity_at or obj.published_at or obj.updated_at,
            popularity=activity_score(
                followers=obj.n_followers,
                updates=obj.n_updates,
                last_activity=obj.last_activity_at or obj.published_at,
            ),
        )

    def documents(self):
        for obj in self.queryset().iterator(chunk_size=500):
            yield self.document(obj)

    def documents_for(self, instance):
        pk = instance.pk if isinstance(instance, Initiatief) else instance.initiatief_id
        key = f"initiatief-{pk}"
        found = self.queryset().filter(pk=pk).first()
        return ([self.document(found)], []) if found else ([], [key])


registry.register(InitiatievenSource())
registry.register_facet_labels("type", dict(Initiatief.Kind.choices))
registry.register_facet_labels("theme", dict(ThemeCode.choices))
registry.register_facet_labels("need", dict(Behoefte.Kind.choices))
