"""How well a vacature fits a volunteer: a score from 0 to 100 and a plain explanation.

The score is a weighted sum of six parts, each between 0 and 1. The weights below are
the only place they live; they add up to 100.

``skills`` (35)
    Share of the vacature's skills (from the curated list) the volunteer has. A vacature
    that asks for no skill counts as a full fit: anyone can start.
``availability`` (20)
    Share of the day parts the vacature needs in which the volunteer is free. One-off
    dates count as the whole weekday. No day parts given on either side: a full fit for
    the vacature without times, half for a volunteer who left the grid empty.
``distance`` (20)
    Between the centroids of the volunteer's buurt (from their postcode) and the
    vacature's buurt (or wijk). Up to 1 km counts fully, beyond the volunteer's maximum
    not at all, linear in between (haversine on the earth's mean radius). Remote work
    counts fully; an unknown place on either side counts half.
``themes`` (15)
    Full when the volunteer and the vacature share a theme; half when either side
    chose none.
``language`` (5)
    Full when the vacature asks for no language or the volunteer speaks one it asks for.
``suitability`` (5)
    Share of the volunteer's own needs (beginner, a disability, learning Dutch, young)
    the vacature says it suits; full for a volunteer with no such need. A young
    volunteer and a vacature with a minimum age of 16 or more do not match at all
    (score 0, left out of rankings).

Both sides are turned into ``Features`` once (bitmasks and numbers), so scoring a pair is
a handful of integer operations. ``VacatureMatrix`` scores one volunteer against many
vacatures at once with numpy and gives the same numbers as ``score``. Ties are broken by
the lower id.
"""

import heapq
import math
from dataclasses import dataclass

import numpy as np
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vrijwilligers.availability import slot_label, weekday_mask
from vrijwilligers.skills import Language, Skill

WEIGHTS = {
    "skills": 35,
    "availability": 20,
    "distance": 20,
    "themes": 15,
    "language": 5,
    "suitability": 5,
}
assert sum(WEIGHTS.values()) == 100

EARTH_RADIUS_KM = 6371.0088
FULL_DISTANCE_KM = 1.0
YOUTH_BLOCKING_AGE = 16

SKILL_BIT = {code: 1 << index for index, code in enumerate(Skill.values)}
LANGUAGE_BIT = {code: 1 << index for index, code in enumerate(Language.values)}
SUIT_BEGINNER, SUIT_DISABILITY, SUIT_NEWCOMER, SUIT_YOUTH = 1, 2, 4, 8


def _bits(codes, table: dict[str, int]) -> int:
    mask = 0
    for code in codes:
        mask |= table.get(code, 0)
    return mask


@dataclass(frozen=True, slots=True)
class Features:
    """One side of a match, reduced to numbers. ``point`` is (lat, lon) in degrees."""

    id: int
    skills: int = 0
    themes: int = 0
    availability: int = 0
    languages: int = 0
    suit: int = 0  # vacature: what it suits; volunteer: what they need
    point: tuple[float, float] | None = None
    remote: bool = False
    max_distance_km: float = 3.0
    min_age: int = 0


def theme_bits(codes, order: dict[str, int]) -> int:
    """Themes as a bitmask; ``order`` maps a theme code to its bit index."""
    return sum(1 << order[code] for code in set(codes) if code in order)


def vacature_features(vacature, *, theme_codes, point) -> Features:
    from initiatieven.models import ThemeCode

    order = {code: index for index, code in enumerate(ThemeCode.values)}
    availability = vacature.availability_mask
    for day in vacature.dates or ():
        availability |= weekday_mask(day.weekday())
    suit = (
        SUIT_BEGINNER * vacature.suits_beginners
        | SUIT_DISABILITY * vacature.suits_disability
        | SUIT_NEWCOMER * vacature.suits_newcomers
        | SUIT_YOUTH * vacature.suits_youth
    )
    return Features(
        id=vacature.pk or 0,
        skills=_bits(vacature.skills, SKILL_BIT),
        themes=theme_bits(theme_codes, order),
        availability=availability,
        languages=_bits(vacature.languages, LANGUAGE_BIT),
        suit=suit,
        point=None if vacature.is_remote else point,
        remote=vacature.is_remote,
        min_age=vacature.min_age or 0,
    )


def profiel_features(profiel, *, theme_codes, point) -> Features:
    from initiatieven.models import ThemeCode

    order = {code: index for index, code in enumerate(ThemeCode.values)}
    suit = (
        SUIT_BEGINNER * profiel.is_beginner
        | SUIT_DISABILITY * profiel.needs_accessible
        | SUIT_NEWCOMER * profiel.is_newcomer
        | SUIT_YOUTH * profiel.is_youth
    )
    return Features(
        id=profiel.pk or 0,
        skills=_bits(profiel.skills, SKILL_BIT),
        themes=theme_bits(theme_codes, order),
        availability=profiel.availability_mask,
        languages=_bits(profiel.languages, LANGUAGE_BIT),
        suit=suit,
        point=point,
        max_distance_km=float(profiel.max_distance_km),
    )


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _distance_part(km: float, max_km: float) -> float:
    if km <= FULL_DISTANCE_KM:
        return 1.0
    if km >= max_km:
        return 0.0
    return (max_km - km) / (max_km - FULL_DISTANCE_KM)


def _share(have: int, want: int, empty: float) -> float:
    wanted = want.bit_count()
    return (have & want).bit_count() / wanted if wanted else empty


def _blocked(vac: Features, vol: Features) -> bool:
    return bool(vol.suit & SUIT_YOUTH) and vac.min_age >= YOUTH_BLOCKING_AGE


def parts(vac: Features, vol: Features, km: float | None = None) -> dict[str, float]:
    """Each part between 0 and 1 (see the module docstring)."""
    if vac.availability == 0:
        availability = 1.0
    elif vol.availability == 0:
        availability = 0.5
    else:
        availability = _share(vol.availability, vac.availability, 1.0)
    if vac.remote:
        distance = 1.0
    elif km is None and (vac.point is None or vol.point is None):
        distance = 0.5
    else:
        if km is None:
            km = haversine_km(vac.point, vol.point)
        distance = _distance_part(km, vol.max_distance_km)
    themes = (1.0 if vac.themes & vol.themes else 0.0) if vac.themes and vol.themes else 0.5
    return {
        "skills": _share(vol.skills, vac.skills, 1.0),
        "availability": availability,
        "distance": distance,
        "themes": themes,
        "language": 1.0 if not vac.languages or vac.languages & vol.languages else 0.0,
        "suitability": _share(vac.suit, vol.suit, 1.0),
    }


def _total(p: dict[str, float]) -> int:
    total = 0.0
    for name in WEIGHTS:  # the same order as the numpy path, so both round alike
        total += WEIGHTS[name] * p[name]
    return int(total + 0.5)


def score(vac: Features, vol: Features) -> int:
    """The match score, 0-100; 0 when the pair is blocked (too young)."""
    if _blocked(vac, vol):
        return 0
    return _total(parts(vac, vol))


def explain(vac: Features, vol: Features) -> str:
    """Why they match, in plain words: "3 van 4 vaardigheden, beschikbaar op dinsdagavond, 1,2 km"."""
    pieces = []
    wanted = vac.skills.bit_count()
    if wanted:
        pieces.append(
            ngettext(
                "%(have)s van %(want)s vaardigheid",
                "%(have)s van %(want)s vaardigheden",
                wanted,
            )
            % {"have": (vac.skills & vol.skills).bit_count(), "want": wanted}
        )
    common = vac.availability & vol.availability
    if common:
        slots = [slot_label(i) for i in range(21) if common >> i & 1]
        shown = ", ".join(slots[:2])
        if len(slots) > 2:
            shown = _("%(slots)s en meer") % {"slots": shown}
        pieces.append(_("beschikbaar op %(slots)s") % {"slots": shown})
    elif vac.availability and vol.availability:
        pieces.append(_("andere dagen dan jij kunt"))
    if vac.remote:
        pieces.append(_("op afstand"))
    elif vac.point is not None and vol.point is not None:
        km = haversine_km(vac.point, vol.point)
        pieces.append(_("%(km)s km") % {"km": number_format(round(km, 1), 1)})
    if vac.themes & vol.themes:
        pieces.append(_("past bij je interesses"))
    if vac.languages and vac.languages & vol.languages:
        pieces.append(_("je spreekt de taal"))
    return ", ".join(pieces)


def matched_skills(vac: Features, vol: Features) -> list[str]:
    """Labels of the skills both sides have, in list order."""
    common = vac.skills & vol.skills
    return [Skill(code).label for code, bit in SKILL_BIT.items() if common & bit]


def rank(target: Features, candidates, *, limit: int = 20, target_is_volunteer=True):
    """The best ``limit`` candidates as (score, features), highest first, ties by id.

    Pairs with score 0 are left out.
    """
    scored = []
    for other in candidates:
        vac, vol = (other, target) if target_is_volunteer else (target, other)
        value = score(vac, vol)
        if value > 0:
            scored.append((value, -other.id, other))
    best = heapq.nlargest(limit, scored, key=lambda item: (item[0], item[1]))
    return [(value, other) for value, _neg, other in best]


class VacatureMatrix:
    """Many vacatures as numpy columns, to rank them for one volunteer at a time."""

    def __init__(self, vacatures: list[Features]):
        self.features = vacatures
        self.ids = np.array([v.id for v in vacatures], dtype=np.int64)
        self.skills = np.array([v.skills for v in vacatures], dtype=np.uint64)
        self.skill_counts = np.bitwise_count(self.skills).astype(np.float64)
        self.themes = np.array([v.themes for v in vacatures], dtype=np.uint64)
        self.availability = np.array([v.availability for v in vacatures], dtype=np.uint64)
        self.avail_counts = np.bitwise_count(self.availability).astype(np.float64)
        self.languages = np.array([v.languages for v in vacatures], dtype=np.uint64)
        self.suit = np.array([v.suit for v in vacatures], dtype=np.uint64)
        self.remote = np.array([v.remote for v in vacatures], dtype=bool)
        self.min_age = np.array([v.min_age for v in vacatures], dtype=np.int64)
        # Vacatures share few places (buurt or wijk centroids): index them once.
        points = sorted({v.point for v in vacatures if v.point is not None})
        self.points = points
        index = {point: i for i, point in enumerate(points)}
        self.point_index = np.array(
            [index[v.point] if v.point is not None else -1 for v in vacatures], dtype=np.int64
        )
        self._distance_cache: dict[tuple[float, float], np.ndarray] = {}

    def _distances(self, point) -> np.ndarray:
        found = self._distance_cache.get(point)
        if found is None:
            found = np.array([haversine_km(p, point) for p in self.points] + [0.0])
            self._distance_cache[point] = found
        return found[self.point_index]

    def scores(self, vol: Features) -> np.ndarray:
        wanted = self.skill_counts
        have = np.bitwise_count(self.skills & np.uint64(vol.skills)).astype(np.float64)
        skills = np.divide(have, wanted, out=np.ones_like(have), where=wanted > 0)

        if vol.availability == 0:
            availability = np.where(self.avail_counts > 0, 0.5, 1.0)
        else:
            common = np.bitwise_count(self.availability & np.uint64(vol.availability))
            availability = np.divide(
                common.astype(np.float64),
                self.avail_counts,
                out=np.ones_like(self.avail_counts),
                where=self.avail_counts > 0,
            )

        if vol.point is None:
            distance = np.where(self.remote, 1.0, 0.5)
        else:
            km = self._distances(vol.point)
            max_km = vol.max_distance_km
            if max_km > FULL_DISTANCE_KM:
                linear = (max_km - km) / (max_km - FULL_DISTANCE_KM)
            else:
                linear = np.zeros_like(km)
            distance = np.where(km <= FULL_DISTANCE_KM, 1.0, np.where(km >= max_km, 0.0, linear))
            distance = np.where(self.point_index < 0, 0.5, distance)
            distance = np.where(self.remote, 1.0, distance)

        if vol.themes:
            themes = np.where(
                self.themes == 0, 0.5, np.where(self.themes & np.uint64(vol.themes), 1.0, 0.0)
            )
        else:
            themes = np.full(len(self.ids), 0.5)

        language = np.where(
            (self.languages == 0) | (self.languages & np.uint64(vol.languages) != 0), 1.0, 0.0
        )
        if vol.suit:
            needed = vol.suit.bit_count()
            suitability = np.bitwise_count(self.suit & np.uint64(vol.suit)) / needed
        else:
            suitability = np.ones(len(self.ids))

        columns = {
            "skills": skills,
            "availability": availability,
            "distance": distance,
            "themes": themes,
            "language": language,
            "suitability": suitability,
        }
        total = np.zeros(len(self.ids))
        for name in WEIGHTS:
            total = total + WEIGHTS[name] * columns[name]
        result = (total + 0.5).astype(np.int64)
        if vol.suit & SUIT_YOUTH:
            result[self.min_age >= YOUTH_BLOCKING_AGE] = 0
        return result

    def top(self, vol: Features, limit: int = 20) -> list[tuple[int, int]]:
        """The best ``limit`` as (score, vacature id), highest first, ties by lower id."""
        values = self.scores(vol)
        # One key: higher score first, then lower id (ids stay below 2**40).
        keys = values * (1 << 40) - self.ids
        if limit < len(keys):
            chosen = np.argpartition(-keys, limit)[:limit]
        else:
            chosen = np.arange(len(keys))
        chosen = chosen[np.argsort(-keys[chosen], kind="stable")]
        return [(int(values[i]), int(self.ids[i])) for i in chosen if values[i] > 0]
