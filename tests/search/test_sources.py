"""Every source's content is findable, with its facets; what is closed or past is not."""

import datetime

import pytest
from wagtail.models import Site

from buurtkracht.home.models import NewsIndexPage, NewsPage, StandardPage
from tests.factories import wijk
from tests.ruimtes.factories import LocatieFactory, RuimteFactory
from tests.talentenbeurs.factories import TalentenbeursFactory
from tests.vrijwilligers.factories import VacatureFactory
from vrijwilligers.models import Vacature

pytestmark = pytest.mark.django_db


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_vacatures_with_skills_and_suitable_for(search_engine):
    VacatureFactory(
        title="Kookmaatje gezocht", skills=["koken"], suits_beginners=True, suits_youth=True
    )
    VacatureFactory(title="Kookhulp voor de buurtmaaltijd", skills=["koken", "klussen"])
    VacatureFactory(title="Koken gesloten", status=Vacature.Status.GESLOTEN)
    VacatureFactory(title="Koken verlopen", end_date=datetime.date(2020, 1, 1))
    search_engine.rebuild()
    results = search_engine.search("", types=["vacature"])
    assert sorted(h.title for h in results.hits) == [
        "Kookhulp voor de buurtmaaltijd",
        "Kookmaatje gezocht",
    ]
    facets = {k: {v.value: v.count for v in vs} for k, vs in results.facets.items()}
    assert facets["skill"] == {"koken": 2, "klussen": 1}
    assert facets["suitable_for"] == {"beginners": 1, "jongeren": 1}
    assert facets["need"] == {"mensen": 2}
    labels = {v.value: str(v.label) for v in results.facets["suitable_for"]}
    assert labels["beginners"] == "Geschikt voor beginners"
    assert search_engine.titles("", suitable_for=["jongeren"]) == ["Kookmaatje gezocht"]
    assert search_engine.titles("", skills=["klussen"]) == ["Kookhulp voor de buurtmaaltijd"]


def test_locations_rooms_events_and_pages(search_engine):
    locatie = LocatieFactory(
        name="De Tagerijn", wijk=wijk("De Baarsjes"), latitude="52.366", longitude="4.857"
    )
    RuimteFactory(locatie=locatie, name="Grote zaal")
    RuimteFactory(locatie=locatie, name="Oude keuken", is_bookable=False)
    TalentenbeursFactory(title="Talentenbeurs Tagerijn", date=datetime.date(2099, 6, 1))
    TalentenbeursFactory(title="Talentenbeurs Oud", date=datetime.date(2020, 6, 1))
    TalentenbeursFactory(
        title="Talentenbeurs Verborgen", is_published=False, date=datetime.date(2099, 6, 1)
    )
    home = Site.objects.get(is_default_site=True).root_page.specific
    publish(home, StandardPage(title="Over de Tagerijn", slug="over", intro="Ons buurthuis."))
    index = publish(home, NewsIndexPage(title="Nieuws", slug="nieuws-index"))
    publish(
        index,
        NewsPage(
            title="Feest in de Tagerijn", slug="feest", intro="Kom ook!", date=datetime.date.today()
        ),
    )
    draft = StandardPage(title="Tagerijn concept", slug="concept", live=False)
    home.add_child(instance=draft)
    search_engine.rebuild()

    results = search_engine.search("tagerijn")
    found = {(h.type, h.title) for h in results.hits}
    assert found == {
        ("locatie", "De Tagerijn"),
        ("ruimte", "Grote zaal (De Tagerijn)"),
        ("activiteit", "Talentenbeurs Tagerijn"),
        ("pagina", "Over de Tagerijn"),
        ("nieuws", "Feest in de Tagerijn"),
    }
    types = {v.value: str(v.label) for v in results.facets["type"]}
    assert types["ruimte"] == "Ruimte"
    event = next(h for h in results.hits if h.type == "activiteit")
    assert event.starts_at.date() == datetime.date(2099, 6, 1)
