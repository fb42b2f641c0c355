import pytest


@pytest.mark.django_db
def test_healthz_reports_database_and_version(client, settings):
    settings.ELASTICSEARCH_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "search": "disabled", "version": settings.VERSION}
