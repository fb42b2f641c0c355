"""Fifty people try to book the same slot at the same moment: exactly one gets it."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from ruimtes import services
from ruimtes.models import Boeking, BookerType
from tests.factories import UserFactory
from tests.ruimtes.factories import RuimteFactory, at, next_monday

ATTEMPTS = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_bookings_give_one_confirmation():
    ruimte = RuimteFactory()
    users = [UserFactory() for _ in range(ATTEMPTS)]
    start = at(next_monday() + timedelta(days=2), 10)
    barrier = threading.Barrier(ATTEMPTS)
    results: list[str] = []
    lock = threading.Lock()

    def attempt(user, offset):
        try:
            barrier.wait()
            # Every attempt overlaps the others, at slightly different times.
            services.boeking_create(
                ruimte=ruimte,
                booker=user,
                starts_at=start + timedelta(minutes=offset),
                ends_at=start + timedelta(hours=1, minutes=offset),
                title="Repetitie",
                expected_people=5,
                booker_type=BookerType.BEWONERSINITIATIEF,
            )
            outcome = "ok"
        except ValidationError as error:
            outcome = next(iter(error.error_dict.values()))[0].code
        except Exception as error:  # noqa: BLE001 - reported by the assert below
            outcome = repr(error)
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [
        threading.Thread(target=attempt, args=(user, i % 10)) for i, user in enumerate(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(results) == ["ok"] + ["overlap"] * (ATTEMPTS - 1)
    assert Boeking.objects.filter(ruimte=ruimte, status=Boeking.Status.BEVESTIGD).count() == 1
