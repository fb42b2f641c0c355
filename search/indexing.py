"""Keeping the indexes in step with the content.

A change to a row of any registered source's model (save, delete, many-to-many change,
Wagtail publish/unpublish) enqueues ``search.tasks.index_change`` after the commit, so
a request never waits on the search server. The task writes the ``search.Document``
table (always) and Elasticsearch (when configured). ``rebuild`` and ``check`` are the
management command's work.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from search import documents, registry
from search.models import Document
from search.types import SearchDocument

logger = logging.getLogger(__name__)


def _unavailable() -> tuple[type[BaseException], ...]:
    from search.engines.elastic import UNAVAILABLE

    return UNAVAILABLE


def __getattr__(name):
    if name == "UNAVAILABLE":
        return _unavailable()
    raise AttributeError(name)


def elastic_enabled() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


# --- writing -------------------------------------------------------------------------


def apply(source_label: str, docs: list[SearchDocument], removed: list[str]) -> None:
    """Write one source's changed documents and removals to every index."""
    keep = {d.key for d in docs}
    removed = [k for k in removed if k not in keep]
    documents.store((source_label, d) for d in docs)
    documents.remove(removed)
    if elastic_enabled():
        from search.engines import elastic

        elastic.index_documents(docs)
        elastic.delete_documents(removed)


def _instance(model_label: str, pk, fields: dict) -> models.Model:
    model = apps.get_model(model_label)
    found = model._default_manager.filter(pk=pk).first()
    if found is not None:
        return found
    # Deleted: an unsaved copy with the old plain values (pk, foreign key ids).
    names = {f.attname for f in model._meta.concrete_fields}
    return model(**{k: v for k, v in fields.items() if k in names})


def apply_change(source_label: str, model_label: str, pk, fields: dict) -> None:
    source = registry.source(source_label)
    if source is None:
        return
    docs, removed = source.documents_for(_instance(model_label, pk, fields))
    apply(source_label, list(docs), list(removed))


# --- signals -------------------------------------------------------------------------

_JSON_TYPES = (str, int, float, bool, type(None))


def _plain_fields(instance: models.Model) -> dict:
    values = {}
    for f in instance._meta.concrete_fields:
        value = getattr(instance, f.attname, None)
        if isinstance(value, _JSON_TYPES):
            values[f.attname] = value
    return values


def _enqueue(source_label: str, instance: models.Model) -> None:
    from search.tasks import index_change

    model_label = instance._meta.label
    pk, fields = instance.pk, _plain_fields(instance)

    def run():
        try:
            index_change.enqueue(source_label, model_label, pk, fields)
        except Exception:
            # A broken task queue must not break the page that saved; --check repairs.
            logger.exception("Could not enqueue indexing of %s %s", model_label, pk)

    transaction.on_commit(run)


def _sources_for(model: type[models.Model]) -> list[str]:
    return [s.label for s in registry.sources() if any(issubclass(model, m) for m in s.models)]


def _on_change(sender, instance, **kwargs):
    if kwargs.get("raw") or instance.pk is None:
        return
    for label in _sources_for(type(instance)):
        _enqueue(label, instance)


def _on_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        _on_change(type(instance), instance)
        return
    for pk in pk_set or ():
        changed = model._default_manager.filter(pk=pk).first()
        if changed is not None:
            _on_change(model, changed)


_connected = False


def connect_signals() -> None:
    """Called from ``SearchConfig.ready()`` after the sources registered."""
    global _connected
    if _connected:
        return
    _connected = True
    for source in registry.sources():
        for model in source.models:
            uid = f"search-{model._meta.label}"
            post_save.connect(_on_change, sender=model, weak=False, dispatch_uid=uid + "-s")
            post_delete.connect(_on_change, sender=model, weak=False, dispatch_uid=uid + "-d")
            for m2m in model._meta.many_to_many:
                m2m_changed.connect(
                    _on_m2m,
                    sender=m2m.remote_field.through,
                    weak=False,
                    dispatch_uid=uid + m2m.name,
                )
            if hasattr(model, "specific_class"):  # a Wagtail page type
                from wagtail.signals import page_published, page_unpublished

                for signal in (page_published, page_unpublished):
                    signal.connect(_on_change, sender=model, weak=False, dispatch_uid=uid + "-p")


# --- rebuild and check ---------------------------------------------------------------


def all_documents() -> Iterator[tuple[str, SearchDocument]]:
    for source in registry.sources():
        for doc in source.documents():
            yield source.label, doc


def rebuild(progress: Callable[[int, int], None] | None = None) -> int:
    """Every document again, in both indexes; readers see the old set until the switch.

    The table is refilled inside one transaction; Elasticsearch gets a new index that the
    alias points to once it is complete.
    """
    pairs = list(all_documents())
    total = len(pairs)
    step = partial(progress, total=total) if progress else (lambda done: None)
    with transaction.atomic():
        Document.objects.all().delete()
        for i in range(0, total, 500):
            documents.store(pairs[i : i + 500])
            if not elastic_enabled():
                step(min(i + 500, total))
        documents.prune_vocabulary()
    if elastic_enabled():
        from search.engines import elastic

        elastic.rebuild([d for _, d in pairs], progress=step)
    return total


@dataclass
class CheckReport:
    expected: Counter = field(default_factory=Counter)  # per type, from the sources
    table: Counter = field(default_factory=Counter)  # per type, in search.Document
    elastic: Counter | None = None  # per type, in Elasticsearch (None: not configured)
    missing: int = 0  # documents not in an index (or stale)
    extra: int = 0  # keys in an index that the sources no longer have
    repaired: bool = False

    @property
    def drift(self) -> int:
        return self.missing + self.extra


def check(*, repair: bool) -> CheckReport:
    """Compare both indexes with the sources by key (and per type); repair when asked."""
    report = CheckReport()
    pairs = {doc.key: (label, doc) for label, doc in all_documents()}
    report.expected = Counter(doc.type for _, doc in pairs.values())
    rows = {r.key: r for r in Document.objects.all()}
    report.table = Counter(r.type for r in rows.values())
    table_missing = [pairs[k] for k in pairs if k not in rows or _differs(rows[k], *pairs[k])]
    table_extra = [k for k in rows if k not in pairs]
    es_missing: list[SearchDocument] = []
    es_extra: list[str] = []
    if elastic_enabled():
        from search.engines import elastic

        elastic.refresh()  # count what was written just now too
        es_types = elastic.all_keys()
        report.elastic = Counter(es_types.values())
        es_missing = [doc for k, (_, doc) in pairs.items() if es_types.get(k) != doc.type]
        es_extra = [k for k in es_types if k not in pairs]
    report.missing = len(table_missing) + len(es_missing)
    report.extra = len(table_extra) + len(es_extra)
    if repair and report.drift:
        documents.store(table_missing)
        documents.remove(table_extra)
        documents.prune_vocabulary()
        if elastic_enabled():
            elastic.index_documents(es_missing)
            elastic.delete_documents(es_extra)
        report.repaired = True
    return report


def _differs(row: Document, label: str, doc: SearchDocument) -> bool:
    fresh = documents.to_row(doc, label)
    return any(
        getattr(row, f) != getattr(fresh, f)
        for f in ("type", "title", "url", "summary", "body", "wijk", "facet_terms", "buurt")
    )
