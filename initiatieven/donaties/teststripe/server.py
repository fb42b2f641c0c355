"""`StripeServer`: the local Stripe API server, started in a thread or from the command line.

    server = StripeServer(webhook_url="http://127.0.0.1:8000/doneren/stripe/webhook/")
    server.start()                      # port 0: a free port; see server.api_base
    stripe.api_base = server.api_base   # or StripeClient(key, base_addresses={"api": ...})
    ...
    server.stop()

Besides the API it offers what a test needs and Stripe's dashboard would do: pay, fail or
expire a session, pause and replay webhooks, reset everything (the methods below, and
the same over HTTP under `/_test/`; see docs/teststripe.md).
"""

from __future__ import annotations

import contextlib
import copy
import threading
from http.server import ThreadingHTTPServer

from .handler import Handler
from .params import StripeError
from .store import Store
from .webhooks import Delivery, Dispatcher, sign
from .webhooks import Handler as WebhookHandler

DEFAULT_SECRET_KEY = "sk_test_lokaal_buurtkracht"
DEFAULT_WEBHOOK_SECRET = "whsec_lokaal_buurtkracht"
DEFAULT_WEBHOOK_URL = "http://127.0.0.1:8000/doneren/stripe/webhook/"
DEFAULT_PORT = 12111


class StripeServer:
    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        secret_key: str = DEFAULT_SECRET_KEY,
        webhook_secret: str = DEFAULT_WEBHOOK_SECRET,
        webhook_url: str | None = None,
        async_delay: float = 2.0,
        retry_delays: tuple[float, ...] = (1, 2, 4, 8),
        sweep_interval: float = 1.0,
        verbose: bool = False,
    ):
        self.host, self.port = host, port
        self.secret_key = secret_key
        self.webhook_secret = webhook_secret
        self.async_delay = async_delay
        self.sweep_interval = sweep_interval
        self.verbose = verbose
        self.webhooks = Dispatcher(
            secret=webhook_secret, url=webhook_url, retry_delays=retry_delays
        )
        self.store = Store(emit=self.webhooks.submit)
        self.idempotency: dict[str, dict] = {}
        self._timers: set[threading.Timer] = set()
        self._stopped = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None

    # Life cycle ----------------------------------------------------------------------

    def start(self) -> StripeServer:
        handler = type("BoundHandler", (Handler,), {"stripe": self})
        self._httpd = ThreadingHTTPServer((self.host, self.port), handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.webhooks.start()
        # A short poll interval: stop() (each test session's end) waits for one poll.
        http = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), daemon=True, name="teststripe-http"
        )
        sweep = threading.Thread(target=self._sweep, daemon=True, name="teststripe-sweep")
        http.start()
        sweep.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._cancel_timers()
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
        self.webhooks.stop()

    def __enter__(self) -> StripeServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def serve_forever(self) -> None:
        """Run in the foreground until interrupted (the command line); start() first."""
        try:
            self._stopped.wait()
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_base(self) -> str:
        return self.url

    def checkout_url(self, session_id: str) -> str:
        return f"{self.url}/checkout/{session_id}"

    def _sweep(self) -> None:
        while not self._stopped.wait(self.sweep_interval):
            self.store.expire_due()

    # Test controls -------------------------------------------------------------------

    def session(self, session_id: str) -> dict:
        """The Checkout Session as the API would return it."""
        return self.store.get(session_id, kind="checkout.session", param="session")

    def pay(self, session_id: str, method: str = "ideal", *, wait: bool = True) -> dict:
        """Pay an open session now (complete + paid); sends checkout.session.completed."""
        session = self.store.session_pay(session_id, method=method)
        self._after(wait)
        return session

    def pay_async(
        self,
        session_id: str,
        method: str = "ideal",
        *,
        outcome: str | None = None,
        delay: float | None = None,
        wait: bool = True,
    ) -> dict:
        """Complete an open session with a payment the bank confirms later (unpaid).

        With `outcome` "succeeded" or "failed" the bank answers after `delay` seconds
        (default: the server's `async_delay`); with None it waits for `settle()`.
        """
        session = self.store.session_pay_async(session_id, method=method)
        self._after(wait)
        if outcome is not None:
            if outcome not in ("succeeded", "failed"):
                raise StripeError("outcome must be succeeded or failed", param="outcome")
            self._later(
                self.async_delay if delay is None else delay,
                lambda: self.settle(session_id, succeeded=outcome == "succeeded", wait=False),
            )
        return session

    def settle(self, session_id: str, *, succeeded: bool = True, wait: bool = True) -> dict:
        """The bank answers a delayed payment: async_payment_succeeded or _failed."""
        session = self.store.session_settle(session_id, succeeded=succeeded)
        self._after(wait)
        return session

    def fail(self, session_id: str, method: str = "ideal", *, wait: bool = True) -> dict:
        """Complete unpaid and fail at once: completed, then async_payment_failed."""
        self.store.session_pay_async(session_id, method=method)
        session = self.store.session_settle(session_id, succeeded=False)
        self._after(wait)
        return session

    def expire(self, session_id: str, *, wait: bool = True) -> dict:
        """Expire an open session now; sends checkout.session.expired."""
        session = self.store.session_expire(session_id)
        self._after(wait)
        return session

    def advance_clock(self, seconds: int) -> int:
        """Move this server's clock forward (expires sessions past `expires_at`)."""
        with self.store.lock:
            self.store.clock_offset += seconds
        self.store.expire_due()
        self._after(True)
        return self.store.now()

    @property
    def events(self) -> list[dict]:
        """Every event so far, oldest first."""
        with self.store.lock:
            return copy.deepcopy(self.store.events)

    @property
    def deliveries(self) -> list[Delivery]:
        """Every webhook delivery attempt so far, oldest first."""
        with self.webhooks._lock:
            return list(self.webhooks.deliveries)

    def set_webhook_url(self, url: str | None) -> None:
        self.webhooks.set_url(url)

    def set_webhook_handler(self, handler: WebhookHandler | None) -> None:
        """Deliver to ``handler(payload: bytes, headers: dict) -> status`` in the test's thread."""
        self.webhooks.set_handler(handler)

    def pause_webhooks(self) -> None:
        """Hold events instead of sending them ("lost webhooks")."""
        self.webhooks.pause()

    def resume_webhooks(self, *, deliver_held: bool = True, wait: bool = True) -> list[dict]:
        """Send again; held events are sent now, or dropped with `deliver_held=False`."""
        held = self.webhooks.resume(deliver_held=deliver_held)
        self._after(wait)
        return held

    def replay(self, event_id: str, *, wait: bool = True) -> dict:
        """Send an event again, same id and body, freshly signed (Stripe's "Resend")."""
        event = self.store.get(event_id, kind="event")
        self.webhooks.submit(event)
        self._after(wait)
        return event

    def deliver_webhooks(self) -> list[Delivery]:
        """Hand waiting events to the webhook handler now (handler mode only)."""
        return self.webhooks.deliver_pending()

    def wait_for_webhooks(self, timeout: float = 10) -> bool:
        """Block until every event sent to the URL is delivered or given up."""
        return self.webhooks.wait_idle(timeout)

    def sign(self, payload: bytes, timestamp: int | None = None, secret: str | None = None) -> str:
        """A `Stripe-Signature` header for `payload` (default: now, this server's secret)."""
        return sign(payload, secret or self.webhook_secret, timestamp)

    def reset(self) -> None:
        """Forget every session, payment, event, delivery and idempotency key."""
        self._cancel_timers()
        with self.store.lock:
            self.store.reset()
            self.idempotency.clear()
        self.webhooks.reset()

    def _after(self, wait: bool) -> None:
        if not wait:
            return
        if self.webhooks.handler is not None:
            self.webhooks.deliver_pending()
        else:  # the first attempt, not the retries of a receiver that is down
            self.webhooks.wait_idle(retries=False)

    def _later(self, delay: float, action) -> None:
        def fire():
            self._timers.discard(timer)
            # The session may have changed meanwhile (expired, reset): nothing to settle.
            with contextlib.suppress(StripeError):
                action()

        timer = threading.Timer(delay, fire)
        timer.daemon = True
        self._timers.add(timer)
        timer.start()

    def _cancel_timers(self) -> None:
        for timer in list(self._timers):
            timer.cancel()
        self._timers.clear()
