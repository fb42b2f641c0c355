"""The scorer on hand-made cases; no database needed."""

import random

import pytest
from django.utils import translation

from vrijwilligers.availability import mask_from_codes
from vrijwilligers.matching import (
    SKILL_BIT,
    SUIT_BEGINNER,
    SUIT_YOUTH,
    WEIGHTS,
    Features,
    VacatureMatrix,
    explain,
    haversine_km,
    matched_skills,
    parts,
    rank,
    score,
)

HERE = (52.3700, 4.8600)
NEAR = (52.3808, 4.8600)  # 1.2 km north
FAR = (52.4500, 4.8600)  # about 8.9 km


def skills(*codes):
    mask = 0
    for code in codes:
        mask |= SKILL_BIT[code]
    return mask


def test_weights_add_up_to_100():
    assert sum(WEIGHTS.values()) == 100


def test_perfect_match_scores_100():
    slots = mask_from_codes(["di-avond"])
    vac = Features(id=1, skills=skills("koken"), themes=1, availability=slots, point=HERE)
    vol = Features(id=2, skills=skills("koken"), themes=1, availability=slots, point=HERE)
    assert score(vac, vol) == 100


def test_three_of_four_skills_tuesday_evening_and_distance_explained():
    vac = Features(
        id=1,
        skills=skills("koken", "tuinieren", "klussen", "vervoer"),
        availability=mask_from_codes(["di-avond", "do-avond"]),
        point=NEAR,
    )
    vol = Features(
        id=2,
        skills=skills("koken", "tuinieren", "klussen"),
        availability=mask_from_codes(["di-avond", "za-ochtend"]),
        point=HERE,
        max_distance_km=5,
    )
    with translation.override("nl"):
        assert explain(vac, vol) == "3 van 4 vaardigheden, beschikbaar op dinsdagavond, 1,2 km"
    p = parts(vac, vol)
    assert p["skills"] == 0.75
    assert p["availability"] == 0.5
    km = haversine_km(NEAR, HERE)
    assert 1.19 < km < 1.21
    assert p["distance"] == pytest.approx((5 - km) / 4)
    # 35*.75 + 20*.5 + 20*0.95 + 15*.5 (no themes) + 5 + 5
    assert score(vac, vol) == round(26.25 + 10 + 20 * (5 - km) / 4 + 7.5 + 5 + 5)


def test_beyond_max_distance_gives_no_distance_points_and_remote_gives_all():
    vac = Features(id=1, point=FAR)
    vol = Features(id=2, point=HERE, max_distance_km=3)
    assert parts(vac, vol)["distance"] == 0.0
    remote = Features(id=3, remote=True)
    assert parts(remote, vol)["distance"] == 1.0
    assert "op afstand" in explain(remote, vol)


def test_language_and_suitability():
    vac = Features(id=1, languages=0b100, suit=SUIT_BEGINNER)
    speaks = Features(id=2, languages=0b101, suit=SUIT_BEGINNER)
    does_not = Features(id=3, languages=0b001, suit=SUIT_BEGINNER | SUIT_YOUTH)
    assert parts(vac, speaks)["language"] == 1.0
    assert parts(vac, does_not)["language"] == 0.0
    assert parts(vac, does_not)["suitability"] == 0.5
    assert score(vac, speaks) - score(vac, does_not) == 5 + 3  # 2.5 rounds with the rest


def test_young_volunteer_is_blocked_by_minimum_age():
    vac = Features(id=1, min_age=18)
    young = Features(id=2, suit=SUIT_YOUTH)
    assert score(vac, young) == 0
    assert rank(young, [vac]) == []


def test_ranking_is_deterministic_with_ties_broken_by_lowest_id():
    vol = Features(id=99, skills=skills("koken"))
    same = [Features(id=i, skills=skills("koken")) for i in (7, 3, 5)]
    worse = Features(id=1, skills=skills("tuinieren"))
    ranked = rank(vol, [*same, worse], limit=3)
    assert [v.id for _s, v in ranked] == [3, 5, 7]


def test_matched_skills_lists_labels():
    vac = Features(id=1, skills=skills("koken", "vervoer"))
    vol = Features(id=2, skills=skills("vervoer", "naaien"))
    with translation.override("nl"):
        assert matched_skills(vac, vol) == ["Vervoer"]


def test_numpy_matrix_gives_exactly_the_per_pair_scores():
    rng = random.Random(6)
    points = [HERE, NEAR, FAR, (52.365, 4.85), None]

    def random_features(i, vacature):
        return Features(
            id=i,
            skills=rng.getrandbits(20) & rng.getrandbits(20),
            themes=rng.getrandbits(12) & rng.getrandbits(12) & rng.getrandbits(12),
            availability=rng.getrandbits(21) & rng.getrandbits(21) if rng.random() < 0.8 else 0,
            languages=rng.choice([0, 1, 2, 6]),
            suit=rng.getrandbits(4) & rng.getrandbits(4),
            point=rng.choice(points),
            remote=vacature and rng.random() < 0.1,
            max_distance_km=rng.choice([1, 2, 3, 5, 10]),
            min_age=rng.choice([0, 0, 16, 18]) if vacature else 0,
        )

    vacatures = [random_features(i, True) for i in range(1, 301)]
    vacatures = [
        Features(**{**{f: getattr(v, f) for f in v.__slots__}, "point": None}) if v.remote else v
        for v in vacatures
    ]
    matrix = VacatureMatrix(vacatures)
    for j in range(60):
        vol = random_features(1000 + j, False)
        expected = [score(v, vol) for v in vacatures]
        assert matrix.scores(vol).tolist() == expected
        top = [(s, v.id) for s, v in rank(vol, vacatures, limit=10)]
        assert matrix.top(vol, 10) == top
