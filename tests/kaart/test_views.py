import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from buurtkracht.accounts.models import Role
from buurtkracht.home.sections import wijk_sections
from tests.factories import MembershipFactory, UserFactory, wijk
from tests.kaart.data import known_set

pytestmark = pytest.mark.django_db


def _soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def _map_data(soup) -> dict:
    return json.loads(soup.find("script", id="sociale-kaart-data").string)


def _row(table, label: str) -> list[str]:
    for tr in table.find_all("tr"):
        th = tr.find("th", scope="row")
        if th is not None and th.get_text(strip=True) == label:
            return [td.get_text(" ", strip=True) for td in tr.find_all("td")]
    raise AssertionError(f"no row {label!r}")


def _table(soup, caption_start: str):
    for table in soup.find_all("table"):
        if table.caption.get_text(strip=True).startswith(caption_start):
            return table
    raise AssertionError(f"no table {caption_start!r}")


def test_wijk_page_shows_white_spots_in_words(client):
    data = known_set()
    soup = _soup(client.get(reverse("sociale_kaart:wijk", kwargs={"slug": "de-baarsjes"})))

    assert soup.h1.get_text(strip=True) == "Sociale kaart van De Baarsjes"
    table = _table(soup, "Vraag en aanbod per thema in De Baarsjes")
    assert all(th.get("scope") in ("col", "row") for th in table.find_all("th"))
    # offer, needs, vacatures, searches, demand, status
    assert _row(table, "Taal") == ["1", "2", "1", "2", "5", "Witte vlek: meer vraag dan aanbod"]
    assert _row(table, "Groen")[-1] == "Aanbod, geen vraag bekend"
    assert _row(table, "Zonder thema") == [
        "0",
        "0",
        "1",
        "1",
        "2",
        "Witte vlek: vraag zonder aanbod",
    ]
    summary = soup.find("section", attrs={"aria-labelledby": "kaart-vlekken-title"}).p
    assert "Ontmoeting, Taal, Zonder thema" in summary.get_text()
    assert data["hidden"].title not in soup.get_text()


def test_wijk_page_lists_the_offer(client):
    data = known_set()
    soup = _soup(client.get(reverse("sociale_kaart:wijk", kwargs={"slug": "de-baarsjes"})))
    text = soup.get_text(" ", strip=True)

    links = {a.get_text(strip=True): a["href"] for a in soup.select("article a")}
    assert links["Taalcafé"] == data["taalcafe"].get_absolute_url()
    for title in ("Eetclub", "Buurttuin BV", "De Tagerijn", "Grote zaal", "Keuken", "Taalmaatje"):
        assert title in links
    for hidden in ("Verborgen", "Concept", "Afgerond", "Gesloten", "Verlopen", "Opslag"):
        assert hidden not in links
    assert "Westerpark sport" not in text


def test_overview_compares_every_wijk(client):
    known_set()
    soup = _soup(client.get(reverse("sociale_kaart:index")))

    offer = _table(soup, "Wat er per wijk te doen")
    assert _row(offer, "De Baarsjes") == ["2", "1", "1", "2", "2"]
    assert _row(offer, "Westerpark") == ["1", "0", "0", "0", "0"]
    demand = _table(soup, "Wat er per wijk nodig is")
    assert _row(demand, "De Baarsjes")[:3] == ["3", "2", "3"]
    assert _row(demand, "De Baarsjes")[3].startswith("3 witte vlekken")
    matrix = _table(soup, "Per thema en wijk")
    wijken = [th.get_text(strip=True) for th in matrix.thead.find_all("th")][1:]
    cells = dict(zip(wijken, _row(matrix, "Taal"), strict=True))
    assert cells["De Baarsjes"] == "Witte vlek: meer vraag dan aanbod vraag 5, aanbod 1"
    assert cells["Westerpark"] == "Geen vraag en geen aanbod bekend vraag 0, aanbod 0"
    assert "zonder een wijk te kiezen" in soup.get_text()
    assert soup.find("a", href=reverse("sociale_kaart:export")) is None  # not for residents


def test_map_data_has_only_public_items_and_no_personal_data(client):
    data = known_set()
    data["taalcafe"].title = "Taal < 3 > 2 & co"  # survives the text cleaning
    data["taalcafe"].save()
    owner = data["eetclub"].owners.get()
    data["eetclub"].address = "Thuisstraat 12"
    data["eetclub"].latitude, data["eetclub"].longitude = "52.100000", "4.100000"
    data["eetclub"].save()
    response = client.get(reverse("sociale_kaart:wijk", kwargs={"slug": "de-baarsjes"}))
    response_html = response.content.decode()
    soup = _soup(response)
    raw = soup.find("script", id="sociale-kaart-data").string
    payload = _map_data(soup)

    titles = {marker["title"] for marker in payload["markers"]}
    assert titles == {
        "Eetclub",
        "Taal < 3 > 2 & co",
        "Buurttuin BV",
        "De Tagerijn",
        "Taalmaatje",
        "Klusser",
    }
    assert "Taal < 3" not in response_html  # escaped in the lists and in the JSON block
    assert "Taal &lt; 3 &gt; 2 &amp; co" in response_html
    assert {key for marker in payload["markers"] for key in marker} == {
        "kind",
        "title",
        "url",
        "lat",
        "lon",
    }
    for secret in (owner.email, owner.display_name, "Thuisstraat", "52.1,", "Verborgen"):
        assert secret not in raw
    assert payload["tiles"] is None
    assert [area["focus"] for area in payload["areas"] if area["name"] == "De Baarsjes"] == [True]
    assert all(len(area["outline"]) >= 3 for area in payload["areas"])


def test_no_request_to_another_host_without_a_tile_server(client, settings):
    settings.SOCIALE_KAART_TILE_URL = ""
    known_set()
    for url in (reverse("sociale_kaart:index"), reverse("sociale_kaart:wijk", args=["westerpark"])):
        response = client.get(url)
        html = response.content.decode()
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)
        assert "https://" not in response["Content-Security-Policy"]
        assert "<script>" not in html and " style=" not in html
        soup = _soup(response)
        assert soup.find("script", src=re.compile("leaflet.js"))


def test_a_tile_server_is_used_and_allowed_by_the_policy(client, settings):
    settings.SOCIALE_KAART_TILE_URL = "https://tiles.example.nl/{z}/{x}/{y}.png"
    settings.SOCIALE_KAART_TILE_ATTRIBUTION = "Kaart: voorbeeld"
    response = client.get(reverse("sociale_kaart:index"))

    assert _map_data(_soup(response))["tiles"] == {
        "url": "https://tiles.example.nl/{z}/{x}/{y}.png",
        "attribution": "Kaart: voorbeeld",
    }
    policy = response["Content-Security-Policy"].split("; ")
    assert "img-src 'self' data: https://tiles.example.nl" in policy
    assert "script-src 'self'" in policy


def test_staff_see_search_terms_and_the_export_link(client):
    data = known_set()
    url = reverse("sociale_kaart:wijk", kwargs={"slug": "de-baarsjes"})
    resident = UserFactory()
    client.force_login(resident)
    assert "taalles" not in client.get(url).content.decode()

    professional = UserFactory()
    MembershipFactory(user=professional, role=Role.PROFESSIONAL, wijk=data["baarsjes"])
    client.force_login(professional)
    soup = _soup(client.get(url))
    terms = _table(soup, "Zoektermen zonder resultaat")
    assert _row(terms, "taalles") == ["2"]
    assert soup.find("a", href=reverse("sociale_kaart:wijk_export", args=["de-baarsjes"]))
    overview = _soup(client.get(reverse("sociale_kaart:index")))
    assert overview.find("a", href=reverse("sociale_kaart:export"))


def test_unknown_wijk_is_404(client):
    assert client.get(reverse("sociale_kaart:wijk", args=["nergens"])).status_code == 404


def test_works_in_english(client):
    known_set()
    response = client.get("/en/sociale-kaart/de-baarsjes/")
    soup = _soup(response)

    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Social map of De Baarsjes"
    assert "White spot: more demand than offer" in soup.get_text()
    with translation.override("en"):
        assert _map_data(soup)["kinds"][0]["label"] == "Initiatives"
    assert _soup(client.get("/en/sociale-kaart/")).h1.get_text(strip=True) == "Social map"


def test_every_wijk_page_links_to_its_kaart(client):
    from wagtail.models import Site

    from buurtkracht.home.models import WijkPage

    baarsjes = wijk("De Baarsjes")
    sections = {s["key"]: s for s in wijk_sections(wijk=baarsjes, request=None)}
    assert sections["sociale_kaart"]["context"]["url"] == "/sociale-kaart/de-baarsjes/"

    home = Site.objects.get(is_default_site=True).root_page.specific
    page = home.add_child(instance=WijkPage(title="De Baarsjes", slug="de-baarsjes", wijk=baarsjes))
    page.save_revision().publish()
    section = _soup(client.get(page.url)).select_one(".bk-wijk-section--sociale_kaart")
    link = section.select_one('a[href="/sociale-kaart/de-baarsjes/"]')
    assert link.get_text(strip=True) == "Bekijk de sociale kaart van De Baarsjes"
