"""The search page /zoeken/ on both engines: results, facets, bad input, empty pages."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory, wijk
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db

URL = "/zoeken/"


def page(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def hit_titles(soup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(".bk-search-hit__title a")]


def facet(soup, name) -> dict[str, tuple[int, bool]]:
    """value -> (count, checked) of the facet's inputs."""
    out = {}
    for box in soup.select(f"input[name={name}]"):
        if not box.get("value"):
            continue
        label = soup.find("label", attrs={"for": box["id"]})
        count = int(label.select_one(".bk-search-facet__count").get_text().strip("()").split()[0])
        out[box["value"]] = (count, box.has_attr("checked"))
    return out


@pytest.fixture
def content(search_engine):
    InitiatiefFactory(title="Moestuin De Ruif", themes=["groen"])
    InitiatiefFactory(
        title="Moestuin Westerpark",
        summary="Groente uit de moestuin.",
        wijk=wijk("Westerpark"),
        themes=["groen"],
    )
    InitiatiefFactory(title="Samen koken met de moestuin", themes=["eten-en-koken"])
    InitiatiefFactory(title="Schaakclub Oost", themes=["ontmoeting"])
    search_engine.rebuild()
    return search_engine


def test_results_with_facets_and_snippet(client, content):
    soup = page(client, q="moestuin")
    assert soup.h1.get_text(strip=True) == "Zoekresultaten voor ‘moestuin’"
    assert len(soup.find_all("h1")) == 1
    assert sorted(hit_titles(soup)) == [
        "Moestuin De Ruif",
        "Moestuin Westerpark",
        "Samen koken met de moestuin",
    ]
    assert "3 resultaten gevonden" in soup.select_one(".bk-search-results__total").get_text()
    assert soup.select_one(".bk-search-hit__snippet mark") is not None
    assert soup.select_one(".bk-search-hit__type").get_text(" ", strip=True).endswith("Initiatief")
    assert facet(soup, "wijk") == {"de-baarsjes": (2, False), "westerpark": (1, False)}
    assert facet(soup, "theme")["groen"] == (2, False)
    legends = [legend.get_text(strip=True) for legend in soup.select("fieldset legend")]
    assert "Wijk" in legends and "Thema" in legends
    assert "Schaakclub" not in soup.get_text()


def test_facet_filter_narrows_and_keeps_the_choice(client, content):
    soup = page(client, q="moestuin", theme="groen", postcode="", distance_km="")
    assert sorted(hit_titles(soup)) == ["Moestuin De Ruif", "Moestuin Westerpark"]
    assert facet(soup, "theme")["groen"] == (2, True)
    assert facet(soup, "wijk") == {"de-baarsjes": (1, False), "westerpark": (1, False)}
    # Submitting the form again (no JavaScript) sends the same values back.
    form = soup.select_one("form.bk-search-page")
    assert form["method"] == "get"
    assert form.select_one("input[name=q]")["value"] == "moestuin"
    checked = [(i["name"], i["value"]) for i in form.select("input[checked]") if i.get("value")]
    assert checked == [("theme", "groen")]
    assert form.select_one("button[type=submit]") is not None

    soup = page(client, q="moestuin", theme="groen", wijk="westerpark")
    assert hit_titles(soup) == ["Moestuin Westerpark"]
    assert facet(soup, "wijk")["westerpark"] == (1, True)
    assert soup.select_one("input[name=wijk][value=westerpark]").has_attr("checked")
    remove = soup.find("a", string="Alle filters weghalen")
    assert remove["href"] == "/zoeken/?q=moestuin"


def test_zero_results_page_helps_and_counts_anonymously(client, content, commit):
    from search.models import Zoekterm

    user = UserFactory()
    client.force_login(user)
    with commit():
        soup = page(client, q="Zwembad", wijk="westerpark")
    text = soup.get_text(" ", strip=True)
    assert hit_titles(soup) == []
    assert "We hebben niets gevonden voor ‘Zwembad’." in text
    assert "Tips" in text
    links = {a["href"] for a in soup.select("a[href]")}
    assert "/vrijwilligers/wat-kan-ik-doen/" in links
    assert "/initiatieven/" in links and "/ruimtes/" in links
    assert "/zoeken/?q=Zwembad" in links  # the same search without filters

    row = Zoekterm.objects.get()
    assert (row.term, row.wijk, row.searches, row.zero_results) == ("zwembad", "westerpark", 1, 1)
    # Nothing about the person: no user, IP address or time of day can be stored.
    assert {f.name for f in Zoekterm._meta.fields} == {
        "id",
        "term",
        "wijk",
        "day",
        "searches",
        "zero_results",
    }

    with commit():
        page(client, q="zwembad ", wijk="westerpark")
        page(client, q="moestuin")
        page(client, q="moestuin", page="2")  # a next page is not a new search
    row.refresh_from_db()
    assert (row.searches, row.zero_results) == (2, 2)
    moestuin = Zoekterm.objects.get(term="moestuin")
    assert (moestuin.wijk, moestuin.searches, moestuin.zero_results) == ("", 1, 0)


def test_popular_searches_on_start_and_empty_pages(client, content, commit):
    with commit():
        for _ in range(3):
            page(client, q="Moestuin")
        for _ in range(3):
            page(client, q="qqqxyz")  # never found anything: not "veel gezocht"
    soup = page(client)
    assert soup.h1.get_text(strip=True) == "Zoeken"
    popular = [a.get_text(strip=True) for a in soup.select(".bk-search-popular__list a")]
    assert popular == ["moestuin"]
    assert soup.select_one(".bk-search-popular__list a")["href"] == "/zoeken/?q=moestuin"
    assert facet(soup, "theme")["groen"] == (2, False)  # the start page shows the facets
    assert hit_titles(soup) == []
    soup = page(client, q="qqqxyz")
    assert [a.get_text(strip=True) for a in soup.select(".bk-search-popular__list a")] == [
        "moestuin"
    ]


def test_did_you_mean_links_to_the_corrected_search(client, search_engine):
    InitiatiefFactory(title="Buurtcentrum De Horizon", summary="Open huis voor de hele buurt.")
    InitiatiefFactory(title="Zwemles voor moeders")
    search_engine.rebuild()
    soup = page(client, q="buurtcentrun", theme="ontmoeting")
    link = soup.select_one(".bk-search-suggestion a")
    assert link.get_text() == "buurtcentrum"
    assert link["href"] == "?q=buurtcentrum&theme=ontmoeting"


def test_page_beyond_the_end_and_negative(client, content):
    soup = page(client, q="moestuin", page="7")
    text = soup.get_text(" ", strip=True)
    assert "Er zijn geen resultaten meer op deze pagina." in text
    last = soup.find("a", string=lambda s: s and "laatste pagina" in s)
    assert last["href"] == "/zoeken/?q=moestuin&page=1"
    assert "We hebben niets gevonden" not in text

    for bad in ("-3", "0", "abc", "99999999999999999999"):
        soup = page(client, q="moestuin", page=bad)
        assert len(hit_titles(soup)) in (0, 3)
    assert len(hit_titles(page(client, q="moestuin", page="-3"))) == 3


def test_pagination_links(client, search_engine):
    for n in range(23):
        InitiatiefFactory(title=f"Moestuin nummer {n}")
    search_engine.rebuild()
    soup = page(client, q="moestuin")
    assert len(hit_titles(soup)) == 20
    nav = soup.select_one("nav.bk-search-pagination")
    assert nav["aria-label"] == "Paginanummers"
    assert nav.select_one("[aria-current=page]").get_text(strip=True).endswith("1")
    assert nav.find("a", rel="next")["href"] == "?q=moestuin&page=2"
    soup = page(client, q="moestuin", page="2")
    assert len(hit_titles(soup)) == 3
    assert soup.select_one("ol.bk-search-hits")["start"] == "21"


def test_long_query_is_cut_and_said(client, content):
    soup = page(client, q="moestuin " + "a" * 1000)
    assert "Je zoekvraag was te lang. We zoeken met de eerste 200 tekens." in soup.get_text()
    assert len(soup.select_one(".bk-search-page input[name=q]")["value"]) == 200


def test_syntax_characters_are_text(client, content):
    for q in [
        '" * ? ( ) : \\ /',
        "moestuin)",
        'moestuin "',
        "a:b OR (c",
        "*",
        "moestuin\\",
        "moe\x00s",
    ]:
        soup = page(client, q=q)
        shown = soup.select_one(".bk-search-page input[name=q]")["value"]
        assert shown == q.replace("\x00", " ").strip(), q
        if q.startswith("moestuin"):
            assert len(hit_titles(soup)) == 3, q


def test_unknown_facet_value_is_left_out_and_said(client, content):
    soup = page(
        client, q="moestuin", type="raket", wijk="atlantis", theme=["<script>", "ruimtevaart"]
    )
    text = soup.get_text(" ", strip=True)
    assert "Dit filter kennen we niet: raket." in text
    assert "Dit filter kennen we niet: atlantis." in text
    assert "Dit filter kennen we niet: ruimtevaart." in text
    assert not soup.select("input[checked][name=theme]")
    assert "<script>" not in soup.decode_contents().split("</h1>")[1].replace("&lt;script&gt;", "")
    assert len(hit_titles(soup)) == 3


def test_postcode_sorts_nearest_and_unknown_postcode_is_said(client, search_engine):
    InitiatiefFactory(title="Moestuin Landlust", wijk=wijk("Bos en Lommer"))
    InitiatiefFactory(title="Moestuin Kinkerbuurt", wijk=wijk("Oud-West"))
    search_engine.rebuild()
    soup = page(client, q="moestuin", postcode="1053 AB")
    assert hit_titles(soup)[0] == "Moestuin Kinkerbuurt"
    assert "km hiervandaan" in soup.select_one(".bk-search-hit__meta").get_text()
    soup = page(client, postcode="1053")  # only a postcode: what is near?
    assert hit_titles(soup) == ["Moestuin Kinkerbuurt", "Moestuin Landlust"]
    soup = page(client, q="moestuin", postcode="1053", distance_km="2")
    assert hit_titles(soup) == ["Moestuin Kinkerbuurt"]
    assert soup.select_one("select[name=distance_km] option[selected]")["value"] == "2"

    soup = page(client, q="moestuin", postcode="9999", distance_km="2")
    postcode = soup.select_one("input[name=postcode]")
    assert postcode["aria-invalid"] == "true"
    error = soup.find(id=postcode["aria-describedby"].split()[-1]).get_text(" ", strip=True)
    assert "Deze postcode kennen we niet in West" in error
    assert soup.select_one("[role=alert]") is not None
    assert postcode["value"] == "9999"
    assert sorted(hit_titles(soup)) == ["Moestuin Kinkerbuurt", "Moestuin Landlust"]
    assert "km hiervandaan" not in soup.get_text()

    soup = page(client, q="moestuin", postcode="abc")
    assert "Vul een postcode in met 4 cijfers" in soup.get_text()


def test_browse_by_filter_without_a_query(client, content):
    soup = page(client, theme="groen")
    assert sorted(hit_titles(soup)) == ["Moestuin De Ruif", "Moestuin Westerpark"]


def test_english_page(client, content):
    response = client.get("/en/zoeken/", {"q": "zzzqqq"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Search results for ‘zzzqqq’"
    assert "We found nothing for ‘zzzqqq’." in soup.get_text()
    assert soup.select_one("form.bk-search-page")["action"] == "/en/zoeken/"


def test_constant_number_of_queries(client, search_engine):
    for n in range(25):
        InitiatiefFactory(title=f"Moestuin {n}", themes=["groen", "taal"])
    search_engine.rebuild()

    def count(**params) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, params)
        assert response.status_code == 200
        return len(queries)

    count(q="moestuin")  # warm up: sessions, content types
    assert len(hit_titles(page(client, q="moestuin", page="2"))) == 5
    assert count(q="moestuin", page="2") == count(q="moestuin", page="1")


def test_script_is_loaded_on_every_page_and_box_is_plain_form(client, content):
    soup = page(client, q="moestuin")
    script = soup.select_one("head script[src]")
    assert script["src"].endswith("search/suggest.js") and script.has_attr("defer")
    assert not [s for s in soup.find_all("script") if not s.get("src")]
    box = soup.select_one("#bk-search-q")
    assert box.find_parent("form")["action"] == "/zoeken/"
