"""Reads for the Talentenbeurs pages: constant query counts per page."""

from collections import Counter

from django.db.models import Count, Prefetch, QuerySet

from .models import MATCH_OUTCOMES, Deelnemer, Gesprek, Tafel, Talentenbeurs, Uitkomst


def beurs_public_list() -> QuerySet[Talentenbeurs]:
    return Talentenbeurs.objects.filter(is_published=True).annotate(
        tafel_count=Count("tafels", distinct=True)
    )


def beurs_public_tables(beurs: Talentenbeurs) -> QuerySet[Tafel]:
    """Organisations present: names and offers only, no contact person."""
    return beurs.tafels.only("organisation", "description", "offer_kinds", "beurs_id")


def deelnemer_of(beurs: Talentenbeurs, user) -> Deelnemer | None:
    if not user.is_authenticated:
        return None
    return Deelnemer.objects.filter(beurs=beurs, user=user).first()


def tafel_of(beurs: Talentenbeurs, user) -> Tafel | None:
    if not user.is_authenticated:
        return None
    return Tafel.objects.filter(beurs=beurs, contact=user).first()


def deelnemer_schedule(deelnemer: Deelnemer) -> QuerySet[Gesprek]:
    return deelnemer.gesprekken.select_related("tafel", "beurs").order_by("slot")


def tafel_schedule(tafel: Tafel) -> QuerySet[Gesprek]:
    return tafel.gesprekken.select_related("deelnemer__user", "beurs").order_by("slot")


def beurs_tables_with_talks(beurs: Talentenbeurs) -> QuerySet[Tafel]:
    return beurs.tafels.prefetch_related(
        Prefetch(
            "gesprekken",
            queryset=Gesprek.objects.select_related("deelnemer__user", "beurs").order_by("slot"),
        )
    )


def beurs_unscheduled(beurs: Talentenbeurs) -> QuerySet[Deelnemer]:
    """Residents without any conversation: the organisers route them on by hand."""
    return (
        beurs.deelnemers.filter(gesprekken__isnull=True)
        .select_related("user")
        .order_by("created_at")
    )


def beurs_report(beurs: Talentenbeurs) -> dict:
    """The figures of an event.

    - registered: residents registered; tables: organisations with a table
    - scheduled: conversations in the schedule
    - held: conversations with an outcome other than "niet gehouden"
    - present: residents with at least one conversation held
    - matched: residents with at least one outcome other than "geen" (and "niet
      gehouden"): the "100 residents, 83 matches" figure is matched / present
    - by_kind: conversations per outcome kind
    """
    rows = list(beurs.gesprekken.values_list("deelnemer_id", "outcome"))
    held = [(d, o) for d, o in rows if o and o != Uitkomst.AFWEZIG]
    present = {d for d, _o in held}
    matched = {d for d, o in held if o in MATCH_OUTCOMES}
    counts = Counter(o for _d, o in held)
    return {
        "registered": beurs.deelnemers.count(),
        "tables": beurs.tafels.count(),
        "scheduled": len(rows),
        "recorded": sum(1 for _d, o in rows if o),
        "held": len(held),
        "present": len(present),
        "matched": len(matched),
        "match_percent": round(100 * len(matched) / len(present)) if present else None,
        "by_kind": [
            {"code": value, "label": label, "count": counts.get(value, 0)}
            for value, label in Uitkomst.choices
            if value != Uitkomst.AFWEZIG
        ],
    }
