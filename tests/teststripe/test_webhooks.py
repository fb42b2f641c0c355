import json
import threading
import time

import pytest
import stripe

from initiatieven.donaties.teststripe.webhooks import sign


def test_a_payment_sends_a_signed_event_that_the_sdk_accepts(server, receiver, new_session):
    session = new_session()
    server.pay(session.id)

    [request] = receiver.requests
    event = stripe.Webhook.construct_event(
        request["body"], request["headers"]["Stripe-Signature"], server.webhook_secret
    )
    assert event.type == "checkout.session.completed"
    assert event.data.object.id == session.id
    assert event.data.object.payment_status == "paid"
    assert event.data.object.client_reference_id == "DON-2026-0001"
    assert request["headers"]["Content-Type"].startswith("application/json")
    assert [(d.event_id, d.type, d.status) for d in server.deliveries] == [
        (event.id, "checkout.session.completed", 200)
    ]


def test_a_tampered_payload_or_wrong_secret_fails_verification(server, receiver, new_session):
    server.pay(new_session().id)
    [request] = receiver.requests
    header = request["headers"]["Stripe-Signature"]
    tampered = request["body"].replace(b'"amount_total": 2500', b'"amount_total": 250000')

    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(tampered, header, server.webhook_secret)
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(request["body"], header, "whsec_other")


def test_sign_follows_stripes_scheme(server):
    payload = json.dumps({"id": "evt_1", "object": "event"}).encode()

    old = server.sign(payload, timestamp=int(time.time()) - 600)

    assert stripe.Webhook.construct_event(payload, server.sign(payload), server.webhook_secret)
    with pytest.raises(stripe.SignatureVerificationError, match="tolerance"):
        stripe.Webhook.construct_event(payload, old, server.webhook_secret)
    assert sign(payload, "whsec_x", 1700000000).startswith("t=1700000000,v1=")


def test_a_failing_receiver_gets_retries(server, receiver, new_session):
    receiver.statuses = [500, 503]
    server.pay(new_session().id)

    assert server.wait_for_webhooks(5)

    assert [d.status for d in server.deliveries] == [500, 503, 200]
    assert [d.attempt for d in server.deliveries] == [1, 2, 3]
    assert len({json.loads(r["body"])["id"] for r in receiver.requests}) == 1


def test_an_unreachable_receiver_is_given_up_after_the_retries(server, new_session):
    server.set_webhook_url("http://127.0.0.1:9/webhook/")
    server.pay(new_session().id)

    assert server.wait_for_webhooks(5)

    assert [d.status for d in server.deliveries] == [None] * 4
    assert all(d.error for d in server.deliveries)


def test_paused_events_are_held_until_resumed(server, receiver, new_session):
    server.pause_webhooks()
    session = new_session()
    server.pay(session.id)
    server.expire(new_session().id)

    assert receiver.requests == []
    assert [e["type"] for e in server.events] == [
        "checkout.session.completed", "checkout.session.expired"]  # fmt: skip

    server.resume_webhooks()

    assert [e["type"] for e in receiver.events()] == [
        "checkout.session.completed", "checkout.session.expired"]  # fmt: skip


def test_resume_can_drop_held_events_as_lost(server, receiver, new_session):
    server.pause_webhooks()
    server.pay(new_session().id)

    server.resume_webhooks(deliver_held=False)
    server.pay(new_session().id)

    assert len(receiver.requests) == 1
    assert len(server.events) == 2


def test_replay_sends_the_same_event_again(server, receiver, new_session):
    server.pay(new_session().id)
    [event] = server.events

    server.replay(event["id"])

    first, second = receiver.events()
    assert first == second
    assert receiver.requests[0]["body"] == receiver.requests[1]["body"]


def test_the_async_ideal_flow_sends_completed_then_succeeded(server, receiver, new_session):
    session = new_session()
    server.pay_async(session.id)

    assert server.session(session.id)["payment_status"] == "unpaid"
    server.settle(session.id, succeeded=True)

    completed, succeeded = receiver.events()
    assert completed["type"] == "checkout.session.completed"
    assert completed["data"]["object"]["payment_status"] == "unpaid"
    assert succeeded["type"] == "checkout.session.async_payment_succeeded"
    assert succeeded["data"]["object"]["payment_status"] == "paid"


def test_a_failed_async_payment(sdk, server, receiver, new_session):
    session = new_session()
    server.fail(session.id)

    assert [e["type"] for e in receiver.events()] == [
        "checkout.session.completed", "checkout.session.async_payment_failed"]  # fmt: skip
    failed = sdk.v1.checkout.sessions.retrieve(session.id, params={"expand": ["payment_intent"]})
    assert failed.payment_status == "unpaid"
    assert failed.payment_intent.status == "requires_payment_method"
    assert failed.payment_intent.last_payment_error.code == "payment_method_provider_decline"


def test_pay_async_with_an_outcome_settles_after_the_delay(server, receiver, new_session):
    session = new_session()
    server.pay_async(session.id, outcome="succeeded", delay=0.05)

    assert receiver.wait_for(2)
    assert receiver.events()[1]["type"] == "checkout.session.async_payment_succeeded"


def test_a_refund_sends_charge_refunded(sdk, server, receiver, new_session):
    intent = server.pay(new_session().id)["payment_intent"]

    sdk.v1.refunds.create(params={"payment_intent": intent, "amount": 1000})
    assert server.wait_for_webhooks()

    refunded = receiver.events()[-1]
    assert refunded["type"] == "charge.refunded"
    charge = refunded["data"]["object"]
    assert charge["object"] == "charge"
    assert (charge["amount_refunded"], charge["refunded"]) == (1000, False)
    assert charge["payment_intent"] == intent
    assert charge["refunds"]["data"][0]["amount"] == 1000
    assert refunded["request"]["id"].startswith("req_")


def test_a_handler_receives_events_in_the_tests_own_thread(sdk, server, new_session):
    seen = []

    def handler(payload, headers):
        event = stripe.Webhook.construct_event(payload, headers["Stripe-Signature"],
                                               server.webhook_secret)  # fmt: skip
        seen.append((event.type, threading.get_ident()))
        return 200

    server.set_webhook_handler(handler)
    intent = server.pay(new_session().id)["payment_intent"]
    sdk.v1.refunds.create(params={"payment_intent": intent})

    assert seen == [("checkout.session.completed", threading.get_ident())]
    server.deliver_webhooks()
    assert [kind for kind, _ in seen] == ["checkout.session.completed", "charge.refunded"]


def test_a_handler_that_fails_gets_the_event_again_on_the_next_delivery(server, new_session):
    answers = [500, 200]
    server.set_webhook_handler(lambda payload, headers: answers.pop(0))
    server.pay(new_session().id)

    server.deliver_webhooks()

    assert [(d.attempt, d.status) for d in server.deliveries] == [(1, 500), (2, 200)]


def test_reset_forgets_everything(sdk, server, receiver, new_session):
    server.pay(new_session().id)

    server.reset()

    assert server.events == []
    assert server.deliveries == []
    assert sdk.v1.checkout.sessions.list().data == []
