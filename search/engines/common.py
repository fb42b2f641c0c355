"""What both engines share: cleaning a request, facet lists and "bedoelde je".

"Bedoelde je" comes from the ``search.Woord`` vocabulary (words of indexed titles and
summaries, filled by the indexing pipeline) for both engines, so the suggestion is the
same whichever engine answers, and the typo tolerance of the database engine uses the
same words.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections import Counter

from django.db.models import Q

from search import registry
from search.analysis import clean_query, query_tokens, synonyms
from search.models import Woord
from search.types import FACETS, FacetValue, SearchRequest

MAX_PAGE_SIZE = 100
MAX_PAGE = 500
MAX_FILTER_VALUES = 20


def normalise(request: SearchRequest) -> SearchRequest:
    """A copy that is safe to search with: query capped, page and size in range,
    filter lists short and without blanks, distance only positive."""

    def values(items):
        return [str(v)[:100] for v in (items or []) if v and str(v).strip()][:MAX_FILTER_VALUES]

    try:
        page = int(request.page)
    except (TypeError, ValueError):
        page = 1
    try:
        size = int(request.page_size)
    except (TypeError, ValueError):
        size = 20
    try:
        distance = float(request.distance_km) if request.distance_km is not None else None
    except (TypeError, ValueError):
        distance = None
    if distance is not None and not (0 < distance < 1000):
        distance = None
    return dataclasses.replace(
        request,
        q=clean_query(request.q),
        types=values(request.types),
        wijk=str(request.wijk or "")[:100],
        themes=values(request.themes),
        needs=values(request.needs),
        skills=values(request.skills),
        suitable_for=values(request.suitable_for),
        postcode=str(request.postcode or "").strip()[:20],
        distance_km=distance,
        page=min(max(1, page), MAX_PAGE),
        page_size=min(max(1, size), MAX_PAGE_SIZE),
    )


def selected(request: SearchRequest) -> dict[str, list[str]]:
    return {
        "type": request.types,
        "wijk": [request.wijk] if request.wijk else [],
        "theme": request.themes,
        "need": request.needs,
        "skill": request.skills,
        "suitable_for": request.suitable_for,
    }


def facet_lists(
    counts: dict[str, Counter], labels: dict[tuple[str, str], str], request: SearchRequest
) -> dict[str, list[FacetValue]]:
    """Facet values by count (then label); a selected value always shows, even at 0."""
    chosen = selected(request)
    out = {}
    for facet in FACETS:
        counter = counts.get(facet, Counter())
        for value in chosen[facet]:
            counter.setdefault(value, 0)
        values = [
            FacetValue(
                value=value,
                label=labels.get((facet, value)) or registry.facet_label(facet, value),
                count=count,
                selected=value in chosen[facet],
            )
            for value, count in counter.items()
            if value
        ]
        values.sort(key=lambda v: (-v.count, str(v.label).lower()))
        out[facet] = values
    return out


def corrections(tokens: list[str]) -> dict[str, str]:
    """For each query word the vocabulary does not know: its closest known word."""
    return analyse_words(tokens)[0]


def analyse_words(tokens: list[str]) -> tuple[dict[str, str], set[str]]:
    """(corrections, unknown words): words of titles and summaries the vocabulary does
    not know, and for each its closest known word when one is close enough.

    At most two queries, whatever the number of words.
    """
    candidates = [t for t in tokens if t.isalpha() and 4 <= len(t) <= 30]
    if not candidates:
        return {}, set()
    # A word is known as itself or as one of its synonyms.
    known = set(
        Woord.objects.filter(word__in={s for t in candidates for s in synonyms(t)}).values_list(
            "word", flat=True
        )
    )
    unknown = [t for t in candidates if not known.intersection(synonyms(t))]
    if not unknown:
        return {}, set()
    near = Q()
    for t in unknown:
        near |= Q(word__startswith=t[0], length__gte=len(t) - 2, length__lte=len(t) + 2)
    pool = list(Woord.objects.filter(near).values_list("word", flat=True)[:5000])
    out = {}
    for t in unknown:
        match = difflib.get_close_matches(t, pool, n=1, cutoff=0.8)
        if match:
            out[t] = match[0]
    return out, set(unknown)


def suggestion_text(q: str, fixes: dict[str, str]) -> str:
    """The query with each corrected word replaced, in folded form."""
    if not fixes:
        return ""
    return " ".join(fixes.get(t, t) for t in query_tokens(q))
