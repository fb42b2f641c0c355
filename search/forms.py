"""The search form: the query, the facets, "in de buurt van" and the page number.

One GET form serves the results page and the API. The page is forgiving: a long query
is cut, an unknown filter value is left out, a page number out of range becomes a page
that exists, and each of those is told to the visitor (``form.notes``). The API is
strict: it answers 400 for the same input (``SearchForm(..., strict=True)``).
"""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtkracht.areas.models import Wijk
from buurtkracht.areas.queries import postcode_lookup, postcode_normalise
from search import registry
from search.types import SearchRequest

MAX_QUERY = 200
MAX_PAGE = 500  # Elasticsearch refuses to page past 10,000 hits (20 per page)
MAX_VALUES = 20  # per facet: more is never a person clicking checkboxes
PAGE_SIZE = 20
DISTANCES = (1, 2, 5, 10)

# A facet value is a slug ("bos-en-lommer", "taalles"); anything else is not one.
FACET_VALUE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")

# Query parameter -> SearchRequest field, in FACETS order.
FACET_PARAMS = {
    "type": "types",
    "wijk": "wijk",
    "theme": "themes",
    "need": "needs",
    "skill": "skills",
    "suitable_for": "suitable_for",
}

TYPE_LABELS = {
    "initiatief": _("Initiatief"),
    "wijkonderneming": _("Wijkonderneming"),
    "vacature": _("Vrijwilligerswerk"),
    "locatie": _("Locatie"),
    "ruimte": _("Ruimte"),
    "pagina": _("Pagina"),
    "nieuws": _("Nieuws"),
    "activiteit": _("Activiteit"),
}

FACET_LABELS = {
    "type": _("Soort"),
    "wijk": _("Wijk"),
    "theme": _("Thema"),
    "need": _("Wat is er nodig"),
    "skill": _("Vaardigheden"),
    "suitable_for": _("Geschikt voor"),
}

MESSAGES = {
    "query_cut": _("Je zoekvraag was te lang. We zoeken met de eerste %(max)s tekens."),
    "query_too_long": _("Een zoekvraag mag maximaal %(max)s tekens hebben."),
    "unknown_value": _("Dit filter kennen we niet: %(value)s. We hebben het weggelaten."),
    "unknown_value_strict": _("Deze waarde kennen we niet: %(value)s."),
    "one_wijk": _("Je kunt in één wijk tegelijk zoeken. We zoeken in %(value)s."),
    "too_many_values": _("Kies maximaal %(max)s waarden per filter."),
    "postcode_invalid": _("Vul een postcode in met 4 cijfers, zoals 1053 of 1053 AB."),
    "postcode_unknown": _(
        "Deze postcode kennen we niet in West. We zoeken nu zonder afstand. "
        "Probeer een andere postcode in de buurt."
    ),
    "distance_invalid": _("Kies een afstand uit de lijst."),
    "distance_without_postcode": _("Vul ook een postcode in om op afstand te zoeken."),
    "page_invalid": _("Vul een paginanummer in vanaf 1."),
    "page_too_high": _("Je kunt niet verder bladeren dan pagina %(max)s."),
}


def type_label(value: str) -> str:
    """The name of a document type ("vacature" -> "Vrijwilligerswerk")."""
    if value in TYPE_LABELS:
        return str(TYPE_LABELS[value])
    return registry.facet_label("type", value)


def facet_value_label(facet: str, value) -> str:
    """The name shown for a ``FacetValue``; types get the same name as the hit badges."""
    if facet == "type":
        return type_label(value.value)
    return str(value.label or value.value)


def fold(text: str) -> str:
    """Lower case without accents: "Café " -> "cafe"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).strip()


def query_clean(raw: str) -> str:
    """One line of text: control characters gone, spaces collapsed. Syntax stays text."""
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in raw)
    return " ".join(text.split())


class QueryField(forms.CharField):
    """Free text: control characters (a NUL too) become spaces instead of an error."""

    def to_python(self, value):
        return query_clean(super().to_python(value) or "")


class SearchForm(forms.Form):
    """Read a search from the query string; never raises for what a visitor typed.

    After ``is_valid()``: ``search_request()`` gives the request to run (bad parts left
    out), ``notes`` the corrections made (shown on the page), ``errors`` the fields to
    correct (the postcode). With ``strict=True`` every correction is an error instead.
    """

    q = QueryField(
        label=_("Waar zoek je naar?"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "data-bk-suggest": "true"}
        ),
    )
    postcode = forms.CharField(
        label=_("In de buurt van (postcode)"),
        required=False,
        help_text=_("Bijvoorbeeld 1053 of 1053 AB. Niet verplicht."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
    )
    distance_km = forms.TypedChoiceField(
        label=_("Afstand"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Werkt samen met een postcode."),
        error_messages={"invalid_choice": MESSAGES["distance_invalid"]},
    )

    def __init__(self, data=None, *, strict: bool = False):
        super().__init__(data)
        # Built here, not at import, so the labels follow the visitor's language.
        self.fields["distance_km"].choices = [("", _("Maakt niet uit"))] + [
            (str(km), _("Binnen %(km)s km") % {"km": km}) for km in DISTANCES
        ]
        self.strict = strict
        self.notes: list[str] = []
        self.problems: dict[str, list[str]] = {}
        self.query_was_cut = False
        self.facets: dict[str, list[str]] = {name: [] for name in FACET_PARAMS}
        self.page = 1
        self.buurt = None  # the buurt of a known postcode

    # --- fields -----------------------------------------------------------------------

    def clean_q(self) -> str:
        q = self.cleaned_data.get("q") or ""
        if len(q) > MAX_QUERY:
            if self.strict:
                raise forms.ValidationError(
                    MESSAGES["query_too_long"], code="query_too_long", params={"max": MAX_QUERY}
                )
            self.query_was_cut = True
            self.notes.append(MESSAGES["query_cut"] % {"max": MAX_QUERY})
            q = q[:MAX_QUERY].rstrip()
        if self.data.get("q") != q:
            # Show the query we searched with, not the one that was cut or cleaned.
            self.data = self.data.copy()
            self.data["q"] = q
        return q

    def clean_postcode(self) -> str:
        raw = (self.cleaned_data.get("postcode") or "").strip()
        if not raw:
            return ""
        code = postcode_normalise(raw)
        if code is None:
            raise forms.ValidationError(MESSAGES["postcode_invalid"], code="postcode_invalid")
        self.buurt = postcode_lookup(code)
        if self.buurt is None:
            raise forms.ValidationError(MESSAGES["postcode_unknown"], code="postcode_unknown")
        return code

    def clean(self):
        cleaned = super().clean()
        self._clean_facets()
        self._clean_page()
        distance, postcode = cleaned.get("distance_km"), cleaned.get("postcode")
        if distance and not postcode and "postcode" not in self.errors:
            self.add_error(
                "distance_km",
                forms.ValidationError(
                    MESSAGES["distance_without_postcode"], code="distance_without_postcode"
                ),
            )
        return cleaned

    def _values(self, name: str) -> list[str]:
        if self.data is None:
            return []
        getlist = getattr(self.data, "getlist", None)
        raw = getlist(name) if getlist else self.data.get(name, [])
        if isinstance(raw, str):
            raw = [raw]
        values = []
        for value in raw:
            value = str(value).strip().lower()
            if value and value not in values:
                values.append(value)
        return values

    def _clean_facets(self) -> None:
        known_wijken = None
        for name in FACET_PARAMS:
            values = self._values(name)
            if len(values) > MAX_VALUES:
                self._problem(name, MESSAGES["too_many_values"] % {"max": MAX_VALUES})
                values = values[:MAX_VALUES]
            kept = []
            for value in values:
                known = bool(FACET_VALUE.match(value))
                if known and name == "wijk":
                    if known_wijken is None:
                        known_wijken = set(Wijk.objects.values_list("slug", flat=True))
                    known = value in known_wijken
                elif known:
                    # Each source registers the names of its facet values (its choices);
                    # a value without a name is one no document can carry.
                    known = value in TYPE_LABELS if name == "type" else False
                    known = known or registry.facet_label(name, value) != value
                if known:
                    kept.append(value)
                else:
                    self.unknown_value(name, value)
            if name == "wijk" and len(kept) > 1:
                # One wijk at a time: the page offers them as radio buttons.
                self._problem(name, MESSAGES["one_wijk"] % {"value": kept[0]})
                kept = kept[:1]
            self.facets[name] = kept

    def unknown_value(self, name: str, value: str) -> None:
        """Leave ``value`` of facet ``name`` out (the page) or refuse it (the API)."""
        shown = value[:40]
        key = "unknown_value_strict" if self.strict else "unknown_value"
        self._problem(name, MESSAGES[key] % {"value": shown})
        if value in self.facets.get(name, []):
            self.facets[name].remove(value)

    def _problem(self, name: str, message) -> None:
        if self.strict:
            self.problems.setdefault(name, []).append(str(message))
        else:
            self.notes.append(str(message))

    def _clean_page(self) -> None:
        raw = (self.data.get("page") if self.data is not None else None) or "1"
        try:
            page = int(str(raw).strip())
        except ValueError:
            page = 0
        if page < 1:
            if self.strict:
                self._problem("page", MESSAGES["page_invalid"])
            page = 1
        if page > MAX_PAGE:
            if self.strict:
                self._problem("page", MESSAGES["page_too_high"] % {"max": MAX_PAGE})
            page = MAX_PAGE
        self.page = page

    def is_valid(self) -> bool:
        return super().is_valid() and not self.problems

    def error_dict(self) -> dict[str, list[str]]:
        """Every error per parameter name, for the API's 400 answer."""
        errors = {name: [str(m) for m in messages] for name, messages in self.errors.items()}
        for name, messages in self.problems.items():
            errors.setdefault(name, []).extend(messages)
        return errors

    # --- results ----------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if hasattr(self, "cleaned_data") else ""

    @property
    def has_filters(self) -> bool:
        return any(self.facets.values())

    def search_request(self) -> SearchRequest:
        """What to ask the engine: the valid parts of the form (call ``is_valid()`` first)."""
        data = self.cleaned_data
        postcode = data.get("postcode") or ""
        return SearchRequest(
            q=data.get("q", ""),
            types=list(self.facets["type"]),
            wijk=self.facets["wijk"][0] if self.facets["wijk"] else "",
            themes=list(self.facets["theme"]),
            needs=list(self.facets["need"]),
            skills=list(self.facets["skill"]),
            suitable_for=list(self.facets["suitable_for"]),
            postcode=postcode,
            distance_km=float(data["distance_km"])
            if postcode and data.get("distance_km")
            else None,
            page=self.page,
            page_size=PAGE_SIZE,
        )
