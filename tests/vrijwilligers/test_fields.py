"""The portable JSON list fields: dates come back as dates, codes are checked, the skill
filter finds exactly the vacatures asking for a skill."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.vrijwilligers.factories import VacatureFactory
from vrijwilligers.models import Vacature
from vrijwilligers.queries import vacature_list


@pytest.mark.django_db
def test_dates_are_stored_as_iso_strings_and_read_back_as_dates():
    vacature = VacatureFactory(
        time_kind=Vacature.TimeKind.EENMALIG, dates=[date(2030, 1, 5), "2030-01-12"]
    )

    fresh = Vacature.objects.get(pk=vacature.pk)

    assert fresh.dates == [date(2030, 1, 5), date(2030, 1, 12)]
    assert Vacature.objects.filter(pk=vacature.pk).values_list("dates", flat=True).get() == [
        date(2030, 1, 5),
        date(2030, 1, 12),
    ]
    fresh.full_clean()


@pytest.mark.django_db
def test_a_bad_date_or_unknown_code_fails_model_validation():
    vacature = VacatureFactory.build(dates=["5 januari"])
    with pytest.raises(ValidationError) as error:
        vacature.full_clean(exclude=["owner", "wijk", "buurt"])
    assert "dates" in error.value.message_dict

    vacature = VacatureFactory.build(skills=["vliegen"], languages=["xx"], free_tags=["x" * 41])
    with pytest.raises(ValidationError) as error:
        vacature.full_clean(exclude=["owner", "wijk", "buurt"])
    assert {"skills", "languages", "free_tags"} <= set(error.value.message_dict)


@pytest.mark.django_db
def test_skill_filter_matches_whole_codes_only():
    cooking = VacatureFactory(title="Koken", skills=["koken", "vervoer"])
    VacatureFactory(title="Tuin", skills=["tuinieren"])
    VacatureFactory(title="Niets", skills=[], free_tags=["koken voor de buurt"])

    assert list(vacature_list(skill="koken")) == [cooking]
    assert list(vacature_list(skill="tuin")) == []
