"""Fixtures for search tests, shared with tests/search/ui/ (S-ui) and the sociale kaart.

``search_engine`` runs a test once per engine: ``"database"`` and ``"elasticsearch"``
(marked ``elastic``). It points the settings at that engine, with an index prefix of
its own per test (its indices are deleted afterwards). Create content, then call
``search_engine.rebuild()``: both indexes then hold exactly the published content and
Elasticsearch has refreshed, so a test never depends on on-commit timing::

    def test_finds(search_engine):
        InitiatiefFactory(title="Moestuin De Ruif")
        search_engine.rebuild()
        results = search_engine.search("moestuinen", wijk="de-baarsjes")
        assert [h.title for h in results.hits] == ["Moestuin De Ruif"]

The Elasticsearch run needs ``ELASTICSEARCH_URL`` in the environment (``make test``
starts noida-db through ``.ci/with-elasticsearch``); without it the test FAILS with a
message, it is never skipped.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import pytest

from search import engine, indexing
from search.types import SearchRequest, SearchResults


@dataclass
class EngineHelper:
    name: str  # "database" or "elasticsearch"

    def rebuild(self) -> int:
        """Index everything published now, in both indexes, and make it searchable."""
        count = indexing.rebuild()
        self.refresh()
        return count

    def refresh(self) -> None:
        """Make Elasticsearch show what was indexed (after an on-commit task)."""
        if self.name == "elasticsearch":
            from search.engines import elastic

            elastic.refresh()

    def search(self, q: str = "", **kwargs) -> SearchResults:
        results = engine.search(SearchRequest(q=q, **kwargs))
        assert results.engine == self.name, (
            f"{results.engine} answered, fallback={results.fallback}"
        )
        return results

    def titles(self, q: str = "", **kwargs) -> list[str]:
        return [hit.title for hit in self.search(q, **kwargs).hits]


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elastic)])
def search_engine(request, settings, db):
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        yield EngineHelper("database")
        return
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if not url:
        pytest.fail(
            "ELASTICSEARCH_URL is not set: run the tests through "
            "`bash .ci/with-elasticsearch` (make test does), which starts noida-db."
        )
    settings.ELASTICSEARCH_URL = url
    from search.engines import elastic

    try:
        yield EngineHelper("elasticsearch")
    finally:
        elastic.delete_indices()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """``with commit(): ...`` runs the on-commit callbacks (the indexing tasks) at the end."""
    import functools

    return functools.partial(django_capture_on_commit_callbacks, execute=True)
