"""From a :class:`SearchDocument` to what each engine stores.

``store``/``remove`` keep the ``search.Document`` table (the database engine's data,
always up to date); ``to_source`` gives the Elasticsearch ``_source``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from search.analysis import fold, vocabulary_words
from search.models import Document, Woord
from search.types import GeoPoint, SearchDocument

LIST_FACETS = ("themes", "needs", "skills", "suitable_for")
# Facet name (types.FACETS) -> SearchDocument field.
FACET_FIELDS = {
    "type": "type",
    "wijk": "wijk",
    "theme": "themes",
    "need": "needs",
    "skill": "skills",
    "suitable_for": "suitable_for",
}


def facet_terms(doc: SearchDocument) -> str:
    terms = [f"{field}:{value}" for field in LIST_FACETS for value in getattr(doc, field)]
    return f" {' '.join(terms)} " if terms else ""


def _labels_text(doc: SearchDocument) -> str:
    return " ".join([doc.wijk_label, doc.buurt_label, *doc.theme_labels])


def to_row(doc: SearchDocument, source: str) -> Document:
    return Document(
        key=doc.key,
        source=source,
        type=doc.type,
        title=doc.title[:300],
        url=doc.url[:500],
        summary=doc.summary,
        body=doc.body,
        wijk=doc.wijk,
        wijk_label=doc.wijk_label,
        buurt=doc.buurt,
        buurt_label=doc.buurt_label,
        themes=list(doc.themes),
        theme_labels=[str(x) for x in doc.theme_labels],
        needs=list(doc.needs),
        skills=list(doc.skills),
        suitable_for=list(doc.suitable_for),
        facet_terms=facet_terms(doc),
        latitude=doc.location.lat if doc.location else None,
        longitude=doc.location.lon if doc.location else None,
        starts_at=doc.starts_at,
        updated_at=doc.updated_at,
        popularity=doc.popularity,
        title_text=fold(doc.title),
        summary_text=fold(doc.summary),
        # Places and themes are findable ("moestuin westerpark"), weighed like body text.
        body_text=fold(f"{doc.body} {_labels_text(doc)} {' '.join(doc.skills)}"),
    )


def from_row(row: Document) -> SearchDocument:
    location = None
    if row.latitude is not None and row.longitude is not None:
        location = GeoPoint(row.latitude, row.longitude)
    return SearchDocument(
        key=row.key,
        type=row.type,
        title=row.title,
        url=row.url,
        summary=row.summary,
        body=row.body,
        wijk=row.wijk,
        wijk_label=row.wijk_label,
        buurt=row.buurt,
        buurt_label=row.buurt_label,
        themes=row.themes,
        theme_labels=row.theme_labels,
        needs=row.needs,
        skills=row.skills,
        suitable_for=row.suitable_for,
        location=location,
        starts_at=row.starts_at,
        updated_at=row.updated_at,
        popularity=row.popularity,
    )


def to_source(doc: SearchDocument) -> dict:
    """The Elasticsearch ``_source`` of a document."""
    body = {
        "type": doc.type,
        "title": doc.title,
        "url": doc.url,
        "summary": doc.summary,
        "body": doc.body,
        "labels": _labels_text(doc),
        "all": " ".join([doc.title, doc.summary, doc.body, _labels_text(doc), *doc.skills]),
        "wijk": doc.wijk,
        "wijk_label": doc.wijk_label,
        "buurt": doc.buurt,
        "buurt_label": doc.buurt_label,
        "themes": list(doc.themes),
        "theme_labels": [str(x) for x in doc.theme_labels],
        "needs": list(doc.needs),
        "skills": list(doc.skills),
        "suitable_for": list(doc.suitable_for),
        "popularity": doc.popularity,
        "suggest": {"input": _suggest_inputs(doc.title)},
    }
    if doc.location:
        body["location"] = f"{doc.location.lat},{doc.location.lon}"
    if doc.starts_at:
        body["starts_at"] = doc.starts_at.isoformat()
    if doc.updated_at:
        body["updated_at"] = doc.updated_at.isoformat()
    return body


def _suggest_inputs(title: str) -> list[str]:
    """The title and the title from each later word, so "tuin" completes "Moestuin
    De Ruif"'s second word too."""
    words = title.split()
    return [" ".join(words[i:]) for i in range(min(len(words), 6))] or [title]


@transaction.atomic
def store(docs: Iterable[tuple[str, SearchDocument]]) -> int:
    """Insert or replace documents (pairs of source label and document) in the table."""
    rows = [to_row(doc, source) for source, doc in docs]
    if not rows:
        return 0
    Document.objects.filter(key__in=[r.key for r in rows]).delete()
    Document.objects.bulk_create(rows, batch_size=500)
    words = set()
    for row in rows:
        words |= vocabulary_words(row.title, row.summary)
    Woord.objects.bulk_create(
        [Woord(word=w, length=len(w)) for w in sorted(words)],
        ignore_conflicts=True,
        batch_size=1000,
    )
    return len(rows)


def remove(keys: Iterable[str]) -> int:
    keys = list(keys)
    if not keys:
        return 0
    deleted, _ = Document.objects.filter(key__in=keys).delete()
    return deleted


def prune_vocabulary() -> None:
    """Forget words no indexed title or summary still has."""
    words: set[str] = set()
    for title, summary in Document.objects.values_list("title", "summary").iterator():
        words |= vocabulary_words(title, summary)
    stale = [w for w in Woord.objects.values_list("word", flat=True) if w not in words]
    for i in range(0, len(stale), 500):
        Woord.objects.filter(word__in=stale[i : i + 500]).delete()
