"""What vrijwilligers hands to the sociale kaart: open vacatures.

A vacature is both offer (something to do for a volunteer) and demand (people wanted);
the kaart decides how to show that. Only open vacatures of public initiatives (or of an
organisation) count, as on the vacature listing. The wijk is the vacature's own, else its
initiative's; the themes are the vacature's own, else its initiative's. Remote vacatures
without a wijk are in no wijk. A marker stands in the middle of the buurt (or wijk).
"""

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce

from search.kaart.registry import ALL_THEMES, MapItem, Tally, register
from search.types import GeoPoint
from vrijwilligers.models import Vacature

PUBLIC_INITIATIEF = Q(initiatief__isnull=True) | Q(
    initiatief__status__in=["gepubliceerd", "afgerond"], initiatief__is_hidden=False
)


def _open(wijk: str):
    qs = Vacature.objects.open().filter(PUBLIC_INITIATIEF)
    if wijk:
        qs = qs.filter(Q(wijk__slug=wijk) | Q(wijk__isnull=True, initiatief__wijk__slug=wijk))
    return qs


class VrijwilligersSocialMap:
    label = "vrijwilligers"
    models = (Vacature, Vacature.themes.through)

    def themes(self) -> list[tuple[str, str]]:
        return []

    def tallies(self, *, wijk: str = "") -> list[Tally]:
        wijk_slug = Coalesce("wijk__slug", "initiatief__wijk__slug")
        per_wijk = (
            _open(wijk)
            .annotate(wijk_slug=wijk_slug)
            .filter(wijk_slug__isnull=False)
            .values("wijk_slug")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        # Own themes win; the initiative's themes only count when the vacature has none.
        per_theme = (
            _open(wijk)
            .annotate(
                wijk_slug=wijk_slug,
                theme=Coalesce(F("themes__code"), F("initiatief__themes__code")),
            )
            .filter(wijk_slug__isnull=False)
            .values("wijk_slug", "theme")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        tallies = [
            Tally(measure="vacatures", wijk=row["wijk_slug"], theme=ALL_THEMES, count=row["n"])
            for row in per_wijk
        ]
        tallies += [
            Tally(
                measure="vacatures", wijk=row["wijk_slug"], theme=row["theme"] or "", count=row["n"]
            )
            for row in per_theme
        ]
        return tallies

    def items(self, *, wijk: str = "") -> list[MapItem]:
        vacatures = (
            _open(wijk)
            .select_related("wijk", "buurt", "initiatief__wijk", "initiatief__buurt")
            .prefetch_related("themes", "initiatief__themes")
            .order_by("title", "pk")
        )
        items = []
        for vacature in vacatures:
            initiatief = vacature.initiatief
            wijk_obj = vacature.wijk or (initiatief.wijk if initiatief else None)
            if wijk_obj is None:
                continue  # remote, in no wijk
            place = vacature.buurt or (initiatief.buurt if initiatief else None) or wijk_obj
            themes = [thema.code for thema in vacature.themes.all()]
            if not themes and initiatief is not None:
                themes = [thema.code for thema in initiatief.themes.all()]
            items.append(
                MapItem(
                    kind="vacature",
                    key=f"vacature-{vacature.pk}",
                    title=vacature.title,
                    url=vacature.get_absolute_url(),
                    wijk=wijk_obj.slug,
                    themes=tuple(themes),
                    point=GeoPoint(float(place.latitude), float(place.longitude)),
                    category=vacature.organisation_label,
                )
            )
        return items


register(VrijwilligersSocialMap())
