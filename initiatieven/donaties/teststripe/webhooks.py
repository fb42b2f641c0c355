"""Signed webhook delivery, the way Stripe does it.

Each event is POSTed as JSON with ``Stripe-Signature: t=<unix>,v1=<hex>``, the HMAC-SHA256
of ``"<t>.<payload>"`` under the webhook secret, which ``stripe.Webhook.construct_event``
checks. Delivery runs on a background thread; a non-2xx answer or a connection error is
retried after each of `retry_delays` seconds. Every attempt is recorded in `deliveries`.

Instead of a URL a test can set a handler, ``fn(payload: bytes, headers: dict) -> int``:
events then wait until `deliver_pending()` runs them in the caller's thread (so a Django
test client and the test's database transaction can take them).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import queue
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

Handler = Callable[[bytes, dict], int]
# Webhooks go to a local site: never through a proxy from the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The `Stripe-Signature` header value for `payload`."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def event_payload(event: dict) -> bytes:
    return json.dumps(event, indent=2).encode()


@dataclass(frozen=True)
class Delivery:
    """One attempt to deliver one event."""

    event_id: str
    type: str
    target: str
    attempt: int
    status: int | None  # HTTP status; None when the target could not be reached
    error: str | None = None
    at: float = field(default_factory=time.time)

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class Dispatcher:
    def __init__(
        self,
        *,
        secret: str,
        url: str | None = None,
        retry_delays: tuple[float, ...] = (1, 2, 4, 8),
        timeout: float = 10,
    ):
        self.secret = secret
        self.url = url
        self.handler: Handler | None = None
        self.retry_delays = tuple(retry_delays)
        self.timeout = timeout
        self.paused = False
        self.held: list[dict] = []
        self.pending: list[tuple[dict, int]] = []
        self.deliveries: list[Delivery] = []
        self._lock = threading.Condition()
        self._busy = 0  # events queued, in flight or waiting for a retry
        self._fresh = 0  # events not tried even once yet
        self._generation = 0
        self._queue: queue.Queue = queue.Queue()
        self._timers: set[threading.Timer] = set()
        self._worker: threading.Thread | None = None

    # Control -------------------------------------------------------------------------

    def start(self) -> None:
        self._worker = threading.Thread(target=self._run, name="teststripe-webhooks", daemon=True)
        self._worker.start()

    def stop(self) -> None:
        with self._lock:
            for timer in self._timers:
                timer.cancel()
        self._queue.put(None)
        if self._worker:
            self._worker.join(timeout=5)

    def set_url(self, url: str | None) -> None:
        if url and not url.startswith(("http://", "https://")):
            raise ValueError(f"Webhook URL must be http(s): {url}")
        with self._lock:
            self.url, self.handler = url or None, None

    def set_handler(self, handler: Handler | None) -> None:
        with self._lock:
            self.handler, self.url = handler, None

    def pause(self) -> None:
        with self._lock:
            self.paused = True

    def resume(self, *, deliver_held: bool = True) -> list[dict]:
        """Deliver again; events held while paused are sent now, or dropped ("lost")."""
        with self._lock:
            self.paused = False
            held, self.held = self.held, []
        if deliver_held:
            for event in held:
                self.submit(event)
        return held

    def reset(self) -> None:
        with self._lock:
            self._generation += 1
            for timer in self._timers:
                timer.cancel()
            self._timers.clear()
            self._busy = self._fresh = 0
            self.paused = False
            self.held, self.pending, self.deliveries = [], [], []
            self._lock.notify_all()

    # Delivery ------------------------------------------------------------------------

    def submit(self, event: dict) -> None:
        """Send `event` now (or hold it while paused)."""
        with self._lock:
            if self.paused:
                self.held.append(event)
            elif self.handler is not None:
                self.pending.append((event, 1))
            elif self.url:
                self._busy += 1
                self._fresh += 1
                self._queue.put((self._generation, event, 1))

    def deliver_pending(self) -> list[Delivery]:
        """Hand waiting events to the handler in this thread; failures wait for the next call."""
        done = []
        with self._lock:
            batch, self.pending = self.pending, []
            handler = self.handler
        for event, attempt in batch:
            payload = event_payload(event)
            headers = {
                "Content-Type": "application/json; charset=utf-8",
                "Stripe-Signature": sign(payload, self.secret),
            }
            try:
                status, error = handler(payload, headers), None
            except Exception as exc:  # the handler is the test's code: record, don't crash
                status, error = None, repr(exc)
            delivery = self._record(event, "handler", attempt, status, error)
            done.append(delivery)
            if not delivery.ok and attempt <= len(self.retry_delays):
                with self._lock:
                    self.pending.append((event, attempt + 1))
        return done

    def wait_idle(self, timeout: float = 10, *, retries: bool = True) -> bool:
        """Block until every submitted event is delivered or given up; False on timeout.

        With `retries=False` only until each event had its first attempt.
        """
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._busy if retries else self._fresh:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(left)
        return True

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            generation, event, attempt = item
            if generation != self._generation:
                continue
            target = self.url
            status, error = self._post(target, event) if target else (None, "no webhook URL")
            delivery = self._record(event, target or "", attempt, status, error)
            with self._lock:
                if generation != self._generation:
                    continue
                if attempt == 1:
                    self._fresh -= 1
                    self._lock.notify_all()
                if not delivery.ok and attempt <= len(self.retry_delays):
                    self._schedule_retry(generation, event, attempt)
                else:
                    self._busy -= 1
                    self._lock.notify_all()

    def _schedule_retry(self, generation: int, event: dict, attempt: int) -> None:
        def fire():
            with self._lock:
                self._timers.discard(timer)
            self._queue.put((generation, event, attempt + 1))

        timer = threading.Timer(self.retry_delays[attempt - 1], fire)
        timer.daemon = True
        self._timers.add(timer)
        timer.start()

    def _post(self, url: str, event: dict) -> tuple[int | None, str | None]:
        payload = event_payload(event)
        # set_url() lets only http(s) URLs through.
        request = urllib.request.Request(  # noqa: S310
            url,
            data=payload,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                "Stripe-Signature": sign(payload, self.secret),
            },
        )
        try:
            with _OPENER.open(request, timeout=self.timeout) as answer:
                return answer.status, None
        except urllib.error.HTTPError as exc:
            exc.close()
            return exc.code, None
        except (OSError, ValueError) as exc:
            return None, str(exc)

    def _record(self, event, target, attempt, status, error) -> Delivery:
        delivery = Delivery(
            event_id=event["id"],
            type=event["type"],
            target=target,
            attempt=attempt,
            status=status,
            error=error,
        )
        with self._lock:
            self.deliveries.append(delivery)
        return delivery
