"""Every non-trivial read of the vrijwilligers app, and the bridge to the matcher."""

from collections import defaultdict
from decimal import Decimal

from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vrijwilligers import matching
from vrijwilligers.availability import mask_from_codes
from vrijwilligers.models import Profiel, Reactie, Uren, Vacature

WHEN_MASKS = {
    "ochtend": sum(1 << (d * 3) for d in range(7)),
    "middag": sum(1 << (d * 3 + 1) for d in range(7)),
    "avond": sum(1 << (d * 3 + 2) for d in range(7)),
    "weekend": mask_from_codes(
        ["za-ochtend", "za-middag", "za-avond", "zo-ochtend", "zo-middag", "zo-avond"]
    ),
}
SUITS = {
    "beginners": "suits_beginners",
    "beperking": "suits_disability",
    "nieuwkomers": "suits_newcomers",
    "jongeren": "suits_youth",
}


def _has_skill(skill: str) -> Q:
    """Vacatures asking for ``skill``: JSON containment on PostgreSQL; SQLite (``make run``)
    has none, so there the code is found quoted in the stored JSON text (codes are ascii)."""
    if connection.vendor == "postgresql":
        return Q(skills__contains=[skill])
    return Q(skills__icontains=f'"{skill}"')


def _with_related(vacatures: QuerySet) -> QuerySet:
    return vacatures.select_related("initiatief", "wijk", "buurt").prefetch_related("themes")


def vacature_list(
    *, wijk=None, skill: str = "", theme: str = "", when: str = "", suits: str = "", q: str = ""
) -> QuerySet[Vacature]:
    """Open vacatures (public initiatieven only), newest first, with the listing filters."""
    vacatures = Vacature.objects.open().filter(
        Q(initiatief__isnull=True)
        | Q(initiatief__status__in=["gepubliceerd", "afgerond"], initiatief__is_hidden=False)
    )
    if wijk is not None:
        vacatures = vacatures.filter(Q(wijk=wijk) | Q(is_remote=True))
    if skill:
        vacatures = vacatures.filter(_has_skill(skill))
    if theme:
        vacatures = vacatures.filter(themes__code=theme)
    if when == "eenmalig" or when == "terugkerend":
        vacatures = vacatures.filter(time_kind=when)
    elif when in WHEN_MASKS:
        vacatures = vacatures.annotate(
            when_bits=F("availability_mask").bitand(WHEN_MASKS[when])
        ).filter(Q(when_bits__gt=0) | Q(availability_mask=0))
    if suits in SUITS:
        vacatures = vacatures.filter(**{SUITS[suits]: True})
    if q:
        vacatures = vacatures.filter(Q(title__icontains=q) | Q(description__icontains=q))
    return (
        _with_related(vacatures)
        .annotate(filled=Count("reacties", filter=Q(reacties__status=Reactie.Status.GEACCEPTEERD)))
        .distinct()
        .order_by("-created_at", "-pk")
    )


def vacature_get(pk: int) -> Vacature | None:
    return (
        _with_related(Vacature.objects.filter(pk=pk))
        .annotate(filled=Count("reacties", filter=Q(reacties__status=Reactie.Status.GEACCEPTEERD)))
        .first()
    )


def vacature_is_visible(vacature: Vacature) -> bool:
    return vacature.initiatief_id is None or vacature.initiatief.is_public


def _point(obj) -> tuple[float, float] | None:
    buurt = getattr(obj, "buurt", None)
    if buurt is not None:
        return (float(buurt.latitude), float(buurt.longitude))
    wijk = getattr(obj, "wijk", None)
    if wijk is not None:
        return (float(wijk.latitude), float(wijk.longitude))
    return None


def vacature_features(vacature: Vacature) -> matching.Features:
    return matching.vacature_features(
        vacature, theme_codes=[t.code for t in vacature.themes.all()], point=_point(vacature)
    )


def profiel_features(profiel: Profiel) -> matching.Features:
    return matching.profiel_features(
        profiel, theme_codes=[t.code for t in profiel.themes.all()], point=_point(profiel)
    )


def profiel_get(user) -> Profiel | None:
    if not user.is_authenticated:
        return None
    return (
        Profiel.objects.select_related("buurt__wijk")
        .prefetch_related("themes")
        .filter(user=user)
        .first()
    )


def voor_jou(profiel: Profiel, *, limit: int = 20) -> list[dict]:
    """Open vacatures ranked for this volunteer (best first, ties by id), with explanation."""
    # Left out: what they already responded to (see "Mijn reacties") and their own.
    candidates = (
        vacature_list().exclude(reacties__volunteer=profiel.user_id).exclude(owner=profiel.user_id)
    )
    vacatures = {v.pk: v for v in candidates}
    if not vacatures:
        return []
    vol = profiel_features(profiel)
    features = {v.pk: vacature_features(v) for v in vacatures.values()}
    ranked = matching.VacatureMatrix(list(features.values())).top(vol, limit)
    return [
        {
            "vacature": vacatures[pk],
            "score": value,
            "explanation": matching.explain(features[pk], vol),
        }
        for value, pk in ranked
    ]


def volunteers_for(vacature: Vacature, *, limit: int = 20) -> list[dict]:
    """Opted-in, visible volunteers ranked for a vacature: public name, wijk, matched skills.

    Never an e-mail address or postcode: owners contact them only through a response.
    """
    profielen = {
        p.pk: p
        for p in Profiel.objects.filter(contactable=True, is_hidden=False, user__is_active=True)
        .exclude(user=vacature.owner_id)
        .select_related("user", "buurt__wijk")
        .prefetch_related("themes")
    }
    vac = vacature_features(vacature)
    ranked = matching.rank(
        vac,
        [profiel_features(p) for p in profielen.values()],
        limit=limit,
        target_is_volunteer=False,
    )
    return [
        {
            "name": profielen[vol.id].user.public_name,
            "wijk": profielen[vol.id].buurt.wijk.name if profielen[vol.id].buurt_id else "",
            "skills": matching.matched_skills(vac, vol),
            "score": value,
            "explanation": matching.explain(vac, vol),
        }
        for value, vol in ranked
    ]


def vacatures_managed_by(user) -> QuerySet[Vacature]:
    reacties = Reactie.objects.select_related("volunteer").prefetch_related(
        Prefetch("uren", queryset=Uren.objects.order_by("-date", "-pk"))
    )
    return (
        Vacature.objects.filter(Q(owner=user) | Q(initiatief__owners=user))
        .distinct()
        .select_related("initiatief", "wijk")
        .prefetch_related(Prefetch("reacties", queryset=reacties))
        .order_by("-created_at", "-pk")
    )


def reacties_of(user) -> QuerySet[Reactie]:
    return (
        Reactie.objects.filter(volunteer=user)
        .select_related("vacature__initiatief", "vacature__owner")
        .prefetch_related("uren", "vacature__initiatief__owners")
        .order_by("-created_at")
    )


def vacature_links_for_needs(need_list) -> dict:
    """needs provider: open vacatures under an initiatief's "mensen" needs."""
    from initiatieven.needs import NeedLink

    by_need = defaultdict(list)
    vacatures = (
        Vacature.objects.open()
        .filter(behoefte__in=need_list)
        .annotate(filled=Count("reacties", filter=Q(reacties__status=Reactie.Status.GEACCEPTEERD)))
    )
    for vacature in vacatures:
        left = max(vacature.places - vacature.filled, 0)
        by_need[vacature.behoefte_id].append(
            NeedLink(
                label=vacature.title,
                url=vacature.get_absolute_url(),
                detail=ngettext("%(n)s plek vrij", "%(n)s plekken vrij", left) % {"n": left},
            )
        )
    return dict(by_need)


def places_label(vacature: Vacature) -> str:
    filled = getattr(vacature, "filled", 0)
    if filled >= vacature.places:
        return _("vol")
    left = vacature.places - filled
    return ngettext("nog %(n)s plek", "nog %(n)s plekken", left) % {"n": left}


def confirmed_hours_total() -> Decimal:
    return Uren.objects.filter(status=Uren.Status.BEVESTIGD).aggregate(
        total=Sum("confirmed_hours")
    )["total"] or Decimal(0)


def wijk_section_context(*, wijk, request) -> dict:
    """The wijk page's section: the four newest open vacatures in the wijk."""
    vacatures = vacature_list().filter(wijk=wijk)
    latest = list(vacatures[:4])
    for vacature in latest:
        vacature.places_label = places_label(vacature)
    return {"vacatures": latest, "count": vacatures.count()}
