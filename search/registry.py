"""The registry through which apps hand their content to search (STYLE §2).

Each app puts its sources in a module ``search_sources.py`` and registers them there;
``SearchConfig.ready()`` imports every app's module, so search never imports an app.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from django.db.models import Model, QuerySet

from search.types import SearchDocument


class SearchSource(Protocol):
    label: str  # unique, e.g. "initiatieven"
    models: tuple[type[Model], ...]  # saving or deleting one of these re-indexes

    def documents(self) -> Iterable[SearchDocument]:
        """Every published, visible document of this source (for a rebuild)."""

    def documents_for(self, instance: Model) -> tuple[list[SearchDocument], list[str]]:
        """After ``instance`` changed: documents to (re)index and keys to remove."""

    def db_search(self, query: str, *, wijk=None) -> QuerySet:
        """The database fallback: visible rows matching ``query``."""


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource) -> SearchSource:
    if source.label in _sources:
        raise ValueError(f"search source {source.label!r} registered twice")
    _sources[source.label] = source
    return source


def sources() -> list[SearchSource]:
    return list(_sources.values())
