"""Two deliveries at the same moment, and a donation locked too long (real PostgreSQL)."""

import json
import threading

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test import Client

from initiatieven.donaties.models import Donatie, StripeEvent
from tests.donaties.conftest import charge_of, event, session_of, sign
from tests.donaties.factories import DonatieFactory

pytestmark = pytest.mark.django_db(transaction=True)
WEBHOOK = "/doneren/stripe/webhook/"


def _post(body: dict, secret: str) -> int:
    payload = json.dumps(body).encode()
    try:
        return (
            Client()
            .post(
                WEBHOOK,
                payload,
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE=sign(payload, secret),
            )
            .status_code
        )
    finally:
        connection.close()


def _at_once(bodies: list[dict], secret: str) -> list[int]:
    barrier = threading.Barrier(len(bodies))
    results = [None] * len(bodies)

    def run(index, body):
        barrier.wait()
        results[index] = _post(body, secret)

    threads = [threading.Thread(target=run, args=(i, b)) for i, b in enumerate(bodies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.parametrize("second_type", ["same event", "async_payment_succeeded"])
def test_two_deliveries_at_once_make_one_change_and_one_mail(settings, second_type):
    donatie = DonatieFactory(amount_cents=2500)
    first = event("checkout.session.completed", session_of(donatie))
    second = (
        first
        if second_type == "same event"
        else event("checkout.session.async_payment_succeeded", session_of(donatie))
    )
    for _round in range(3):  # a race that passes once by luck should not pass thrice
        results = _at_once([first, second], settings.STRIPE_WEBHOOK_SECRET)
        assert results == [200, 200]
    donatie.refresh_from_db()
    assert donatie.status == Donatie.Status.BETAALD
    assert len(mail.outbox) == 1
    assert StripeEvent.objects.filter(event_id=first["id"]).count() == 1


def test_two_refund_events_at_once_book_the_refund_once(settings):
    donatie = DonatieFactory(status=Donatie.Status.BETAALD, amount_cents=2500)
    bodies = [
        event("charge.refunded", charge_of(donatie, amount_refunded=1000)),
        event("charge.refunded", charge_of(donatie, amount_refunded=1000)),  # another id
    ]
    assert _at_once(bodies, settings.STRIPE_WEBHOOK_SECRET) == [200, 200]
    donatie.refresh_from_db()
    assert (donatie.status, donatie.refunded_cents) == (Donatie.Status.DEELS_TERUGBETAALD, 1000)
    assert list(donatie.terugbetalingen.values_list("amount_cents", "total_cents")) == [
        (1000, 1000)
    ]


def test_locked_donation_answers_503_and_stores_nothing(settings):
    settings.DONATION_LOCK_TIMEOUT = "200ms"
    donatie = DonatieFactory()
    body = event("checkout.session.completed", session_of(donatie))
    with transaction.atomic():
        Donatie.objects.select_for_update().get(pk=donatie.pk)  # another delivery holds it
        result = _at_once([body], settings.STRIPE_WEBHOOK_SECRET)
    assert result == [503]
    assert not StripeEvent.objects.exists()
    donatie.refresh_from_db()
    assert donatie.status == Donatie.Status.OPEN
    # Stripe's retry, once the lock is gone, settles it.
    assert _post(body, settings.STRIPE_WEBHOOK_SECRET) == 200
    donatie.refresh_from_db()
    assert donatie.status == Donatie.Status.BETAALD
