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
        except Exception as exc:  # a search must answer, whatever the server did
            _log_failure(elastic, exc, "the database answers")
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
        except Exception as exc:
            _log_failure(elastic, exc, "the database suggests")
    return database.suggest(prefix, limit)


def _log_failure(elastic, exc: Exception, what: str) -> None:
    if isinstance(exc, elastic.UNAVAILABLE):
        logger.warning("Elasticsearch failed, %s: %r", what, exc)
    else:  # an answer we did not expect: a bug to fix, but the visitor still gets results
        logger.exception("Elasticsearch answer not understood, %s", what)
