"""A search server that is down: the database answers, staff are told, others are not."""

import socket

import pytest
from bs4 import BeautifulSoup

from search import indexing
from tests.factories import UserFactory
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db

NOTICE = "de zoekserver is niet bereikbaar, we zoeken nu in de database"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server_down(settings):
    settings.ELASTICSEARCH_URL = ""
    InitiatiefFactory(title="Moestuin De Ruif")
    indexing.rebuild()
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"


def test_staff_see_the_fallback_notice(client, server_down):
    staff = UserFactory()
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    response = client.get("/zoeken/", {"q": "moestuin"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert NOTICE in soup.get_text(" ", strip=True)
    assert [a.get_text() for a in soup.select(".bk-search-hit__title a")] == ["Moestuin De Ruif"]


@pytest.mark.parametrize("signed_in", [False, True])
def test_others_see_results_without_notice(client, server_down, signed_in):
    if signed_in:
        client.force_login(UserFactory())
    response = client.get("/zoeken/", {"q": "moestuin"})
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert response.status_code == 200
    assert NOTICE not in text
    assert "Moestuin De Ruif" in text
    assert "127.0.0.1" not in text and "Connection" not in text


def test_api_answers_from_the_database(client, server_down):
    response = client.get("/api/v1/zoeken", {"q": "moestuin"})
    assert response.status_code == 200
    body = response.json()
    assert body["engine"] == "database"
    assert [h["title"] for h in body["hits"]] == ["Moestuin De Ruif"]
