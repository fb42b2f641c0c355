"""The sociale kaart: every wijk, one wijk, and the CSV export for district staff."""

from __future__ import annotations

from collections import defaultdict
from functools import wraps
from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from buurtkracht.accounts import rules
from buurtkracht.areas.models import Wijk
from search.kaart.export import kaart_csv
from search.kaart.mapdata import map_data, tile_settings
from search.kaart.measures import NO_THEME_LABEL
from search.kaart.queries import SEARCH_DAYS, kaart_items, kaart_overview, kaart_themes


def _allow_tiles(view):
    """Let the page load map tiles from the configured tile server, and nothing else."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        tiles = tile_settings()
        if tiles:
            parts = urlsplit(tiles["url"])
            if parts.scheme in ("http", "https") and parts.netloc:
                origin = f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"
                response._csp_update = {"img-src": [origin]}
        return response

    return wrapped


def _group(items, themes) -> dict:
    """The lists of a wijk: items by kind, initiatives also by theme (none last).

    Each entry is {"item": MapItem, "themes": [theme labels]}.
    """
    labels = dict(themes)
    by_kind = defaultdict(list)
    for item in items:
        entry = {"item": item, "themes": [labels[t] for t in item.themes if t in labels]}
        by_kind[item.kind].append(entry)
    by_theme = []
    for code, label in [*themes, ("", NO_THEME_LABEL)]:
        listed = [
            entry
            for entry in by_kind["initiatief"]
            if (code in entry["item"].themes if code else not entry["themes"])
        ]
        if listed:
            by_theme.append({"code": code, "label": label, "entries": listed})
    return {
        "initiatieven_by_theme": by_theme,
        "wijkondernemingen": by_kind["wijkonderneming"],
        "locaties": by_kind["locatie"],
        "vacatures": by_kind["vacature"],
    }


def _crumbs(*extra) -> list:
    return [(_("Home"), "/"), (_("Sociale kaart"), reverse("sociale_kaart:index")), *extra]


@require_GET
@_allow_tiles
def index(request):
    overview = kaart_overview()
    wijken = [kaart.wijk for kaart in overview.kaarten]
    items = kaart_items()
    return render(
        request,
        "sociale_kaart/index.html",
        {
            "overview": overview,
            "map": map_data(wijken=wijken, items=items),
            "crumbs": _crumbs()[:-1] + [(_("Sociale kaart"), "")],
            "search_days": SEARCH_DAYS,
            "can_export": any(
                rules.can(request.user, rules.SOCIALEKAART_STAFF_VIEW, w) for w in wijken
            ),
        },
    )


@require_GET
@_allow_tiles
def wijk(request, slug: str):
    wijk_obj = get_object_or_404(Wijk, slug=slug)
    kaart = kaart_overview(wijk_obj).kaarten[0]
    items = kaart_items(wijk_obj.slug)
    return render(
        request,
        "sociale_kaart/wijk.html",
        {
            "kaart": kaart,
            "wijk": wijk_obj,
            "lists": _group(items, kaart_themes()),
            "map": map_data(wijken=Wijk.objects.order_by("name"), items=items, focus=wijk_obj),
            "is_staff": rules.can(request.user, rules.SOCIALEKAART_STAFF_VIEW, wijk_obj),
            "crumbs": _crumbs((wijk_obj.name, "")),
            "search_days": SEARCH_DAYS,
        },
    )


@require_GET
@login_required
def export(request, slug: str = ""):
    """The CSV of one wijk, or of every wijk the user may see as staff (403 for none)."""
    if slug:
        wijk_obj = get_object_or_404(Wijk, slug=slug)
        rules.require(request.user, rules.SOCIALEKAART_STAFF_VIEW, wijk_obj)
        kaarten = kaart_overview(wijk_obj).kaarten
        return kaart_csv(kaarten, f"sociale-kaart-{wijk_obj.slug}.csv")
    overview = kaart_overview()
    kaarten = [
        kaart
        for kaart in overview.kaarten
        if rules.can(request.user, rules.SOCIALEKAART_STAFF_VIEW, kaart.wijk)
    ]
    if not kaarten:
        raise PermissionDenied(_("Alleen medewerkers van het stadsdeel kunnen dit downloaden."))
    return kaart_csv(kaarten, "sociale-kaart.csv")


def wijk_section(*, wijk, request) -> dict:
    """The link from a wijk page to its sociale kaart (buurtkracht.home.sections)."""
    return {"url": reverse("sociale_kaart:wijk", kwargs={"slug": wijk.slug})}
