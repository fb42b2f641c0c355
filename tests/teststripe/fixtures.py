"""pytest plugin: the project's local Stripe API server (`initiatieven.donaties.teststripe`).

Registered for the whole suite in tests/conftest.py. Two fixtures:

``stripe_server`` (session scope): one `StripeServer` on a free localhost port, started
once. Attributes and methods (see `initiatieven/donaties/teststripe/server.py`):

- ``api_base``, ``secret_key``, ``webhook_secret``: what the settings need.
- ``session(id)``: the Checkout Session dict as the API returns it.
- ``pay(id, method="ideal"|"card")``: complete + paid, sends checkout.session.completed.
- ``pay_async(id, outcome=None|"succeeded"|"failed", delay=None)``: complete + unpaid
  (sends checkout.session.completed); then ``settle(id, succeeded=True|False)`` sends
  checkout.session.async_payment_succeeded / _failed (with `outcome`, after `delay` s).
- ``fail(id)``: completed, then async_payment_failed at once. ``expire(id)``: expired.
- Refunds: make them through the SDK (``stripe.Refund.create`` / your Stripe module);
  each sends charge.refunded with the charge (``amount_refunded``, ``refunded``,
  ``refunds``). Fees: iDEAL 29 cents, card 29 cents + 1.5 %
  (``objects.fee_for(amount, method)``), in the balance transaction
  (``expand=["payment_intent.latest_charge.balance_transaction"]``).
- Webhook target, pick one:
  ``set_webhook_url(live_server.url + "/doneren/stripe/webhook/")`` delivers over HTTP
  from a background thread (needs ``django_db(transaction=True)``, the site runs in
  another thread); ``set_webhook_handler(fn)`` with ``fn(payload: bytes, headers: dict)
  -> int`` delivers in the test's own thread, e.g. through the Django test client:

      def handler(payload, headers):
          return client.post("/doneren/stripe/webhook/", payload,
                             content_type="application/json",
                             HTTP_STRIPE_SIGNATURE=headers["Stripe-Signature"]).status_code
      stripe_settings.set_webhook_handler(handler)

  With neither (the default after ``stripe_settings``) events are only recorded.
  ``pay``/``settle``/``fail``/``expire``/``replay``/``resume_webhooks`` deliver before
  they return (handler: in this thread; URL: the first attempt). Events caused by your
  own API calls (a refund) wait in handler mode until ``deliver_webhooks()``; in URL
  mode call ``wait_for_webhooks()``.
- ``pause_webhooks()`` holds events ("lost webhook"); ``resume_webhooks()`` sends them,
  ``resume_webhooks(deliver_held=False)`` drops them. ``replay(event_id)`` sends an event
  again (duplicate delivery). ``events`` (all events, oldest first) and ``deliveries``
  (every attempt: ``event_id``, ``type``, ``attempt``, ``status``, ``ok``).
  A non-2xx answer is retried 3 times (after 0.05, 0.1, 0.2 s here).
- ``sign(payload, timestamp=None, secret=None)``: a ``Stripe-Signature`` header, for
  signature tests (old timestamp, wrong secret).
- ``advance_clock(seconds)``: move the server's clock; open sessions past
  ``expires_at`` expire (checkout.session.expired).
- ``reset()``: forget everything (the function fixture below does it for you).

``stripe_settings`` (function scope, needs pytest-django's ``settings``): resets the
server, removes any webhook target, sets ``STRIPE_SECRET_KEY``, ``STRIPE_WEBHOOK_SECRET``
and ``STRIPE_API_BASE`` to the server's, and yields the server:

    def test_paid(stripe_settings, client):
        ...create the donation; your code creates the Checkout Session...
        stripe_settings.pay(session_id)
"""

import pytest

from initiatieven.donaties.teststripe.server import StripeServer


@pytest.fixture(scope="session")
def stripe_server():
    server = StripeServer(async_delay=0.2, retry_delays=(0.05, 0.1, 0.2), sweep_interval=0.2)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def stripe_settings(settings, stripe_server):
    stripe_server.reset()
    stripe_server.set_webhook_url(None)
    settings.STRIPE_SECRET_KEY = stripe_server.secret_key
    settings.STRIPE_WEBHOOK_SECRET = stripe_server.webhook_secret
    settings.STRIPE_API_BASE = stripe_server.api_base
    yield stripe_server
    stripe_server.set_webhook_url(None)
    stripe_server.reset()
