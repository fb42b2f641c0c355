"""A small known data set for the sociale kaart tests."""

import datetime as dt

from django.utils import timezone

from initiatieven.models import Behoefte, Initiatief
from search.models import Zoekterm
from tests.factories import buurt_in, wijk
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory
from tests.ruimtes.factories import LocatieFactory, RuimteFactory
from tests.vrijwilligers.factories import VacatureFactory


def zoekterm(term: str, wijk_slug: str, *, zero: int, searches: int | None = None, days_ago=0):
    return Zoekterm.objects.create(
        term=term,
        wijk=wijk_slug,
        day=timezone.localdate() - dt.timedelta(days=days_ago),
        searches=searches if searches is not None else zero,
        zero_results=zero,
    )


def known_set() -> dict:
    """De Baarsjes: 2 active initiatives (ontmoeting; ontmoeting+taal), 1 wijkonderneming
    (groen), 3 open needs, 1 location with 2 bookable rooms (1 not bookable), 2 open
    vacatures (taal; none), 3 zero-result searches (2 "taalles", 1 "xyz").
    Hidden, concept, closed and finished things exist too and must not count."""
    baarsjes = wijk("De Baarsjes")
    westerpark = wijk("Westerpark")
    eetclub = InitiatiefFactory(title="Eetclub", themes=["ontmoeting"])
    taalcafe = InitiatiefFactory(title="Taalcafé", themes=["ontmoeting", "taal"])
    tuin = InitiatiefFactory(
        title="Buurttuin BV", kind=Initiatief.Kind.WIJKONDERNEMING, themes=["groen"]
    )
    BehoefteFactory(initiatief=eetclub, kind=Behoefte.Kind.MENSEN)
    BehoefteFactory(initiatief=taalcafe, kind=Behoefte.Kind.GELD, people_wanted=None)
    BehoefteFactory(initiatief=taalcafe, kind=Behoefte.Kind.MENSEN)
    BehoefteFactory(initiatief=eetclub, status=Behoefte.Status.VERVULD)  # fulfilled
    # Not counted: hidden, concept, finished, and their needs.
    hidden = InitiatiefFactory(title="Verborgen", is_hidden=True, themes=["taal"])
    BehoefteFactory(initiatief=hidden)
    concept = InitiatiefFactory(
        title="Concept", status=Initiatief.Status.CONCEPT, published_at=None, themes=["taal"]
    )
    BehoefteFactory(initiatief=concept)
    InitiatiefFactory(title="Afgerond", status=Initiatief.Status.AFGEROND, themes=["sport"])
    # Another wijk.
    InitiatiefFactory(title="Westerpark sport", wijk=westerpark, themes=["sport"])

    locatie = LocatieFactory(name="De Tagerijn", latitude="52.367000", longitude="4.858000")
    RuimteFactory(locatie=locatie, name="Grote zaal")
    RuimteFactory(locatie=locatie, name="Keuken")
    RuimteFactory(locatie=locatie, name="Opslag", is_bookable=False)

    taalmaatje = VacatureFactory(title="Taalmaatje")
    taalmaatje.themes.set(taalcafe.themes.filter(code="taal"))
    VacatureFactory(title="Klusser")  # no theme, no initiative
    VacatureFactory(title="Gesloten", status="gesloten")
    VacatureFactory(title="Verlopen", end_date=timezone.localdate() - dt.timedelta(days=1))
    VacatureFactory(title="Van verborgen", initiatief=hidden, organisation_name="")

    zoekterm("taalles", baarsjes.slug, zero=2, searches=3)
    zoekterm("xyz", baarsjes.slug, zero=1)
    zoekterm("taalles", baarsjes.slug, zero=0, searches=5, days_ago=1)  # found something
    zoekterm("oud", baarsjes.slug, zero=4, days_ago=400)  # too long ago
    zoekterm("schaken", "", zero=2)  # no wijk chosen
    return {
        "baarsjes": baarsjes,
        "westerpark": westerpark,
        "eetclub": eetclub,
        "taalcafe": taalcafe,
        "tuin": tuin,
        "hidden": hidden,
        "locatie": locatie,
        "buurt": buurt_in(baarsjes),
    }
