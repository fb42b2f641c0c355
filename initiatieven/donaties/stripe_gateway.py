"""The only module that talks to Stripe (STYLE 7), like pretix's ``BasePaymentProvider``.

Every call takes plain values and returns plain dicts shaped like Stripe's objects. Errors from
Stripe or the network surface as ``GatewayError`` so callers catch one thing.

Stripe Connect (paying initiatives directly) is not used yet; every call accepts
``stripe_account`` so a connected account can be passed later without a new module.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import stripe
from django.conf import settings

logger = logging.getLogger(__name__)
# The SDK logs request bodies (with the donor's e-mail) at DEBUG: never let those through.
logging.getLogger("stripe").setLevel(logging.INFO)

TIMEOUT_SECONDS = 15
NETWORK_RETRIES = 2
# An abandoned checkout expires soon. Stripe's minimum is 30 minutes *at its end*, so
# leave room for clock skew and the request's own time.
SESSION_LIFETIME_SECONDS = 35 * 60
PAYMENT_METHODS = ["ideal", "card"]
CHECKOUT_ORIGIN = "https://checkout.stripe.com"


class GatewayError(Exception):
    """Stripe or the network failed; the message is for the log, never for residents."""


class NotConfigured(GatewayError):
    """No ``STRIPE_SECRET_KEY``: donations are not set up on this site."""


def is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET)


def checkout_origin() -> str:
    """Where the Checkout pages live: Stripe's, or the local test server's (its API base).

    The donation form's page lets its POST redirect there (CSP ``form-action``).
    """
    if not settings.STRIPE_API_BASE:
        return CHECKOUT_ORIGIN
    parts = urlsplit(settings.STRIPE_API_BASE)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class CheckoutRequest:
    reference: str
    amount_cents: int
    description: str
    email: str
    success_url: str
    cancel_url: str
    locale: str = "nl"


class StripeGateway:
    def __init__(self, *, api_key: str | None = None, api_base: str | None = None):
        api_key = settings.STRIPE_SECRET_KEY if api_key is None else api_key
        if not api_key:
            raise NotConfigured("STRIPE_SECRET_KEY is empty")
        api_base = settings.STRIPE_API_BASE if api_base is None else api_base
        options = {
            "max_network_retries": NETWORK_RETRIES,
            "http_client": stripe.RequestsClient(timeout=TIMEOUT_SECONDS),
        }
        if api_base:
            options["base_addresses"] = {"api": api_base.rstrip("/")}
        self.client = stripe.StripeClient(api_key, **options)

    @staticmethod
    def _options(stripe_account: str | None, idempotency_key: str | None = None) -> dict:
        options = {}
        if stripe_account:
            options["stripe_account"] = stripe_account
        if idempotency_key:
            options["idempotency_key"] = idempotency_key
        return options

    def checkout_create(self, checkout: CheckoutRequest, *, stripe_account: str | None = None):
        """Create a hosted Checkout Session for one donation; returns the session."""
        params = {
            "mode": "payment",
            "payment_method_types": PAYMENT_METHODS,
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": "eur",
                        "unit_amount": checkout.amount_cents,
                        "product_data": {"name": checkout.description[:250]},
                    },
                }
            ],
            "locale": checkout.locale if checkout.locale in ("nl", "en") else "nl",
            "client_reference_id": checkout.reference,
            "metadata": {"reference": checkout.reference},
            "payment_intent_data": {"metadata": {"reference": checkout.reference}},
            "customer_email": checkout.email,
            "success_url": checkout.success_url,
            "cancel_url": checkout.cancel_url,
            "expires_at": _now() + SESSION_LIFETIME_SECONDS,
        }
        # The reference as idempotency key: a retried request makes no second session.
        options = self._options(stripe_account, idempotency_key=f"checkout-{checkout.reference}")
        return self._call(self.client.v1.checkout.sessions.create, params, options)

    def checkout_retrieve(self, session_id: str, *, stripe_account: str | None = None):
        return self._call(
            self.client.v1.checkout.sessions.retrieve, session_id, self._options(stripe_account)
        )

    def checkout_list_open(self, *, limit: int = 100, stripe_account: str | None = None):
        """Sessions still waiting for a payment (for a look at what hangs)."""
        page = self._call(
            self.client.v1.checkout.sessions.list,
            {"status": "open", "limit": limit},
            self._options(stripe_account),
        )
        return list(page.get("data", []))

    def refund_create(
        self,
        *,
        payment_intent: str,
        amount_cents: int,
        reference: str,
        idempotency_key: str,
        stripe_account: str | None = None,
    ):
        """Ask Stripe to refund ``amount_cents``; the state follows ``charge.refunded``."""
        params = {
            "payment_intent": payment_intent,
            "amount": amount_cents,
            "metadata": {"reference": reference},
        }
        return self._call(
            self.client.v1.refunds.create,
            params,
            self._options(stripe_account, idempotency_key=idempotency_key),
        )

    def fee_retrieve(self, payment_intent: str, *, stripe_account: str | None = None) -> int | None:
        """Stripe's fee in cents for a payment, or None when Stripe does not know it yet."""
        try:
            intent = self._call(
                self.client.v1.payment_intents.retrieve,
                payment_intent,
                {"expand": ["latest_charge.balance_transaction"]},
                self._options(stripe_account),
            )
        except GatewayError:
            return None
        charge = intent.get("latest_charge")
        transaction = charge.get("balance_transaction") if isinstance(charge, dict) else None
        if isinstance(transaction, dict) and isinstance(transaction.get("fee"), int):
            return transaction["fee"]
        return None

    @staticmethod
    def event_construct(payload: bytes, sig_header: str | None) -> dict:
        """Verify the signature (and its age, 5 minutes) and return the event as a dict.

        Needs only ``STRIPE_WEBHOOK_SECRET``, no API key. Raises ``GatewayError`` for a
        missing, wrong or old signature and for a body that is not a JSON event.
        """
        secret = settings.STRIPE_WEBHOOK_SECRET
        if not sig_header or not secret:
            raise GatewayError("missing signature or secret")
        try:
            event = stripe.Webhook.construct_event(payload, sig_header, secret)
        except (stripe.SignatureVerificationError, ValueError) as error:
            raise GatewayError(error.__class__.__name__) from error
        event = event.to_dict()
        if not isinstance(event.get("id"), str) or not isinstance(event.get("data"), dict):
            raise GatewayError("not an event")
        return event

    @staticmethod
    def _call(method, *args):
        args, options = args[:-1], args[-1]
        try:
            result = method(*args, options=options or None)
        except stripe.StripeError as error:
            logger.warning(
                "Stripe call %s failed: %s", method.__qualname__, error.__class__.__name__
            )
            raise GatewayError(str(error)) from error
        return result.to_dict() if hasattr(result, "to_dict") else result


def _now() -> int:
    return int(time.time())
