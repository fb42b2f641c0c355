"""The webhook: signatures, each event type, replays, order, refunds (signed for real)."""

import time

import pytest
from django.core import mail

from initiatieven.donaties.models import Donatie, StripeEvent, Terugbetaling
from tests.donaties.conftest import charge_of, event, session_of
from tests.donaties.factories import DonatieFactory

pytestmark = pytest.mark.django_db

Status = Donatie.Status


def _reload(donatie):
    donatie.refresh_from_db()
    return donatie


def test_completed_and_paid_marks_paid_and_sends_one_receipt(post_event, commit):
    donatie = DonatieFactory(amount_cents=1250, email="gever@example.nl")
    with commit():
        response = post_event(event("checkout.session.completed", session_of(donatie)))
    assert response.status_code == 200
    assert response.json() == {"result": "processed"}
    donatie = _reload(donatie)
    assert donatie.status == Status.BETAALD
    assert donatie.paid_at is not None
    assert donatie.stripe_payment_intent == f"pi_{donatie.reference}"
    assert [m.to for m in mail.outbox] == [["gever@example.nl"]]
    body = mail.outbox[0].body
    assert "12,50" in body and donatie.reference in body and donatie.initiatief.title in body
    assert "Dank je wel voor je donatie" in body


def test_receipt_is_in_the_language_the_donor_gave_in(post_event, commit):
    donatie = DonatieFactory(language="en", email="giver@example.nl", amount_cents=1250)
    with commit():
        post_event(event("checkout.session.completed", session_of(donatie)))
    [receipt] = mail.outbox
    assert receipt.subject.startswith("Thank you for your donation to")
    assert "12.50" in receipt.body and "12,50" not in receipt.body
    assert "Thank you for your donation to" in receipt.body and "Reference" in receipt.body
    assert "Dank je" not in receipt.body
    assert f"/en{donatie.initiatief.get_absolute_url()}" in receipt.body


def test_bad_signature_changes_nothing(post_event):
    donatie = DonatieFactory()
    response = post_event(
        event("checkout.session.completed", session_of(donatie)), secret="whsec_wrong"
    )
    assert response.status_code == 400
    assert _reload(donatie).status == Status.OPEN
    assert not StripeEvent.objects.exists()


def test_missing_signature_header_is_refused(post_event):
    donatie = DonatieFactory()
    response = post_event(event("checkout.session.completed", session_of(donatie)), header=False)
    assert response.status_code == 400
    assert _reload(donatie).status == Status.OPEN


def test_old_timestamp_is_refused(post_event):
    donatie = DonatieFactory()
    response = post_event(
        event("checkout.session.completed", session_of(donatie)),
        timestamp=int(time.time()) - 10 * 60,
    )
    assert response.status_code == 400
    assert _reload(donatie).status == Status.OPEN


def test_tampered_body_after_signing_is_refused(client, settings):
    from tests.donaties.conftest import sign

    donatie = DonatieFactory(amount_cents=500)
    signed = b'{"id": "evt_1", "type": "checkout.session.expired", "data": {"object": {}}}'
    response = client.post(
        "/doneren/stripe/webhook/",
        signed.replace(b"expired", b"completed"),
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=sign(signed, settings.STRIPE_WEBHOOK_SECRET),
    )
    assert response.status_code == 400
    assert _reload(donatie).status == Status.OPEN


def test_get_is_not_allowed(client):
    assert client.get("/doneren/stripe/webhook/").status_code == 405


def test_duplicate_event_is_a_noop_with_2xx(post_event, commit):
    donatie = DonatieFactory()
    body = event("checkout.session.completed", session_of(donatie))
    with commit():
        assert post_event(body).status_code == 200
    with commit():
        second = post_event(body)
    assert second.status_code == 200
    assert second.json() == {"result": "duplicate"}
    assert StripeEvent.objects.filter(event_id=body["id"]).count() == 1
    assert len(mail.outbox) == 1


def test_unknown_event_type_is_ignored_with_200(post_event):
    response = post_event(event("customer.created", {"id": "cus_1", "object": "customer"}))
    assert response.status_code == 200
    assert response.json() == {"result": "ignored"}
    assert not StripeEvent.objects.exists()


def test_completed_but_unpaid_waits_for_async_payment(post_event, commit):
    donatie = DonatieFactory()
    post_event(event("checkout.session.completed", session_of(donatie, payment_status="unpaid")))
    assert _reload(donatie).status == Status.OPEN
    with commit():
        post_event(event("checkout.session.async_payment_succeeded", session_of(donatie)))
    assert _reload(donatie).status == Status.BETAALD
    assert len(mail.outbox) == 1


def test_async_payment_failed_ends_as_mislukt(post_event):
    donatie = DonatieFactory()
    unpaid = session_of(donatie, payment_status="unpaid")
    post_event(event("checkout.session.completed", unpaid))
    post_event(event("checkout.session.async_payment_failed", unpaid))
    assert _reload(donatie).status == Status.MISLUKT
    assert not mail.outbox


def test_expired_ends_as_verlopen(post_event):
    donatie = DonatieFactory()
    post_event(
        event(
            "checkout.session.expired",
            session_of(donatie, status="expired", payment_status="unpaid", payment_intent=None),
        )
    )
    assert _reload(donatie).status == Status.VERLOPEN


def test_expired_after_completed_is_ignored(post_event):
    donatie = DonatieFactory()
    post_event(event("checkout.session.completed", session_of(donatie)))
    response = post_event(
        event(
            "checkout.session.expired",
            session_of(donatie, status="expired", payment_status="unpaid"),
        )
    )
    assert response.status_code == 200
    assert _reload(donatie).status == Status.BETAALD


def test_failed_after_paid_is_ignored(post_event):
    donatie = DonatieFactory()
    post_event(event("checkout.session.async_payment_succeeded", session_of(donatie)))
    post_event(event("checkout.session.async_payment_failed", session_of(donatie)))
    assert _reload(donatie).status == Status.BETAALD


def test_paid_amount_other_than_ours_is_not_counted(post_event):
    donatie = DonatieFactory(amount_cents=2500)
    post_event(event("checkout.session.completed", session_of(donatie, amount_total=100)))
    assert _reload(donatie).status == Status.OPEN


def test_session_of_someone_else_is_ignored(post_event):
    donatie = DonatieFactory()
    response = post_event(
        event(
            "checkout.session.completed",
            session_of(donatie, id="cs_other", client_reference_id="BK-NOTOURS", metadata={}),
        )
    )
    assert response.status_code == 200
    assert _reload(donatie).status == Status.OPEN


def test_partial_then_full_refund(post_event):
    donatie = DonatieFactory(status=Status.BETAALD, amount_cents=2500)
    assert (
        post_event(event("charge.refunded", charge_of(donatie, amount_refunded=1000))).status_code
        == 200
    )
    donatie = _reload(donatie)
    assert (donatie.status, donatie.refunded_cents, donatie.net_cents) == (
        Status.DEELS_TERUGBETAALD,
        1000,
        1500,
    )
    post_event(event("charge.refunded", charge_of(donatie, amount_refunded=2500)))
    donatie = _reload(donatie)
    assert (donatie.status, donatie.refunded_cents, donatie.net_cents) == (
        Status.TERUGBETAALD,
        2500,
        0,
    )
    assert _ledger(donatie) == [(1000, 1000), (1500, 2500)]


def _ledger(donatie) -> list[tuple[int, int]]:
    return list(donatie.terugbetalingen.values_list("amount_cents", "total_cents"))


def test_refund_events_out_of_order_keep_the_highest(post_event):
    donatie = DonatieFactory(status=Status.BETAALD, amount_cents=2500)
    post_event(event("charge.refunded", charge_of(donatie, amount_refunded=2500)))
    post_event(event("charge.refunded", charge_of(donatie, amount_refunded=1000)))
    donatie = _reload(donatie)
    assert (donatie.status, donatie.refunded_cents) == (Status.TERUGBETAALD, 2500)
    assert _ledger(donatie) == [(2500, 2500)]


def test_refund_before_payment_is_retried_then_settles(post_event):
    donatie = DonatieFactory(amount_cents=2500)
    refund = event("charge.refunded", charge_of(donatie, amount_refunded=2500))
    first = post_event(refund)
    assert first.status_code == 503  # Stripe sends it again later
    assert not StripeEvent.objects.filter(event_id=refund["id"]).exists()
    assert _reload(donatie).status == Status.OPEN
    post_event(event("checkout.session.completed", session_of(donatie)))
    assert post_event(refund).status_code == 200
    donatie = _reload(donatie)
    assert (donatie.status, donatie.refunded_cents) == (Status.TERUGBETAALD, 2500)


def test_refund_of_expired_donation_changes_nothing(post_event):
    donatie = DonatieFactory(status=Status.VERLOPEN, stripe_payment_intent="pi_x")
    response = post_event(event("charge.refunded", charge_of(donatie, amount_refunded=500)))
    assert not Terugbetaling.objects.exists()
    assert response.status_code == 200
    assert _reload(donatie).status == Status.VERLOPEN
    assert _reload(donatie).refunded_cents == 0


def test_session_with_our_reference_but_another_id_is_ignored(post_event):
    donatie = DonatieFactory()
    post_event(event("checkout.session.completed", session_of(donatie, id="cs_test_other")))
    assert _reload(donatie).status == Status.OPEN


def test_paid_event_is_linked_to_the_donation(post_event):
    donatie = DonatieFactory()
    body = event("checkout.session.completed", session_of(donatie))
    post_event(body)
    assert StripeEvent.objects.get(event_id=body["id"]).donatie == donatie
