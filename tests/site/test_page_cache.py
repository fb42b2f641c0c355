"""The anonymous page cache (buurtkracht.core.page_cache): hits, invalidation, privacy."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import Site

from buurtkracht.core import page_cache
from buurtkracht.home.models import SiteSettings, StandardPage
from initiatieven.models import Initiatief
from ruimtes.models import Ruimte
from search.models import Zoekterm
from tests.factories import PASSWORD, UserFactory
from tests.initiatieven.factories import InitiatiefFactory
from tests.ruimtes.factories import RuimteFactory
from tests.site.home.pagetools import publish
from tests.vrijwilligers.factories import VacatureFactory
from vrijwilligers import services as vacature_services

pytestmark = pytest.mark.django_db

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def text(response) -> str:
    return response.content.decode()


def log_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(autouse=True)
def _site_settings():
    """A running site has its settings row; so do these tests."""
    SiteSettings.for_site(Site.objects.get(is_default_site=True))


# --- hits -------------------------------------------------------------------------------


def test_second_anonymous_request_is_served_from_the_cache_without_queries(
    client, django_assert_num_queries
):
    initiatief = InitiatiefFactory(title="Samen koken in de Baarsjes")
    url = initiatief.get_absolute_url()

    first = get(client, url)
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = get(Client(), url)

    assert second["X-Cache"] == "hit"
    assert "Samen koken in de Baarsjes" in text(second)
    # The same page apart from each visitor's own CSRF token.
    assert TOKEN_RE.sub("", text(first)) == TOKEN_RE.sub("", text(second))
    assert "private" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]


def test_the_key_holds_the_query_string_and_the_language(client):
    InitiatiefFactory(title="Taalcafé op zaterdag")
    url = reverse("initiatieven:list")

    assert get(client, url)["X-Cache"] == "miss"
    assert get(client, url + "?pagina=1")["X-Cache"] == "miss"
    english = get(client, "/en/initiatieven/")
    assert english["X-Cache"] == "miss"
    assert '<html lang="en"' in text(english)
    assert '<html lang="nl"' in text(get(client, url))


def test_off_when_page_cache_seconds_is_zero(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = InitiatiefFactory().get_absolute_url()

    get(client, url)
    assert "X-Cache" not in get(client, url)


# --- invalidation: the next request sees a change ----------------------------------------


def test_a_changed_initiative_is_seen_on_the_next_request(client):
    initiatief = InitiatiefFactory(title="Buurtmoestuin")
    url, list_url = initiatief.get_absolute_url(), reverse("initiatieven:list")
    get(client, url), get(client, list_url)
    assert get(client, url)["X-Cache"] == "hit"

    # QuerySet.update() sends no signal: the write itself invalidates.
    Initiatief.objects.filter(pk=initiatief.pk).update(title="Buurtmoestuin Oost")

    detail = get(client, url)
    assert detail["X-Cache"] == "miss"
    assert "Buurtmoestuin Oost" in text(detail)
    assert "Buurtmoestuin Oost" in text(get(client, list_url))


def test_a_changed_room_is_seen_on_the_next_request(client):
    ruimte = RuimteFactory(name="Grote zaal")
    url = reverse("ruimtes:ruimte", args=[ruimte.pk])
    assert "Grote zaal" in text(get(client, url))
    assert get(client, url)["X-Cache"] == "hit"

    ruimte.name = "Theaterzaal"
    ruimte.save()

    assert "Theaterzaal" in text(get(client, url))
    assert "Theaterzaal" in text(get(client, reverse("ruimtes:index")))
    assert Ruimte.objects.get(pk=ruimte.pk).name == "Theaterzaal"


def test_a_closed_vacature_leaves_the_list_on_the_next_request(client):
    vacature = VacatureFactory(title="Kookmaatje voor de buurtmaaltijd")
    url = reverse("vrijwilligers:list")
    assert "Kookmaatje voor de buurtmaaltijd" in text(get(client, url))
    assert get(client, url)["X-Cache"] == "hit"

    vacature_services.vacature_close(vacature=vacature)

    assert "Kookmaatje voor de buurtmaaltijd" not in text(get(client, url))


def test_a_published_wagtail_page_is_seen_on_the_next_request(client, home):
    page = publish(home, StandardPage(title="Over ons", slug="over-ons"))
    assert "Over ons" in text(get(client, page.url))
    assert get(client, page.url)["X-Cache"] == "hit"

    page.title = "Over Buurtkracht"
    page.save_revision().publish()

    assert "Over Buurtkracht" in text(get(client, page.url))
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_write_bumps_the_generation_again_after_the_commit(
    django_capture_on_commit_callbacks,
):
    """A page rendered from the old data between the write and the commit is not served."""
    initiatief = InitiatiefFactory()
    before = page_cache.generation_current()
    with django_capture_on_commit_callbacks(execute=True):
        Initiatief.objects.filter(pk=initiatief.pk).update(title="Nieuw")
        at_write = page_cache.generation_current()
    assert before != at_write != page_cache.generation_current()


def test_bookkeeping_writes_do_not_invalidate(client):
    url = InitiatiefFactory().get_absolute_url()
    get(client, url)
    generation = page_cache.generation_current()

    SessionStore().create()

    assert page_cache.generation_current() == generation
    assert get(client, url)["X-Cache"] == "hit"


def test_a_search_does_not_empty_the_cache(client, django_capture_on_commit_callbacks):
    url = InitiatiefFactory().get_absolute_url()
    get(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        client.get("/zoeken/", {"q": "moestuin"})  # counts the term in a task after commit

    assert Zoekterm.objects.filter(term="moestuin").exists()
    assert get(client, url)["X-Cache"] == "hit"


def test_a_cache_that_lost_the_generation_serves_nothing_stale(client):
    initiatief = InitiatiefFactory(title="Repair café")
    url = initiatief.get_absolute_url()
    get(client, url)
    cache.delete(page_cache.GENERATION_KEY)

    assert get(client, url)["X-Cache"] == "miss"


# --- never for people with a session -------------------------------------------------------


def test_a_logged_in_user_never_gets_a_cached_or_another_users_page():
    owner, other = UserFactory(), UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    url = initiatief.get_absolute_url()
    anonymous = get(Client(), url)
    assert "Inloggen" in text(anonymous)

    as_owner = get(log_in(owner), url)
    as_other = get(log_in(other), url)
    again_as_owner = get(log_in(owner), url)

    for response in (as_owner, as_other, again_as_owner):
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "Uitloggen" in text(response)
    assert "Beheer dit initiatief" in text(as_owner)
    assert "Beheer dit initiatief" not in text(as_other)
    assert "Beheer dit initiatief" in text(again_as_owner)


def test_an_anonymous_visitor_never_gets_a_logged_in_users_page():
    owner = UserFactory()
    url = InitiatiefFactory(owners=[owner]).get_absolute_url()
    get(log_in(owner), url)
    get(log_in(owner), url)

    anonymous = get(Client(), url)

    assert anonymous["X-Cache"] == "miss"
    assert "Beheer dit initiatief" not in text(anonymous)
    assert "Uitloggen" not in text(anonymous)


def test_posts_and_excluded_paths_are_never_cached(client):
    for url in ("/api/v1/initiatieven", reverse("account_login"), "/healthz"):
        client.get(url)
        assert "X-Cache" not in client.get(url), url
    response = client.post(reverse("initiatieven:list"))
    assert "X-Cache" not in response


def test_error_pages_are_not_stored(client):
    assert client.get("/initiatieven/bestaat-niet/").status_code == 404
    response = client.get("/initiatieven/bestaat-niet/")
    assert response.status_code == 404
    assert response["X-Cache"] == "miss"


# --- CSRF and messages --------------------------------------------------------------------


def test_each_visitor_of_a_cached_page_gets_a_working_csrf_token_of_their_own():
    url = InitiatiefFactory().get_absolute_url()
    get(Client(), url)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    tokens = []
    for visitor in (first, second):
        response = get(visitor, url)
        assert response["X-Cache"] == "hit"
        assert "csrftoken" in response.cookies
        tokens.append(TOKEN_RE.search(text(response)).group(1))
        switch = visitor.post(
            reverse("set_language"),
            {"language": "en", "next": url, "csrfmiddlewaretoken": tokens[-1]},
        )
        assert switch.status_code == 302
    assert tokens[0] != tokens[1]
    # One visitor's token is refused with the other's cookie.
    refused = second.post(
        reverse("set_language"),
        {"language": "en", "next": url, "csrfmiddlewaretoken": tokens[0]},
    )
    assert refused.status_code == 403


def test_a_pending_message_is_shown_not_lost(client):
    url = InitiatiefFactory().get_absolute_url()
    get(client, url)
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.SUCCESS, "Je reactie is verstuurd.")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies["messages"] = carrier.cookies["messages"].value

    with_message = get(client, url)

    assert "X-Cache" not in with_message
    assert "Je reactie is verstuurd." in text(with_message)
    after = get(client, url)
    assert after["X-Cache"] == "hit"
    assert "Je reactie is verstuurd." not in text(after)


def test_an_anonymous_session_skips_the_cache(client):
    url = InitiatiefFactory().get_absolute_url()
    get(client, url)
    session = client.session
    session["wizard"] = {"step": 1}
    session.save()
    client.cookies["sessionid"] = session.session_key

    assert "X-Cache" not in get(client, url)
