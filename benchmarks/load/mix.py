"""The URL mix of the load test: which pages, how often, and with which random parameters.

Plain Python (no Django): the driver process and the in-process measurement both draw
URLs from here, so both measure the same pages. ``catalogue`` is the JSON that
``seed.py`` writes: initiative slugs, room ids, weeks, wijk slugs, theme codes.
"""

from __future__ import annotations

import random
from urllib.parse import urlencode

# 50 searches residents type, some two words, a few with a typo or plural.
QUERIES = [
    "buurthuis", "moestuin", "taalmaatje", "koken", "sport ouderen", "huiswerkbegeleiding",
    "repair cafe", "buurtmaaltijd", "voedselbank", "computerles", "naaien", "yoga",
    "wandelen", "zwerfvuil", "speeltuin", "voorlezen", "taalcafe", "buurtkamer",
    "muziek", "dansen", "tuinieren", "klussen", "fietsen repareren", "jongeren",
    "ouderen", "eenzaamheid", "schuldhulp", "geldzaken", "kledingbank", "theater",
    "schilderen", "breien", "bewegen", "voetbal", "gezond eten", "duurzaam",
    "energie besparen", "groen", "vergaderruimte", "zaal huren", "vrijwilliger",
    "boodschappen", "vervoer", "spreekuur", "kinderen", "moestuinen", "koffie ochtend",
    "nederlands leren", "buurtfeest", "tuin",
]  # fmt: skip

# Relative weights of the page types the browsing clients draw from.
WEIGHTS = {
    "bare": 10,
    "home": 15,
    "initiatief_list": 18,
    "initiatief_detail": 28,
    "ruimte_week": 14,
    "vacature_list": 15,
}
# Searches come from their own clients (see driver.py), not from the weights: each one
# asks the search server, and noida-db (the stand-in for Elasticsearch here) needs over a
# second of CPU per search on these two cores, where Elasticsearch needs milliseconds on
# its own machines. Drawn by weight, searches would take the cores from every other page.
PAGES = [*WEIGHTS, "search"]
# The pages the goals are about (the bare view is the yardstick).
KEY_PAGES = [p for p in PAGES if p != "bare"]

SKILLS = ["koken", "tuinieren", "taalmaatje", "klussen", "computerhulp", "kinderen", "sport"]
NEEDS = ["mensen", "ruimte", "geld", "spullen"]


def _page_number(rng: random.Random) -> int:
    """Mostly the first pages, sometimes far in: how people page through a list."""
    roll = rng.random()
    if roll < 0.6:
        return 1
    if roll < 0.9:
        return rng.randint(2, 5)
    return rng.randint(6, 60)


def _with_query(path: str, params: dict) -> str:
    params = {k: v for k, v in params.items() if v not in ("", None)}
    return f"{path}?{urlencode(params)}" if params else path


def url_for(page: str, catalogue: dict, rng: random.Random) -> str:
    if page == "bare":
        return "/bench/bare/"
    if page == "home":
        return "/"
    if page == "initiatief_list":
        params = {}
        if rng.random() < 0.4:
            params["wijk"] = rng.choice(catalogue["wijken"])
        if rng.random() < 0.4:
            params["thema"] = rng.choice(catalogue["themes"])
        if rng.random() < 0.15:
            params["behoefte"] = rng.choice(NEEDS)
        if rng.random() < 0.1:
            params["soort"] = "wijkonderneming"
        if rng.random() < 0.2:
            params["sort"] = "actief"
        page_number = _page_number(rng)
        if page_number > 1:
            params["page"] = page_number
        return _with_query("/initiatieven/", params)
    if page == "initiatief_detail":
        return f"/initiatieven/{rng.choice(catalogue['initiatieven'])}/"
    if page == "ruimte_week":
        room = rng.choice(catalogue["ruimtes"])
        return _with_query(f"/ruimtes/{room}/", {"week": rng.choice(catalogue["weeks"])})
    if page == "vacature_list":
        params = {}
        if rng.random() < 0.3:
            params["wijk"] = rng.choice(catalogue["wijken"])
        if rng.random() < 0.2:
            params["skill"] = rng.choice(SKILLS)
        if rng.random() < 0.2:
            params["theme"] = rng.choice(catalogue["themes"])
        page_number = _page_number(rng)
        if page_number > 1:
            params["page"] = min(page_number, 10)
        return _with_query("/vrijwilligers/", params)
    if page == "search":
        params = {"q": rng.choice(QUERIES)}
        if rng.random() < 0.2:
            params["wijk"] = rng.choice(catalogue["wijken"])
        return _with_query("/zoeken/", params)
    raise ValueError(page)


def draw(catalogue: dict, rng: random.Random, *, searcher: bool = False) -> tuple[str, str]:
    """One request: a search for a searching client, else a page drawn by weight."""
    if searcher:
        return "search", url_for("search", catalogue, rng)
    page = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    return page, url_for(page, catalogue, rng)
