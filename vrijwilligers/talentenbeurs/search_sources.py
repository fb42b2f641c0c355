"""Published, upcoming Talentenbeurs events for search (type "activiteit")."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.text import capfirst

from search import registry
from search.types import SearchDocument
from vrijwilligers.talentenbeurs.models import Tafel, Talentenbeurs
from vrijwilligers.talentenbeurs.queries import beurs_public_list


class TalentenbeursSource:
    label = "talentenbeurs"
    models = (Talentenbeurs, Tafel)

    def queryset(self):
        return (
            beurs_public_list()
            .filter(date__gte=timezone.localdate())
            .prefetch_related("tafels")
            .order_by("pk")
        )

    def document(self, beurs: Talentenbeurs) -> SearchDocument:
        # Organisations and what they offer make the beurs findable; contacts never.
        tables = " ".join(f"{t.organisation} {t.description}" for t in beurs.tafels.all())
        starts = timezone.make_aware(datetime.combine(beurs.date, beurs.start_time))
        return SearchDocument(
            key=f"talentenbeurs-{beurs.pk}",
            type="activiteit",
            title=beurs.title,
            url=beurs.get_absolute_url(),
            summary=beurs.location,
            body=" ".join(f"{beurs.description} {tables}".split()),
            starts_at=starts,
            updated_at=beurs.created_at,
            popularity=3.0 if beurs.registration_open else 1.0,
        )

    def documents(self):
        for beurs in self.queryset():
            yield self.document(beurs)

    def documents_for(self, instance):
        pk = instance.pk if isinstance(instance, Talentenbeurs) else instance.beurs_id
        found = self.queryset().filter(pk=pk).first()
        return ([self.document(found)], []) if found else ([], [f"talentenbeurs-{pk}"])


registry.register(TalentenbeursSource())
registry.register_facet_labels("type", {"activiteit": capfirst(Talentenbeurs._meta.verbose_name)})
