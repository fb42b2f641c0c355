"""What the buurtbudget adds to other pages: the wijk page and an initiatief's money needs."""

from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _

from initiatieven import needs

from . import queries
from .models import Aanvraag


def wijk_section_context(*, wijk, request) -> dict | None:
    year = queries.current_year()
    budgets = list(queries.budgets_for(year=year, wijk=wijk))
    if not budgets:
        return None
    return {
        "year": year,
        "totals": queries.totals(budgets, [], []),
        "url": reverse("buurtbudget:wijk", args=[wijk.slug]),
    }


def geld_links(need_list) -> dict[int, list[needs.NeedLink]]:
    """Under a money need: what the buurtbudget granted to this initiatief, or where to look."""
    by_initiatief = defaultdict(list)
    for need in need_list:
        by_initiatief[need.initiatief_id].append(need)
    granted = defaultdict(list)
    for aanvraag in Aanvraag.objects.filter(
        initiatief_id__in=by_initiatief, status=Aanvraag.Status.TOEGEKEND
    ).select_related("buurt"):
        granted[aanvraag.initiatief_id].append(aanvraag)
    links: dict[int, list[needs.NeedLink]] = {}
    for initiatief_id, initiatief_needs in by_initiatief.items():
        for aanvraag in granted.get(initiatief_id, []):
            link = needs.NeedLink(
                label=_("Buurtbudget %(buurt)s") % {"buurt": aanvraag.buurt.name},
                url=reverse("buurtbudget:buurt", args=[aanvraag.buurt.slug]),
                detail=_("€ %(amount)s toegekend") % {"amount": aanvraag.amount},
            )
            for need in initiatief_needs:
                links.setdefault(need.pk, []).append(link)
    return links
