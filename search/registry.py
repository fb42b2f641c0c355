"""The registry through which apps hand their content to search (STYLE §2).

Each app puts its sources in a module ``search_sources.py`` and registers them there;
``SearchConfig.ready()`` imports every app's module, so search never imports an app.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from django.db.models import Model

from search.types import SearchDocument


class SearchSource(Protocol):
    label: str  # unique, e.g. "initiatieven"
    models: tuple[type[Model], ...]  # saving or deleting one of these re-indexes

    def documents(self) -> Iterable[SearchDocument]:
        """Every published, visible document of this source (for a rebuild)."""

    def documents_for(self, instance: Model) -> tuple[list[SearchDocument], list[str]]:
        """After ``instance`` changed: documents to (re)index and keys to remove.

        Also called for a deleted ``instance`` (then an unsaved copy carrying the
        deleted row's plain field values, so ``instance.pk`` and foreign key ids work):
        answer the keys that must go. Must answer only published, visible documents.
        """


# The database engine searches the ``search.Document`` table filled by the indexing
# pipeline, so a source needs no database search of its own (``db_search`` is gone).

_sources: dict[str, SearchSource] = {}
_facet_labels: dict[tuple[str, str], object] = {}


def register_facet_labels(facet: str, labels: dict[str, object]) -> None:
    """Names shown for facet values no document carries a label for, e.g.
    ``register_facet_labels("need", {"mensen": _("Mensen")})``. Lazy strings welcome."""
    for value, label in labels.items():
        _facet_labels[(facet, value)] = label


def facet_label(facet: str, value: str) -> str:
    return str(_facet_labels.get((facet, value), value))


def register(source: SearchSource) -> SearchSource:
    if source.label in _sources:
        raise ValueError(f"search source {source.label!r} registered twice")
    _sources[source.label] = source
    return source


def sources() -> list[SearchSource]:
    return list(_sources.values())


def source(label: str) -> SearchSource | None:
    return _sources.get(label)
