"""The database engine: searches the ``search.Document`` table.

PostgreSQL: the generated ``search_vector`` (Dutch stemming, weights A/B/C) matched
with a ``to_tsquery`` built from the folded query words only (so no input can be query
syntax), each word OR-ed with its synonyms and, when the vocabulary does not know it,
its closest known word (typo tolerance). SQLite: the same words matched with
``LIKE`` on the folded text, plurals cut off crudely.

A search costs a constant number of queries: vocabulary (at most 2), the postcode (1),
the rows matching the words with their facet columns (1), the page's documents (1).
That one query leaves out only rows that fail two or more of the chosen facets; Python
then takes the rows passing every filter as results and counts each facet over the
rows passing every filter except its own (so ticking "Vacature" leaves the other types
their counts: what choosing them too would add).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from search.analysis import light_stem, query_tokens, snippet, synonyms
from search.documents import from_row
from search.engines.common import corrections, facet_lists, suggestion_text
from search.geo import distance_km, postcode_point
from search.models import Document
from search.types import GeoPoint, Hit, SearchRequest, SearchResults, Suggestion

NAME = "database"

_COLUMNS = (
    "id",
    "rank",
    "latitude",
    "longitude",
    "popularity",
    "updated_at",
    "type",
    "wijk",
    "wijk_label",
    "facet_terms",
)
_TYPE, _WIJK, _WIJK_LABEL, _TERMS = 6, 7, 8, 9  # positions in _COLUMNS
# facet_terms prefix -> facet name; one string per row is far cheaper to fetch than lists.
_LIST_FACETS = {
    "themes": "theme",
    "needs": "need",
    "skills": "skill",
    "suitable_for": "suitable_for",
}


def _word_groups(q: str) -> tuple[list[list[str]], dict[str, str]]:
    """Per query word: the words that may stand for it (itself, synonyms, correction)."""
    toks = query_tokens(q)
    fixes = corrections(toks)
    groups = []
    for t in toks:
        variants = list(synonyms(t))
        if t in fixes:
            variants += [w for w in synonyms(fixes[t]) if w not in variants]
        groups.append(variants)
    return groups, fixes


def _tsquery(groups: list[list[str]]) -> str:
    parts = []
    for i, variants in enumerate(groups):
        last = i == len(groups) - 1
        # The last word may be half typed: match it as a prefix too.
        terms = [f"{v}:*" if last and len(v) >= 3 else v for v in variants]
        parts.append("(" + " | ".join(terms) + ")")
    return " & ".join(parts)


def _match(qs, groups):
    """Restrict ``qs`` to documents matching every word group; annotate ``rank``."""
    if not groups:
        return qs.annotate(rank=Value(0.0))
    if connection.vendor == "postgresql":
        tsq = _tsquery(groups)
        # extra(where=...) keeps the plain "@@" the GIN index serves.
        return qs.annotate(
            rank=RawSQL("ts_rank(search_vector, to_tsquery('dutch', %s), 1)", (tsq,))
        ).extra(where=["search_vector @@ to_tsquery('dutch', %s)"], params=[tsq])
    rank = Value(0)
    for variants in groups:
        stems = [light_stem(v) for v in variants]
        in_title, in_summary, anywhere = Q(), Q(), Q()
        for s in stems:
            in_title |= Q(title_text__contains=s)
            in_summary |= Q(summary_text__contains=s)
            anywhere |= Q(title_text__contains=s) | Q(summary_text__contains=s)
            anywhere |= Q(body_text__contains=s)
        qs = qs.filter(anywhere)
        rank = rank + Case(
            When(in_title, then=Value(3)),
            When(in_summary, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return qs.annotate(rank=rank * 1.0)


def _facet_filters(request: SearchRequest) -> dict[str, tuple[Q, Callable[[tuple], bool]]]:
    """Per chosen facet: its condition in SQL and the same test on a fetched row.

    The row test decides; the SQL condition only narrows the fetch, and matches at
    least the rows the test passes (SQLite's LIKE ignores case, the test does not).
    """
    out: dict[str, tuple[Q, Callable[[tuple], bool]]] = {}
    if request.types:
        types = set(request.types)
        out["type"] = (Q(type__in=request.types), lambda row: row[_TYPE] in types)
    if request.wijk:
        wijk = request.wijk
        out["wijk"] = (Q(wijk=wijk), lambda row: row[_WIJK] == wijk)
    for field, facet in _LIST_FACETS.items():
        terms = [f" {field}:{value} " for value in getattr(request, field)]
        if terms:
            any_of = Q()
            for term in terms:
                any_of |= Q(facet_terms__contains=term)
            out[facet] = (any_of, lambda row, terms=terms: any(t in row[_TERMS] for t in terms))
    return out


def _fetch_filter(conditions: list[Q]) -> Q:
    """Rows failing at most one of ``conditions``: the rest neither is a result nor
    counts in any facet. With one condition or none that is every row."""
    if len(conditions) < 2:
        return Q()
    either = Q()
    for skipped in range(len(conditions)):
        all_others = Q()
        for i, condition in enumerate(conditions):
            if i != skipped:
                all_others &= condition
        either |= all_others
    return either


def score(rank: float, popularity: float) -> float:
    """Text relevance, lifted up to 1.5 times for popular and recently active items."""
    return (rank or 0.0) * (1 + min(max(popularity or 0.0, 0.0), 10.0) / 20)


def search(request: SearchRequest) -> SearchResults:
    """``request`` must be normalised (``engines.common.normalise``)."""
    groups, fixes = _word_groups(request.q)
    origin = postcode_point(request.postcode) if request.postcode else None
    facet_filters = _facet_filters(request)
    fetch = _fetch_filter([condition for condition, _ in facet_filters.values()])
    rows = list(_match(Document.objects.filter(fetch), groups).values_list(*_COLUMNS))

    distances: dict[int, float] = {}
    if origin:
        for row in rows:
            if row[2] is not None and row[3] is not None:
                distances[row[0]] = distance_km(origin, GeoPoint(row[2], row[3]))
        if request.distance_km:
            rows = [r for r in rows if distances.get(r[0], math.inf) <= request.distance_km]

    if facet_filters:
        results, near = [], {name: [] for name in facet_filters}
        for row in rows:
            failed = [name for name, (_, test) in facet_filters.items() if not test(row)]
            if not failed:
                results.append(row)
            elif len(failed) == 1:  # counts in the facet it fails: choosing that value adds it
                near[failed[0]].append(row)
        rows = results
    else:
        near = {}
    counts, labels = _facet_counts(rows, near)

    def order(row):
        recent = row[5].timestamp() if row[5] else 0.0
        relevance = -score(row[1], row[4]) if groups else -(row[4] or 0.0)
        if origin:
            return (distances.get(row[0], math.inf), relevance, -recent)
        return (relevance, -recent, row[0])

    rows.sort(key=order)
    start = (request.page - 1) * request.page_size
    page_ids = [row[0] for row in rows[start : start + request.page_size]]
    documents = Document.objects.in_bulk(page_ids)
    terms = [v for variants in groups for v in variants]
    hits = [_hit(documents[pk], terms, distances.get(pk)) for pk in page_ids if pk in documents]
    for row in documents.values():
        for code, label in zip(row.themes, row.theme_labels, strict=False):
            labels.setdefault(("theme", code), label)
    return SearchResults(
        request=request,
        hits=hits,
        total=len(rows),
        facets=facet_lists(counts, labels, request),
        engine=NAME,
        suggestion=suggestion_text(request.q, fixes),
        origin=origin,
    )


def _facet_counts(
    results: list[tuple], near: dict[str, list[tuple]]
) -> tuple[dict[str, Counter], dict[tuple[str, str], str]]:
    """Counts per facet: ``results`` in every facet, ``near[facet]`` (the rows that
    fail only that facet's filter) in that facet only. Also the wijk names."""
    counts: dict[str, Counter] = {k: Counter() for k in ("type", "wijk", *_LIST_FACETS.values())}
    labels: dict[tuple[str, str], str] = {}
    for only, rows in ((None, results), *near.items()):
        if only in (None, "type"):
            counts["type"].update(row[_TYPE] for row in rows)
        if only in (None, "wijk"):
            counts["wijk"].update(row[_WIJK] for row in rows if row[_WIJK])
            labels.update({("wijk", row[_WIJK]): row[_WIJK_LABEL] for row in rows if row[_WIJK]})
        if only in ("type", "wijk"):
            continue
        terms = Counter(term for row in rows for term in set(row[_TERMS].split()))
        for term, n in terms.items():
            field, _, value = term.partition(":")
            facet = _LIST_FACETS.get(field)
            if facet and only in (None, facet):
                counts[facet][value] += n
    return counts, labels


def _hit(row: Document, terms: list[str], distance: float | None) -> Hit:
    doc = from_row(row)
    text = doc.summary
    if terms and not _mentions(doc.summary, terms) and _mentions(doc.body, terms):
        text = doc.body
    return Hit(
        key=doc.key,
        type=doc.type,
        title=doc.title,
        url=doc.url,
        summary=doc.summary,
        snippet=snippet(text or doc.body, terms),
        wijk_label=doc.wijk_label,
        buurt_label=doc.buurt_label,
        theme_labels=list(doc.theme_labels),
        starts_at=doc.starts_at,
        distance_km=round(distance, 2) if distance is not None else None,
        location=doc.location,
    )


def _mentions(text: str, terms: list[str]) -> bool:
    return "<mark>" in snippet(text, terms, width=10_000)


def suggest(prefix: str, limit: int = 8) -> list[Suggestion]:
    """Titles with a word starting with ``prefix`` (folded), title starts first."""
    toks = query_tokens(prefix)
    if not toks or len(prefix.strip()) < 2:
        return []
    qs = Document.objects.all()
    for t in toks[:-1]:
        qs = qs.filter(title_text__contains=t)
    last = toks[-1]
    qs = qs.filter(Q(title_text__startswith=last) | Q(title_text__contains=f" {last}"))
    qs = qs.annotate(
        starts=Case(
            When(title_text__startswith=" ".join(toks), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("starts", F("popularity").desc(), "title")
    return [
        Suggestion(title=title, url=url, type=type_)
        for title, url, type_ in qs.values_list("title", "url", "type")[: max(1, min(limit, 20))]
    ]
