import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.django_db
def test_healthz_reports_database_and_version(client, settings):
    settings.ELASTICSEARCH_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "search": {"engine": "database", "elasticsearch": "disabled"},
        "version": settings.VERSION,
    }


@pytest.mark.django_db
def test_healthz_says_search_is_down_when_the_server_cannot_be_reached(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["search"] == {"engine": "database", "elasticsearch": "down"}


def test_healthz_answers_503_when_the_database_is_unreachable():
    # A separate process, so the broken database setting cannot leak into other tests.
    code = (
        "import json; from django.test import Client;"
        "r = Client(HTTP_HOST='localhost').get('/healthz');"
        "print(r.status_code, json.loads(r.content)['database'])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env={"PATH": os.environ["PATH"], "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split()[-2:] == ["503", "down"], result.stderr


def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
