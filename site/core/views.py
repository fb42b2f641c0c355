"""Small site-wide views: health check."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _search_status() -> dict:
    """Which engine answers searches, and whether the search server is up."""
    from search.engine import active_engine

    engine = active_engine()
    if not settings.ELASTICSEARCH_URL:
        return {"engine": engine, "elasticsearch": "disabled"}
    from elasticsearch import Elasticsearch
    from elasticsearch.exceptions import ApiError, TransportError

    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=2, max_retries=0)
    try:
        state = "ok" if client.ping() else "down"
    except (ApiError, TransportError, OSError, ValueError):
        state = "down"
    finally:
        client.close()
    # Searches fall back to the database while the server is down.
    return {"engine": engine if state == "ok" else "database", "elasticsearch": state}


@never_cache
@require_GET
def healthz(request):
    """Load balancers ask this; 503 when the database cannot be reached."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except DatabaseError:
        database = "down"
    body = {"database": database, "search": _search_status(), "version": settings.VERSION}
    return JsonResponse(body, status=200 if database == "ok" else 503)
