"""The entry points of search; callers never need to know which engine answers.

With ``settings.ELASTICSEARCH_URL`` set, Elasticsearch answers; when it fails
(connection error, timeout, 5xx, anything the client raises) the database engine
answers instead with ``results.fallback = True`` and a warning in the log. Without the
URL the database engine answers. Nothing here raises for bad input or a server down.
"""

from __future__ import annotations

import logging

from django.conf import settings

from search.engines import database
from search.engines.common import normalise
from search.types import SearchRequest, SearchResults, Suggestion

logger = logging.getLogger(__name__)


def active_engine() -> str:
    return "elasticsearch" if settings.ELASTICSEARCH_URL else "database"


def search(request: SearchRequest) -> SearchResults:
    request = normalise(request)
    if settings.ELASTICSEARCH_URL:
        from search.engines import elastic

        try:
            return elastic.search(request)
        except elastic.UNAVAILABLE as exc:
            logger.warning("Elasticsearch failed, the database answers: %r", exc)
            results = database.search(request)
            results.fallback = True
            return results
    return database.search(request)


def suggest(prefix: str, limit: int = 8) -> list[Suggestion]:
    """Titles for the search box while typing (few, fast); never raises."""
    prefix = (prefix or "")[:100]
    limit = max(1, min(int(limit or 8), 20))
    if settings.ELASTICSEARCH_URL:
        from search.engines import elastic

        try:
            return elastic.suggest(prefix, limit)
        except elastic.UNAVAILABLE as exc:
            logger.warning("Elasticsearch failed, the database suggests: %r", exc)
    return database.suggest(prefix, limit)
