"""The Elasticsearch engine: query, facets as aggregations, highlight, geo, suggestions.

Each query word must match (in title, summary, body or the place and theme names):
as typed (the search analyzer adds synonyms), fuzzily (typos, on the index analyzer so
fuzziness never meets the synonym graph), as one of our synonyms, or as the
vocabulary's correction. Scoring: title^3, summary^2, body and names^1, times
log2(2 + popularity). Only ``match``-family queries, so no input is query syntax.

Facet filters go in ``post_filter`` (the hits obey them all); each facet's ``terms``
aggregation sits in a ``filter`` aggregation holding the other facets' filters, so a
facet counts what choosing one more of its values would add. The distance filter is
not a facet: it stays in the query and limits the hits and every facet.
Writes and the index definition are in ``elastic_index``.
"""

from __future__ import annotations

from collections import Counter

from django.utils.dateparse import parse_datetime
from elasticsearch_dsl import Q, Search

from search.analysis import marked_snippet, query_tokens, snippet, synonyms
from search.engines.common import analyse_words, facet_lists, suggestion_text
from search.engines.elastic_index import (  # noqa: F401 - the module's public face
    UNAVAILABLE,
    alias,
    all_keys,
    client,
    delete_documents,
    delete_indices,
    ensure_index,
    index_documents,
    rebuild,
    refresh,
)
from search.geo import postcode_point
from search.types import GeoPoint, Hit, SearchRequest, SearchResults, Suggestion

NAME = "elasticsearch"
MAX_WINDOW = 10_000  # Elasticsearch's index.max_result_window
PRE, POST = "\x02", "\x03"  # highlight markers: never in text, so escaping stays ours

# Facet name -> (field, SearchRequest attribute)
_FILTERS = {
    "type": ("type", "types"),
    "wijk": ("wijk", "wijk"),
    "theme": ("themes", "themes"),
    "need": ("needs", "needs"),
    "skill": ("skills", "skills"),
    "suitable_for": ("suitable_for", "suitable_for"),
}
_SOURCE = [
    "key",
    "type",
    "title",
    "url",
    "summary",
    "body",
    "wijk_label",
    "buurt_label",
    "themes",
    "theme_labels",
    "starts_at",
    "location",
]


def _word_query(word: str, fix: str | None, fuzzy: bool):
    """One query word: as typed or one of its synonyms or its correction, in one
    ``match`` (OR); fuzzily only when the vocabulary does not know the word (fuzzy
    clauses are the expensive part, and a known word needs none)."""
    options = [Q("match", all={"query": " ".join([*synonyms(word), *([fix] if fix else [])])})]
    if fuzzy:
        options.append(
            Q(
                "match",
                all={
                    "query": word,
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "analyzer": "bk_dutch",
                },
            )
        )
    return options[0] if len(options) == 1 else Q("bool", should=options, minimum_should_match=1)


def _terms(words: list[str], fixes: dict[str, str]) -> list[str]:
    out = []
    for w in words:
        out += synonyms(w)
        if w in fixes:
            out.append(fixes[w])
    return out


def _facet_filters(request: SearchRequest) -> dict[str, Q]:
    """Facet name -> its ``terms`` filter, for the facets the visitor chose."""
    out = {}
    for name, (field, attr) in _FILTERS.items():
        value = getattr(request, attr)
        values = [value] if isinstance(value, str) else value
        if values and values != [""]:
            out[name] = Q("terms", **{field: values})
    return out


def _query_filters(request: SearchRequest, origin: GeoPoint | None) -> list:
    """Filters that are no facet: they limit the hits and every facet count."""
    if origin and request.distance_km:
        return [
            Q(
                "geo_distance",
                distance=f"{request.distance_km}km",
                location=f"{origin.lat},{origin.lon}",
            )
        ]
    return []


def _facet_aggs(s: Search, facet_filters: dict[str, Q]) -> None:
    """Per facet: a ``filter`` aggregation of the other facets' filters around its
    ``terms`` aggregation (read back as ``aggregations[name]["values"]``)."""
    for name, (field, _) in _FILTERS.items():
        others = [f for other, f in facet_filters.items() if other != name]
        scope = Q("bool", filter=others) if others else Q("match_all")
        s.aggs.bucket(name, "filter", filter=scope).bucket("values", "terms", field=field, size=100)


def _query(words: list[str], fixes: dict[str, str], unknown: set[str], filters: list):
    if not words:
        return Q("bool", filter=filters) if filters else Q("match_all")
    relevance = [
        Q(
            "multi_match",
            query=" ".join(_terms(words, fixes)),
            fields=["title^3", "summary^2", "body", "labels"],
        ),
    ]
    must = [_word_query(w, fixes.get(w), w in unknown or len(w) < 4) for w in words]
    text = Q("bool", must=must, should=relevance)
    boosted = Q(
        "function_score",
        query=text,
        functions=[
            {"field_value_factor": {"field": "popularity", "modifier": "log2p", "missing": 0}}
        ],
        boost_mode="multiply",
    )
    return Q("bool", must=[boosted], filter=filters)


def search(request: SearchRequest) -> SearchResults:
    """``request`` must be normalised (``engines.common.normalise``). Raises one of
    ``UNAVAILABLE`` when the server fails; ``search.engine`` then falls back."""
    words = query_tokens(request.q)
    fixes, unknown = analyse_words(words)
    origin = postcode_point(request.postcode) if request.postcode else None
    facet_filters = _facet_filters(request)
    s = Search(using=client(), index=alias()).query(
        _query(words, fixes, unknown, _query_filters(request, origin))
    )
    if facet_filters:
        s = s.post_filter(Q("bool", filter=list(facet_filters.values())))
    s = s.extra(track_total_hits=True).source(_SOURCE)
    start = (request.page - 1) * request.page_size
    size = request.page_size if start + request.page_size <= MAX_WINDOW else 0
    s = s[min(start, MAX_WINDOW) : min(start, MAX_WINDOW) + size]
    if origin:
        point = f"{origin.lat},{origin.lon}"
        s = s.sort({"_geo_distance": {"location": point, "order": "asc", "unit": "km"}}, "_score")
    elif not words:
        s = s.sort({"popularity": {"order": "desc"}}, {"updated_at": {"order": "desc"}})
    _facet_aggs(s, facet_filters)
    if words:
        terms = " ".join(_terms(words, fixes))
        s = s.highlight(
            "summary",
            "body",
            pre_tags=[PRE],
            post_tags=[POST],
            fragment_size=180,
            number_of_fragments=1,
            highlight_query=Q("multi_match", query=terms, fields=["summary", "body"]).to_dict(),
        )
    response = s.execute()
    counts = {
        name: Counter({b["key"]: b["doc_count"] for b in _buckets(response, name)})
        for name in _FILTERS
    }
    labels: dict[tuple[str, str], str] = {}
    hits = []
    plain_terms = _terms(words, fixes)
    for hit in response.hits:
        src = hit.to_dict()
        hits.append(_hit(src, getattr(hit.meta, "highlight", None), plain_terms, hit.meta, origin))
    _collect_labels(response, labels)
    return SearchResults(
        request=request,
        hits=hits,
        total=response.hits.total.value,
        facets=facet_lists(counts, labels, request),
        engine=NAME,
        suggestion=suggestion_text(request.q, fixes),
        origin=origin,
    )


def _buckets(response, name: str) -> list:
    return response.aggregations[name]["values"]["buckets"]


def _collect_labels(response, labels: dict) -> None:
    """Wijk and theme names for the facets: one small lookup in the table (same data)."""
    from search.models import Document

    wijken = [b["key"] for b in _buckets(response, "wijk")]
    themes = {b["key"] for b in _buckets(response, "theme")}
    rows = Document.objects.filter(wijk__in=wijken).values_list("wijk", "wijk_label").distinct()
    for wijk, label in rows:
        labels[("wijk", wijk)] = label
    for hit in response.hits:
        for code, label in zip(
            hit.to_dict().get("themes", []), hit.to_dict().get("theme_labels", []), strict=False
        ):
            if code in themes:
                labels[("theme", code)] = label


def _hit(src: dict, highlight, terms: list[str], meta, origin) -> Hit:
    location = None
    if src.get("location"):
        lat, lon = (float(x) for x in str(src["location"]).split(","))
        location = GeoPoint(lat, lon)
    fragments = []
    if highlight:
        fragments = list(getattr(highlight, "summary", [])) or list(getattr(highlight, "body", []))
    text = marked_snippet(fragments, PRE, POST) if fragments else None
    if text is None:
        text = snippet(src.get("summary") or src.get("body", ""), terms)
    distance = None
    if origin and getattr(meta, "sort", None):
        value = meta.sort[0]
        distance = round(float(value), 2) if value not in (None, "Infinity") else None
        if distance is not None and distance > 20_000:  # no location: sorted last
            distance = None
    return Hit(
        key=src.get("key", meta.id),
        type=src.get("type", ""),
        title=src.get("title", ""),
        url=src.get("url", ""),
        summary=src.get("summary", ""),
        snippet=text,
        wijk_label=src.get("wijk_label", ""),
        buurt_label=src.get("buurt_label", ""),
        theme_labels=list(src.get("theme_labels", [])),
        starts_at=parse_datetime(src["starts_at"]) if src.get("starts_at") else None,
        distance_km=distance,
        location=location,
    )


def suggest(prefix: str, limit: int = 8) -> list[Suggestion]:
    """The completion suggester on titles (and each title from its later words)."""
    if len(prefix.strip()) < 2 or not query_tokens(prefix):
        return []
    s = Search(using=client(), index=alias()).source(["title", "url", "type"])
    s = s.suggest(
        "titles",
        prefix.strip().lower(),
        completion={"field": "suggest", "size": limit, "skip_duplicates": True},
    )
    response = s.execute()
    out, seen = [], set()
    for option in response.suggest.titles[0].options:
        src = option._source
        if src.url in seen:
            continue
        seen.add(src.url)
        out.append(Suggestion(title=src.title, url=src.url, type=src.type))
    return out[:limit]
