"""Reads of the initiatieven app; each page gets a constant number of queries."""

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.http import Http404

from buurtkracht.accounts import rules
from initiatieven.models import Behoefte, Cijfer, Eigenaar, Foto, Initiatief, Update

SORTS = {
    "nieuw": [F("published_at").desc(nulls_last=True), "-pk"],
    "actief": [F("last_activity_at").desc(nulls_last=True), "-pk"],
}


def public_initiatieven() -> QuerySet[Initiatief]:
    return Initiatief.objects.filter(status__in=Initiatief.PUBLIC_STATUSES, is_hidden=False)


def initiatief_list(
    *,
    wijk: str = "",
    theme: str = "",
    kind: str = "",
    need: str = "",
    sort: str = "nieuw",
) -> QuerySet[Initiatief]:
    """Published initiatieven for the listing and the API, filtered and sorted.

    wijk: a wijk slug; theme: a ThemeCode; kind: Initiatief.Kind; need: a Behoefte.Kind
    with at least one open need. Unknown sort values fall back to "nieuw".
    """
    qs = public_initiatieven()
    if wijk:
        qs = qs.filter(wijk__slug=wijk)
    if theme:
        qs = qs.filter(
            pk__in=Initiatief.themes.through.objects.filter(thema__code=theme).values(
                "initiatief_id"
            )
        )
    if kind:
        qs = qs.filter(kind=kind)
    if need:
        qs = qs.filter(
            pk__in=Behoefte.objects.filter(kind=need, status=Behoefte.Status.OPEN).values(
                "initiatief_id"
            )
        )
    return (
        qs.select_related("wijk", "buurt")
        .prefetch_related(
            "themes",
            Prefetch("fotos", queryset=Foto.objects.order_by("sort_order", "pk")),
            Prefetch(
                "behoeften",
                queryset=Behoefte.objects.filter(status=Behoefte.Status.OPEN),
                to_attr="open_behoeften",
            ),
        )
        .order_by(*SORTS.get(sort, SORTS["nieuw"]))
    )


def _detail_queryset() -> QuerySet[Initiatief]:
    return Initiatief.objects.select_related("wijk", "buurt").prefetch_related(
        "themes",
        "priorities",
        Prefetch("fotos", queryset=Foto.objects.order_by("sort_order", "pk")),
        "behoeften",
        Prefetch("eigenaarschappen", queryset=Eigenaar.objects.select_related("user")),
    )


def initiatief_for_view(*, slug: str, user) -> Initiatief:
    """The initiatief at ``slug`` when ``user`` may see it: public, or owner or moderator."""
    initiatief = _detail_queryset().filter(slug=slug).first()
    if initiatief is None:
        raise Http404
    if initiatief.is_public:
        return initiatief
    if rules.can(user, rules.INITIATIVE_EDIT, initiatief) or rules.can(
        user, rules.MODERATE, initiatief
    ):
        return initiatief
    raise Http404


def public_initiatief(*, slug: str) -> Initiatief:
    initiatief = _detail_queryset().filter(slug=slug).first()
    if initiatief is None or not initiatief.is_public:
        raise Http404
    return initiatief


def timeline(initiatief: Initiatief) -> QuerySet[Update]:
    return (
        initiatief.updates.filter(is_hidden=False)
        .select_related("author")
        .prefetch_related("cijfers", "fotos")
        .order_by("-created_at", "-pk")
    )


def impact(initiatief: Initiatief) -> list[dict]:
    """The figures of all visible updates summed per kind (and per own label)."""
    rows = (
        Cijfer.objects.filter(update__initiatief=initiatief, update__is_hidden=False)
        .values("kind", "label")
        .annotate(total=Sum("value"))
        .order_by("kind", "label")
    )
    return _impact_rows(rows)


def impact_of(updates: list[Update]) -> list[dict]:
    """``impact`` from a loaded ``timeline`` (its figures prefetched): no query."""
    totals: dict[tuple[str, str], int] = {}
    for update in updates:
        for cijfer in update.cijfers.all():
            key = (cijfer.kind, cijfer.label)
            totals[key] = totals.get(key, 0) + cijfer.value
    rows = [{"kind": k, "label": label, "total": total} for (k, label), total in totals.items()]
    return _impact_rows(sorted(rows, key=lambda row: (row["kind"], row["label"])))


def _impact_rows(rows) -> list[dict]:
    labels = dict(Cijfer.Kind.choices)
    return [
        {
            "kind": row["kind"],
            "label": row["label"]
            if row["kind"] == Cijfer.Kind.ANDERS
            else str(labels[row["kind"]]),
            "total": row["total"],
        }
        for row in rows
    ]


def mine(user) -> QuerySet[Initiatief]:
    """Every initiatief ``user`` owns, in any status."""
    return (
        Initiatief.objects.filter(eigenaarschappen__user=user)
        .select_related("wijk")
        .annotate(open_needs=Count("behoeften", filter=Q(behoeften__status=Behoefte.Status.OPEN)))
        .order_by("-updated_at")
    )


def wijk_initiatieven(*, wijk, limit: int = 4) -> list[Initiatief]:
    return list(initiatief_list(wijk=wijk.slug, sort="actief")[:limit])


def followed(user) -> QuerySet[Initiatief]:
    """The public initiatieven ``user`` follows."""
    return public_initiatieven().filter(volgers__user=user).select_related("wijk").order_by("title")
