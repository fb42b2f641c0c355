"""The booking rules, each with both sides."""

from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from ruimtes import services
from ruimtes.models import Boeking, BookerType
from ruimtes.timeutil import local_datetime
from tests.factories import UserFactory
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory
from tests.ruimtes.factories import (
    BoekingFactory,
    LocatieFactory,
    RuimteFactory,
    SluitingFactory,
    at,
)

pytestmark = pytest.mark.django_db

NOW = at(date(2026, 12, 1), 9)  # a Tuesday
DAY = date(2026, 12, 3)  # Thursday of the same week


def book(ruimte, *, start=None, end=None, booker=None, **kwargs):
    start = start or at(DAY, 10)
    end = end or start + timedelta(hours=2)
    defaults = {
        "title": "Naaiatelier",
        "expected_people": 10,
        "booker_type": BookerType.BEWONERSINITIATIEF,
    }
    defaults.update(kwargs)
    return services.boeking_create(
        ruimte=ruimte,
        booker=booker or UserFactory(),
        starts_at=start,
        ends_at=end,
        now=NOW,
        **defaults,
    )


def code_of(error: ValidationError) -> tuple[str, str]:
    field, errors = next(iter(error.error_dict.items()))
    return field, errors[0].code


def test_resident_booking_is_confirmed_at_once_and_free():
    ruimte = RuimteFactory()
    boeking = book(ruimte)
    boeking.refresh_from_db()
    assert boeking.status == Boeking.Status.BEVESTIGD
    assert boeking.price == 0
    assert boeking.blocked_until == boeking.ends_at


def test_location_that_asks_approval_gets_a_request_and_managers_a_mail():
    manager = UserFactory(email="beheer@voorbeeld.nl")
    ruimte = RuimteFactory(locatie=LocatieFactory(approval_required=True, managers=[manager]))
    boeking = book(ruimte)
    assert boeking.status == Boeking.Status.AANGEVRAAGD


def test_unverified_user_may_not_book():
    with pytest.raises(PermissionDenied):
        book(RuimteFactory(), booker=UserFactory(verified=False))


def test_overlap_with_confirmed_booking_is_refused():
    ruimte = RuimteFactory()
    book(ruimte)
    with pytest.raises(ValidationError) as error:
        book(ruimte, start=at(DAY, 11))
    assert code_of(error.value) == ("starts_at", "overlap")
    # Back to back is fine.
    assert book(ruimte, start=at(DAY, 12)).status == Boeking.Status.BEVESTIGD


def test_cleaning_buffer_blocks_the_time_after_a_booking():
    ruimte = RuimteFactory(buffer_minutes=30)
    book(ruimte)
    with pytest.raises(ValidationError) as error:
        book(ruimte, start=at(DAY, 12, 15))
    assert code_of(error.value)[1] == "overlap"
    assert book(ruimte, start=at(DAY, 12, 30)).blocked_until == at(DAY, 15)
    # A booking ending just before the next one must also leave the buffer.
    with pytest.raises(ValidationError):
        book(ruimte, start=at(DAY, 8), end=at(DAY, 9, 45))


def test_database_refuses_overlap_even_without_the_service():
    ruimte = RuimteFactory()
    BoekingFactory(ruimte=ruimte, starts_at=at(DAY, 10))
    with pytest.raises(IntegrityError), transaction.atomic():
        BoekingFactory(ruimte=ruimte, starts_at=at(DAY, 11))
    # Requests and cancelled bookings do not block.
    BoekingFactory(ruimte=ruimte, starts_at=at(DAY, 11), status=Boeking.Status.AANGEVRAAGD)
    BoekingFactory(ruimte=ruimte, starts_at=at(DAY, 11), status=Boeking.Status.GEANNULEERD)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (at(DAY, 12), at(DAY, 10), ("ends_at", "einde_voor_begin")),
        (at(DAY, 12), at(DAY, 12), ("ends_at", "geen_duur")),
        (at(date(2026, 11, 30), 10), at(date(2026, 11, 30), 12), ("starts_at", "verleden")),
        (at(date(2027, 3, 2), 10), at(date(2027, 3, 2), 12), ("starts_at", "te_ver")),
        (at(DAY, 10), at(DAY, 10, 15), ("ends_at", "te_kort")),
        (at(DAY, 8), at(DAY, 17), ("ends_at", "te_lang")),
        (at(DAY, 6), at(DAY, 9), ("starts_at", "buiten_openingstijden")),
        (at(DAY, 21), at(DAY, 23), ("starts_at", "buiten_openingstijden")),
    ],
)
def test_time_rules(start, end, expected):
    with pytest.raises(ValidationError) as error:
        book(RuimteFactory(), start=start, end=end)
    assert code_of(error.value) == expected
    assert not Boeking.objects.exists()


def test_three_months_ahead_is_still_bookable():
    assert book(RuimteFactory(), start=at(date(2027, 3, 1), 10)).pk


def test_capacity():
    ruimte = RuimteFactory(capacity=10)
    assert book(ruimte, expected_people=10).pk
    with pytest.raises(ValidationError) as error:
        book(ruimte, start=at(DAY, 14), expected_people=11)
    assert code_of(error.value) == ("expected_people", "te_veel_mensen")
    assert "10" in error.value.messages[0]


def test_closure_names_its_reason():
    ruimte = RuimteFactory()
    SluitingFactory(locatie=ruimte.locatie, starts_on=DAY, ends_on=DAY, reason="Kerstvakantie")
    with pytest.raises(ValidationError) as error:
        book(ruimte)
    assert code_of(error.value) == ("starts_at", "gesloten")
    assert "Kerstvakantie" in error.value.messages[0]
    assert book(ruimte, start=at(DAY + timedelta(days=1), 10)).pk


def test_not_bookable_room():
    with pytest.raises(ValidationError) as error:
        book(RuimteFactory(is_bookable=False))
    assert code_of(error.value) == ("ruimte", "niet_te_boeken")


def test_commercial_use_needs_approval_pays_and_books_at_most_14_days_ahead():
    ruimte = RuimteFactory(hourly_rate=30)
    boeking = book(ruimte, booker_type=BookerType.COMMERCIEEL, end=at(DAY, 11, 30))
    assert boeking.status == Boeking.Status.AANGEVRAAGD
    assert str(boeking.price) == "45.00"
    assert book(ruimte, start=at(date(2026, 12, 15), 10), booker_type=BookerType.COMMERCIEEL).pk
    with pytest.raises(ValidationError) as error:
        book(ruimte, start=at(date(2026, 12, 16), 10), booker_type=BookerType.COMMERCIEEL)
    assert code_of(error.value) == ("starts_at", "commercieel_te_vroeg")
    # Social use may book further ahead.
    assert (
        book(ruimte, start=at(date(2026, 12, 16), 10), booker_type=BookerType.MAATSCHAPPELIJK).price
        == 0
    )


def test_dst_gap_and_repeat_are_refused():
    with pytest.raises(ValidationError) as error:
        local_datetime(date(2027, 3, 28), time(2, 30))
    assert code_of(error.value)[1] == "tijd_bestaat_niet"
    with pytest.raises(ValidationError) as error:
        local_datetime(date(2026, 10, 25), time(2, 30))
    assert code_of(error.value)[1] == "tijd_dubbel"
    assert local_datetime(date(2027, 3, 28), time(3, 0)).hour == 1  # 03:00 CEST = 01:00 UTC


def test_booking_over_the_spring_switch_lasts_real_hours():
    spring = date(2027, 3, 28)
    ruimte = RuimteFactory(locatie=LocatieFactory(hours=[(6, "00:00", "23:00")]), min_minutes=60)
    now = at(date(2027, 3, 1), 9)
    boeking = services.boeking_create(
        ruimte=ruimte,
        booker=UserFactory(),
        starts_at=at(spring, 1),
        ends_at=at(spring, 4),
        title="Nachtwandeling",
        expected_people=3,
        booker_type=BookerType.BEWONERSINITIATIEF,
        now=now,
    )
    assert boeking.duration == timedelta(hours=2)
    with pytest.raises(ValidationError) as error:  # 2 real hours < 3 hours minimum
        ruimte.min_minutes = 150
        ruimte.save()
        services.boeking_create(
            ruimte=ruimte,
            booker=UserFactory(),
            starts_at=at(spring, 5),
            ends_at=at(spring, 7),
            title="Ochtend",
            expected_people=3,
            booker_type=BookerType.BEWONERSINITIATIEF,
            now=now,
        )
    assert code_of(error.value)[1] == "te_kort"


def test_behoefte_must_be_a_space_need_of_own_initiative():
    owner = UserFactory()
    need = BehoefteFactory(
        initiatief=InitiatiefFactory(owners=[owner]), kind="ruimte", title="Zaal"
    )
    ruimte = RuimteFactory()
    with pytest.raises(ValidationError) as error:
        book(ruimte, behoefte=need)  # someone else
    assert code_of(error.value) == ("behoefte", "behoefte")
    boeking = book(ruimte, behoefte=need, booker=owner)
    assert boeking.behoefte == need


def test_approve_and_decline_only_by_manager_of_that_location(django_capture_on_commit_callbacks):
    manager, other_manager = UserFactory(), UserFactory()
    ruimte = RuimteFactory(locatie=LocatieFactory(approval_required=True, managers=[manager]))
    LocatieFactory(managers=[other_manager])
    first = book(ruimte)
    second = book(ruimte, start=at(DAY, 11))  # overlaps the first: fine while both are requests
    with pytest.raises(PermissionDenied):
        services.boeking_approve(boeking=first, manager=other_manager)
    with django_capture_on_commit_callbacks(execute=True):
        services.boeking_approve(boeking=first, manager=manager)
    assert Boeking.objects.get(pk=first.pk).status == Boeking.Status.BEVESTIGD
    assert mail.outbox[-1].to == [first.booker.email]
    with pytest.raises(ValidationError) as error:
        services.boeking_approve(boeking=second, manager=manager)
    assert code_of(error.value)[1] == "overlap"
    with pytest.raises(ValidationError) as error:
        services.boeking_decline(boeking=second, manager=manager, reason="  ")
    assert code_of(error.value) == ("reason", "reden_nodig")
    services.boeking_decline(boeking=second, manager=manager, reason="Dubbel")
    second.refresh_from_db()
    assert (second.status, second.decision_reason) == (Boeking.Status.AFGEWEZEN, "Dubbel")


def test_request_mails_managers(django_capture_on_commit_callbacks):
    manager = UserFactory(email="ingrid@voorbeeld.nl")
    ruimte = RuimteFactory(locatie=LocatieFactory(approval_required=True, managers=[manager]))
    with django_capture_on_commit_callbacks(execute=True):
        book(ruimte, title="Buurtvergadering")
    to_manager = [m for m in mail.outbox if m.to == ["ingrid@voorbeeld.nl"]]
    assert len(to_manager) == 1
    assert "Buurtvergadering" in to_manager[0].body


def test_cancel_by_booker_or_manager_not_by_others():
    manager = UserFactory()
    ruimte = RuimteFactory(locatie=LocatieFactory(managers=[manager]))
    boeking = book(ruimte)
    with pytest.raises(PermissionDenied):
        services.boeking_cancel(boeking=boeking, user=UserFactory(), now=NOW)
    services.boeking_cancel(boeking=boeking, user=manager, reason="Lekkage", now=NOW)
    boeking.refresh_from_db()
    assert boeking.status == Boeking.Status.GEANNULEERD
    # The slot is free again.
    assert book(ruimte).status == Boeking.Status.BEVESTIGD


def test_reminders_are_sent_once(django_capture_on_commit_callbacks):
    boeking = BoekingFactory(starts_at=NOW + timedelta(hours=5))
    BoekingFactory(starts_at=NOW + timedelta(hours=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(now=NOW) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(now=NOW) == 0
    assert [m.to for m in mail.outbox] == [[boeking.booker.email]]
