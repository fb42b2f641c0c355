"""Occupancy figures on known weeks, DST weeks included; the ad-hoc reserve rule."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from ruimtes import checks, occupancy, services
from ruimtes.models import Boeking, BookerType
from tests.factories import UserFactory
from tests.ruimtes.factories import (
    BoekingFactory,
    LocatieFactory,
    RuimteFactory,
    SluitingFactory,
    at,
)

pytestmark = pytest.mark.django_db


def test_known_week_split_by_booker_type():
    locatie = LocatieFactory(hours=[(d, "09:00", "17:00") for d in range(5)])  # 40 h
    ruimte = RuimteFactory(locatie=locatie)
    monday = date(2027, 1, 11)
    BoekingFactory(ruimte=ruimte, starts_at=at(monday, 9), ends_at=at(monday, 17))
    BoekingFactory(
        ruimte=ruimte,
        starts_at=at(monday + timedelta(1), 9),
        ends_at=at(monday + timedelta(1), 13),
        booker_type=BookerType.MAATSCHAPPELIJK,
    )
    BoekingFactory(
        ruimte=ruimte,
        starts_at=at(monday + timedelta(2), 16),
        ends_at=at(monday + timedelta(2), 18),
        booker_type=BookerType.COMMERCIEEL,
    )  # only 1 hour inside opening hours
    BoekingFactory(
        ruimte=ruimte, starts_at=at(monday + timedelta(3), 9), status=Boeking.Status.AANGEVRAAGD
    )
    SluitingFactory(
        locatie=locatie, starts_on=monday + timedelta(4), ends_on=monday + timedelta(4)
    )  # Friday shut
    [row] = occupancy.locatie_week(locatie, monday)
    assert row.open_hours == 32
    assert row.booked == {"bewoners": 8, "maatschappelijk": 4, "commercieel": 1}
    assert row.percent == round(100 * 13 / 32, 1)
    assert not row.meets_target


@pytest.mark.parametrize(
    ("sunday", "open_hours"), [(date(2027, 3, 28), 5), (date(2026, 10, 25), 7)]
)
def test_dst_weeks_count_real_hours(sunday, open_hours):
    locatie = LocatieFactory(hours=[(6, "00:00", "06:00")])
    ruimte = RuimteFactory(locatie=locatie)
    BoekingFactory(ruimte=ruimte, starts_at=at(sunday, 1), ends_at=at(sunday, 4))
    [row] = occupancy.locatie_week(locatie, sunday - timedelta(days=6))
    assert row.open_hours == open_hours
    assert row.booked["bewoners"] == open_hours - 3


def test_series_keep_the_reserve_free():
    # Open 10 hours a week; reserve 15% -> series may take 8.5 hours per week.
    locatie = LocatieFactory(hours=[(0, "08:00", "18:00")], reserve_percent=15)
    ruimte = RuimteFactory(locatie=locatie, max_minutes=600)
    now = at(date(2026, 12, 1), 9)
    monday = date(2026, 12, 7)
    args = {
        "ruimte": ruimte,
        "booker": UserFactory(),
        "interval_weeks": 1,
        "until": monday + timedelta(weeks=1),
        "title": "Koor",
        "expected_people": 5,
        "booker_type": BookerType.BEWONERSINITIATIEF,
        "now": now,
    }
    services.serie_create(starts_at=at(monday, 8), ends_at=at(monday, 13), **args)
    plan = checks.serie_plan(
        ruimte=ruimte,
        starts_at=at(monday, 13),
        ends_at=at(monday, 17),
        interval_weeks=1,
        until=monday + timedelta(weeks=1),
        expected_people=5,
        booker_type=BookerType.BEWONERSINITIATIEF,
        now=now,
    )
    assert [o.code for o in plan.occurrences] == ["reserve", "reserve"]
    _serie, plan = services.serie_create(
        starts_at=at(monday, 13), ends_at=at(monday, 16, 30), **args
    )
    assert [o.code for o in plan.occurrences] == ["", ""]
    # A single (ad-hoc) booking may use the reserve.
    single = services.boeking_create(
        ruimte=ruimte,
        booker=UserFactory(),
        starts_at=at(monday, 16, 30),
        ends_at=at(monday, 18),
        title="Spreekuur",
        expected_people=2,
        booker_type=BookerType.BEWONERSINITIATIEF,
        now=now,
    )
    assert single.status == Boeking.Status.BEVESTIGD


def test_series_longer_than_six_months_is_refused_and_nothing_written():
    ruimte = RuimteFactory()
    now = at(date(2026, 12, 1), 9)
    with pytest.raises(ValidationError) as error:
        services.serie_create(
            ruimte=ruimte,
            booker=UserFactory(),
            starts_at=at(date(2026, 12, 7), 10),
            ends_at=at(date(2026, 12, 7), 11),
            interval_weeks=2,
            until=date(2027, 6, 8),
            title="Koor",
            expected_people=5,
            booker_type=BookerType.BEWONERSINITIATIEF,
            now=now,
        )
    assert error.value.error_dict["until"][0].code == "serie_te_lang"
    assert not Boeking.objects.exists()


def test_weekly_series_keeps_wall_time_over_dst():
    ruimte = RuimteFactory()
    now = at(date(2027, 3, 1), 9)
    _serie, plan = services.serie_create(
        ruimte=ruimte,
        booker=UserFactory(),
        starts_at=at(date(2027, 3, 22), 19),
        ends_at=at(date(2027, 3, 22), 21),
        interval_weeks=1,
        until=date(2027, 3, 29),
        title="Koor",
        expected_people=5,
        booker_type=BookerType.BEWONERSINITIATIEF,
        now=now,
    )
    local_hours = [
        b.starts_at.astimezone(at(date(2027, 3, 22), 19).tzinfo)
        for b in Boeking.objects.order_by("starts_at")
    ]
    assert [b.hour for b in local_hours] == [18, 17]  # UTC: 19:00 CET, then 19:00 CEST


def test_series_starting_on_a_closed_day_skips_only_that_day():
    ruimte = RuimteFactory()
    now = at(date(2026, 12, 1), 9)
    first = date(2026, 12, 7)
    SluitingFactory(locatie=ruimte.locatie, starts_on=first, ends_on=first, reason="Studiedag")
    plan = checks.serie_plan(
        ruimte=ruimte,
        starts_at=at(first, 10),
        ends_at=at(first, 11),
        interval_weeks=2,
        until=first + timedelta(weeks=4),
        expected_people=5,
        booker_type=BookerType.BEWONERSINITIATIEF,
        now=now,
    )
    assert [o.code for o in plan.occurrences] == ["gesloten", "", ""]
    with pytest.raises(ValidationError) as error:
        checks.serie_plan(
            ruimte=ruimte,
            starts_at=at(first, 10),
            ends_at=at(first, 11),
            interval_weeks=1,
            until=first - timedelta(days=1),
            expected_people=5,
            booker_type=BookerType.BEWONERSINITIATIEF,
            now=now,
        )
    assert error.value.error_dict["until"][0].code == "tot_voor_van"
