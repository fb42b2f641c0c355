"""What initiatieven hand to the sociale kaart: active initiatives and wijkondernemingen
by theme (offer) and their open needs by kind and theme (demand).

Only published, not hidden initiatives count ("afgerond" ones no longer run, so they are
no offer). A marker stands in the middle of the initiative's buurt (or wijk), never on
its own address, which may be someone's home.
"""

from django.db.models import Count, Q

from initiatieven.models import Behoefte, Initiatief, ThemeCode
from search.kaart.registry import ALL_THEMES, MapItem, Tally, register
from search.types import GeoPoint

_MEASURE_OF_KIND = {
    Initiatief.Kind.INITIATIEF: "initiatieven",
    Initiatief.Kind.WIJKONDERNEMING: "wijkondernemingen",
}
_NEED_MEASURES = {kind: f"behoeften:{kind}" for kind in Behoefte.Kind.values}
_MEASURES = (*_MEASURE_OF_KIND.values(), *_NEED_MEASURES.values())


def _alias(measure: str) -> str:
    return measure.replace(":", "_")  # a safe SQL column alias


def _active(wijk: str):
    qs = Initiatief.objects.filter(status=Initiatief.Status.GEPUBLICEERD, is_hidden=False)
    return qs.filter(wijk__slug=wijk) if wijk else qs


def _counts() -> dict:
    open_need = Q(behoeften__status=Behoefte.Status.OPEN)
    counts = {
        _alias(measure): Count("pk", filter=Q(kind=kind), distinct=True)
        for kind, measure in _MEASURE_OF_KIND.items()
    }
    for kind, measure in _NEED_MEASURES.items():
        counts[_alias(measure)] = Count(
            "behoeften", filter=open_need & Q(behoeften__kind=kind), distinct=True
        )
    return counts


def _tallies(rows, theme_of) -> list[Tally]:
    return [
        Tally(
            measure=measure,
            wijk=row["wijk__slug"],
            theme=theme_of(row),
            count=row[_alias(measure)],
        )
        for row in rows
        for measure in _MEASURES
        if row[_alias(measure)]
    ]


class InitiatievenSocialMap:
    label = "initiatieven"
    models = (Initiatief, Behoefte, Initiatief.themes.through)

    def themes(self) -> list[tuple[str, str]]:
        return list(ThemeCode.choices)

    def tallies(self, *, wijk: str = "") -> list[Tally]:
        # Two queries: per wijk (each initiative once) and per wijk and theme.
        per_wijk = _active(wijk).values("wijk__slug").annotate(**_counts()).order_by()
        per_theme = (
            _active(wijk).values("wijk__slug", "themes__code").annotate(**_counts()).order_by()
        )
        return _tallies(per_wijk, lambda row: ALL_THEMES) + _tallies(
            per_theme, lambda row: row["themes__code"] or ""
        )

    def items(self, *, wijk: str = "") -> list[MapItem]:
        initiatieven = (
            _active(wijk)
            .select_related("wijk", "buurt")
            .prefetch_related("themes")
            .order_by("title", "pk")
        )
        items = []
        for initiatief in initiatieven:
            place = initiatief.buurt or initiatief.wijk
            items.append(
                MapItem(
                    kind="wijkonderneming" if initiatief.is_wijkonderneming else "initiatief",
                    key=f"initiatief-{initiatief.pk}",
                    title=initiatief.title,
                    url=initiatief.get_absolute_url(),
                    wijk=initiatief.wijk.slug,
                    themes=tuple(thema.code for thema in initiatief.themes.all()),
                    point=GeoPoint(float(place.latitude), float(place.longitude)),
                )
            )
        return items


register(InitiatievenSocialMap())
