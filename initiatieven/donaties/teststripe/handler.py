"""The HTTP side: Stripe's `/v1` API, the hosted checkout page and the `/_test/` controls."""

from __future__ import annotations

import base64
import json
import re
import traceback
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING

from . import objects, pages
from .checkout import checkout_session_create
from .controls import ControlRoutes
from .params import StripeError, decode, expand_list

if TYPE_CHECKING:
    from .server import StripeServer

ID = r"([A-Za-z0-9_]+)"


class Handler(ControlRoutes, BaseHTTPRequestHandler):
    server_version = "teststripe/1.0"
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this each keep-alive answer waits
    # ~40 ms for the client's delayed ACK.
    disable_nagle_algorithm = True
    stripe: StripeServer  # set on the subclass the server makes

    # Plumbing ------------------------------------------------------------------------

    def log_message(self, format, *args):  # noqa: A002 (the stdlib's signature)
        if self.stripe.verbose:
            super().log_message(format, *args)

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_DELETE(self):
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        self.query = url.query
        self.request_id = objects.new_id("req_", 14)
        for route_method, pattern, action in ROUTES:
            match = re.fullmatch(pattern, url.path)
            if match and route_method == method:
                try:
                    action(self, *match.groups())
                except StripeError as exc:
                    self._json(exc.status, exc.body())
                except ValueError as exc:  # a control's bad JSON or number
                    self._json(400, StripeError(f"Invalid request: {exc}").body())
                except Exception as exc:  # a bug here: answer like Stripe's 500, and show it
                    traceback.print_exc()
                    error = StripeError(f"Test server error: {exc!r}", status=500, type="api_error")
                    self._json(500, error.body())
                return
        if url.path.startswith("/v1/"):
            self._json(
                404,
                StripeError(
                    f"Unrecognized request URL ({method}: {url.path}). Please see "
                    "https://stripe.com/docs or we can help at https://support.stripe.com/.",
                ).body(),
            )
        else:
            self._html(
                404,
                pages.message(
                    "Niet gevonden",
                    "Not found",
                    "Deze pagina bestaat niet.",
                    "This page does not exist.",
                ),
            )

    def _send(self, status: int, body: bytes, content_type: str, headers=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, data: dict, headers=()) -> None:
        headers = [
            ("Request-Id", self.request_id),
            ("Stripe-Version", self.headers.get("Stripe-Version") or objects.API_VERSION),
            *headers,
        ]
        self._send(status, json.dumps(data, indent=2).encode(), "application/json", headers)

    def _html(self, status: int, text: str) -> None:
        self._send(status, text.encode(), "text/html; charset=utf-8")

    def _redirect(self, location: str) -> None:
        self._send(HTTPStatus.SEE_OTHER, b"", "text/plain", [("Location", location)])

    # The API -------------------------------------------------------------------------

    def _authenticate(self) -> None:
        header = self.headers.get("Authorization", "")
        key = ""
        if header.startswith("Bearer "):
            key = header[7:].strip()
        elif header.startswith("Basic "):
            try:
                key = base64.b64decode(header[6:]).decode().split(":")[0]
            except ValueError:
                key = ""
        if not key:
            raise StripeError(
                "You did not provide an API key. You need to provide your API key in the "
                "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer "
                "YOUR_SECRET_KEY').",
                status=401,
                type="authentication_error",
            )
        if key != self.stripe.secret_key:
            masked = key[:8] + "*" * max(len(key) - 12, 4) + key[-4:]
            raise StripeError(
                f"Invalid API Key provided: {masked}",
                status=401,
                type="authentication_error",
                code="api_key_invalid",
            )

    def _api_get(self, read) -> None:
        self._authenticate()
        self._json(200, read(decode(self.query)))

    def _api_post(self, write) -> None:
        """Run `write(params, request)` once per Idempotency-Key, as Stripe does."""
        self._authenticate()
        params = decode(self.body)
        key = self.headers.get("Idempotency-Key")
        stripe = self.stripe
        with stripe.store.lock:
            if key:
                saved = stripe.idempotency.get(key)
                if saved is not None:
                    if saved["path"] != self.path or saved["params"] != params:
                        raise StripeError(
                            "Keys for idempotent requests can only be used with the same "
                            "parameters they were first used with. Try using a key other "
                            f"than '{key}' if you meant to execute a different request.",
                            type="idempotency_error",
                        )
                    self._json(saved["status"], saved["body"], [("Idempotent-Replayed", "true")])
                    return
            body = write(params, (self.request_id, key))
            if key:  # Stripe saves only requests that ran, not refused ones
                stripe.idempotency[key] = {
                    "path": self.path,
                    "params": params,
                    "status": 200,
                    "body": body,
                }
        headers = [("Idempotency-Key", key)] if key else []
        self._json(200, body, headers)

    def session_create(self):
        def write(params, request):
            clean = checkout_session_create(params, now=self.stripe.store.now())
            return self.stripe.store.session_create(clean, url_for=self.stripe.checkout_url)

        self._api_post(write)

    def session_list(self):
        self._api_get(self.stripe.store.session_list)

    def session_retrieve(self, session_id):
        self.retrieve(session_id, "checkout.session", "session")

    def session_line_items(self, session_id):
        def read(params):
            items = self.stripe.store.line_items(session_id)
            data = [objects.line_item(item, n) for n, item in enumerate(items)]
            return objects.page(
                data, has_more=False, url=f"/v1/checkout/sessions/{session_id}/line_items"
            )

        self._api_get(read)

    def session_expire(self, session_id):
        self._api_post(
            lambda params, request: self.stripe.store.expand(
                self.stripe.store.session_expire(session_id, request=request), expand_list(params)
            )
        )

    def retrieve(self, object_id, kind, param="id"):
        self._api_get(
            lambda params: self.stripe.store.get(
                object_id, kind=kind, param=param, expand=expand_list(params)
            )
        )

    def refund_create(self):
        self._api_post(
            lambda params, request: self.stripe.store.refund_create(params, request=request)
        )

    def event_list(self):
        self._api_get(self.stripe.store.event_list)

    # The hosted checkout page --------------------------------------------------------

    def checkout_css(self):
        self._send(200, pages.CSS.encode(), "text/css; charset=utf-8")

    def overview(self):
        stripe = self.stripe
        with stripe.store.lock:
            sessions = list(reversed(stripe.store.sessions.values()))[:20]
            events = list(reversed(stripe.store.events))[:20]
            self._html(
                200,
                pages.overview(
                    sessions, events, stripe.deliveries[-20:], stripe.webhooks.url or ""
                ),
            )

    def checkout_page(self, session_id):
        session = self.stripe.store.sessions.get(session_id)
        if session is None:
            self._html(
                404,
                pages.message(
                    "Betaling niet gevonden",
                    "Checkout not found",
                    "Deze betaalpagina bestaat niet (meer).",
                    "This checkout page does not exist.",
                ),
            )
        elif session["status"] != "open":
            done = session["status"] == "complete"
            self._html(
                410 if not done else 200,
                pages.message(
                    "Al afgerond" if done else "Verlopen",
                    "Complete" if done else "Expired",
                    "Deze betaling is al afgerond." if done else "Deze betaalpagina is verlopen.",
                    "This checkout is complete." if done else "This checkout session has expired.",
                    link=session["success_url"] if done else session["cancel_url"],
                ),
            )
        else:
            self._html(200, pages.checkout(session, self.stripe.store.line_items(session_id)))

    def checkout_submit(self, session_id):
        session = self.stripe.store.sessions.get(session_id)
        if session is None or session["status"] != "open":
            self.checkout_page(session_id)
            return
        fields = dict(urllib.parse.parse_qsl(self.body))
        action = fields.get("action")
        stripe = self.stripe
        if action == "cancel":
            if session["cancel_url"]:
                self._redirect(session["cancel_url"])
            else:
                self._html(
                    200,
                    pages.message(
                        "Geannuleerd",
                        "Cancelled",
                        "Je hebt de betaling afgebroken.",
                        "You cancelled the payment.",
                    ),
                )
            return
        if action not in ("ideal", "card", "ideal_delayed", "fail"):
            self._html(
                400,
                pages.message(
                    "Onbekende keuze",
                    "Unknown choice",
                    "Kies een van de knoppen.",
                    "Choose a button.",
                ),
            )
            return
        try:
            if action in ("ideal", "card"):
                stripe.pay(session_id, method=action, wait=False)
            else:
                outcome = "succeeded" if action == "ideal_delayed" else "failed"
                stripe.pay_async(session_id, outcome=outcome, wait=False)
        except StripeError:  # paid in another tab a moment ago
            self.checkout_page(session_id)
            return
        self._redirect(session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id))


ROUTES = [
    ("POST", r"/v1/checkout/sessions", Handler.session_create),
    ("GET", r"/v1/checkout/sessions", Handler.session_list),
    ("GET", rf"/v1/checkout/sessions/{ID}", Handler.session_retrieve),
    ("GET", rf"/v1/checkout/sessions/{ID}/line_items", Handler.session_line_items),
    ("POST", rf"/v1/checkout/sessions/{ID}/expire", Handler.session_expire),
    ("GET", rf"/v1/payment_intents/{ID}", lambda h, i: h.retrieve(i, "payment_intent", "intent")),
    ("GET", rf"/v1/charges/{ID}", lambda h, i: h.retrieve(i, "charge", "charge")),
    ("GET", rf"/v1/balance_transactions/{ID}", lambda h, i: h.retrieve(i, "balance_transaction")),
    ("POST", r"/v1/refunds", Handler.refund_create),
    ("GET", rf"/v1/refunds/{ID}", lambda h, i: h.retrieve(i, "refund", "refund")),
    ("GET", r"/v1/events", Handler.event_list),
    ("GET", rf"/v1/events/{ID}", lambda h, i: h.retrieve(i, "event")),
    ("GET", r"/", Handler.overview),
    ("GET", r"/checkout\.css", Handler.checkout_css),
    ("GET", rf"/checkout/{ID}", Handler.checkout_page),
    ("POST", rf"/checkout/{ID}", Handler.checkout_submit),
    ("POST", rf"/_test/sessions/{ID}/(pay|pay_async|settle|fail|expire)", Handler.control_session),
    ("POST", r"/_test/webhooks/(pause|resume|url)", Handler.control_webhooks),
    ("GET", r"/_test/events", Handler.control_events),
    ("POST", rf"/_test/events/{ID}/replay", Handler.control_replay),
    ("GET", r"/_test/deliveries", Handler.control_deliveries),
    ("POST", r"/_test/reset", Handler.control_reset),
    ("POST", r"/_test/clock", Handler.control_clock),
]
