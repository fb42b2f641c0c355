import functools
import hashlib
import hmac
import json
import time

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The rate limit counts in the (in-memory) cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """``with commit(): ...`` runs the on-commit callbacks (queued mail) at the block's end."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """Stripe's scheme: HMAC-SHA256 over ``timestamp.payload``, header ``t=..,v1=..``."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


_counter = iter(range(1, 10**9))


def event(type_: str, obj: dict, *, event_id: str | None = None) -> dict:
    return {
        "id": event_id or f"evt_test_{next(_counter):08d}",
        "object": "event",
        "api_version": "2026-10-28.endive",
        "created": int(time.time()),
        "livemode": False,
        "pending_webhooks": 1,
        "type": type_,
        "data": {"object": obj},
    }


def session_of(donatie, **changes) -> dict:
    """A Checkout Session as Stripe sends it for ``donatie`` (paid unless changed)."""
    session = {
        "id": donatie.stripe_session_id or "cs_test_unknown",
        "object": "checkout.session",
        "amount_total": donatie.amount_cents,
        "currency": "eur",
        "client_reference_id": donatie.reference,
        "metadata": {"reference": donatie.reference},
        "mode": "payment",
        "payment_intent": f"pi_{donatie.reference}",
        "payment_status": "paid",
        "status": "complete",
    }
    session.update(changes)
    return session


def charge_of(donatie, *, amount_refunded: int, **changes) -> dict:
    charge = {
        "id": f"ch_{donatie.reference}",
        "object": "charge",
        "amount": donatie.amount_cents,
        "amount_refunded": amount_refunded,
        "currency": "eur",
        "payment_intent": donatie.stripe_payment_intent or f"pi_{donatie.reference}",
        "refunded": amount_refunded >= donatie.amount_cents,
        "metadata": {},
    }
    charge.update(changes)
    return charge


@pytest.fixture
def post_event(client, settings):
    """Post a signed event to the webhook; returns the response."""

    def post(body: dict, *, secret: str | None = None, timestamp: int | None = None, header=True):
        payload = json.dumps(body).encode()
        headers = {}
        if header:
            headers["HTTP_STRIPE_SIGNATURE"] = sign(
                payload, secret or settings.STRIPE_WEBHOOK_SECRET, timestamp
            )
        return client.post(
            "/doneren/stripe/webhook/", payload, content_type="application/json", **headers
        )

    return post
