"""The search page /zoeken/: one GET form, results with facets, and a useful empty page."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from search import engine, stats
from search.forms import FACET_LABELS, SearchForm, facet_value_label, type_label
from search.types import FACETS, FacetValue, SearchResults

PAGE_WINDOW = 2  # page links either side of the current page


@dataclass
class FacetGroup:
    """One facet as the filter form draws it: a fieldset of checkboxes or radio buttons."""

    name: str
    legend: str
    values: list[FacetValue]
    multiple: bool = True
    selected: list[str] = field(default_factory=list)


def facet_groups(form: SearchForm, results: SearchResults) -> list[FacetGroup]:
    """The facets with their counts; a chosen value stays visible even with no results."""
    groups = []
    for name in FACETS:
        selected = form.facets.get(name, [])
        values = [
            FacetValue(
                value=fv.value,
                label=facet_value_label(name, fv),
                count=fv.count,
                selected=fv.selected or fv.value in selected,
            )
            for fv in results.facets.get(name, [])
        ]
        shown = {fv.value for fv in values}
        for value in selected:
            if value not in shown:
                values.append(FacetValue(value=value, label=value, count=0, selected=True))
        if values:
            groups.append(
                FacetGroup(
                    name=name,
                    legend=str(FACET_LABELS[name]),
                    values=values,
                    multiple=name != "wijk",
                    selected=selected,
                )
            )
    return groups


def page_links(page: int, pages: int) -> list[int | None]:
    """Page numbers around ``page``, with the first and last; None marks a gap."""
    numbers = {1, pages, *range(max(1, page - PAGE_WINDOW), min(pages, page + PAGE_WINDOW) + 1)}
    links: list[int | None] = []
    for number in sorted(numbers):
        if links and links[-1] is not None and number > links[-1] + 1:
            links.append(None)
        links.append(number)
    return links


def _url(**params) -> str:
    query = urlencode({k: v for k, v in params.items() if v}, doseq=True)
    return reverse("search:results") + (f"?{query}" if query else "")


def search_view(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    form.is_valid()  # a bad part is left out and shown next to its field; the page still works
    search_request = form.search_request()
    results = engine.search(search_request)
    q = search_request.q
    postcode = search_request.postcode
    # A query, a filter or only a postcode ("what is near me?") all list results.
    browsing = bool(q or postcode) or form.has_filters
    if q:
        stats.search_record(
            q=q, wijk=search_request.wijk, total=results.total, page=search_request.page
        )
    beyond_end = results.total > 0 and search_request.page > results.pages
    show_popular = not browsing or results.total == 0
    hits = [{"hit": hit, "type_label": type_label(hit.type)} for hit in results.hits]
    context = {
        "form": form,
        "q": q,
        "browsing": browsing,
        "results": results,
        "hits": hits,
        "hits_start": (search_request.page - 1) * search_request.page_size + 1,
        "facet_groups": facet_groups(form, results),
        "postcode": postcode,
        "buurt": form.buurt,
        "beyond_end": beyond_end,
        "last_page_url": _url(**_params(request), page=results.pages) if beyond_end else "",
        "page_links": page_links(search_request.page, results.pages),
        "no_filters_url": _url(q=q) if form.has_filters or postcode else "",
        "popular": stats.popular_terms() if show_popular else [],
        "show_fallback_notice": results.fallback and request.user.is_staff,
        "crumbs": [(_("Home"), "/"), (_("Zoeken"), "")],
    }
    return render(request, "search/results.html", context)


def _params(request: HttpRequest) -> dict[str, list[str]]:
    """The query string as lists, without the page number."""
    return {key: request.GET.getlist(key) for key in request.GET if key != "page"}
