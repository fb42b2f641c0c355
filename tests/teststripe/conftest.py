import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import stripe


@pytest.fixture
def server(stripe_server):
    """The suite's server, emptied, with no webhook target."""
    stripe_server.reset()
    stripe_server.set_webhook_url(None)
    yield stripe_server
    stripe_server.set_webhook_url(None)
    stripe_server.reset()


@pytest.fixture
def sdk(server):
    """The real SDK's client pointed at the local server."""
    return stripe.StripeClient(
        server.secret_key, base_addresses={"api": server.api_base}, max_network_retries=0
    )


@pytest.fixture
def global_sdk(server, monkeypatch):
    """The SDK's module-level configuration (`stripe.api_base`) pointed at the server."""
    monkeypatch.setattr(stripe, "api_key", server.secret_key)
    monkeypatch.setattr(stripe, "api_base", server.api_base)
    monkeypatch.setattr(stripe, "max_network_retries", 0)
    return stripe


def session_params(**overrides):
    params = {
        "mode": "payment",
        "success_url": "http://127.0.0.1:8000/doneren/bedankt/?session={CHECKOUT_SESSION_ID}",
        "cancel_url": "http://127.0.0.1:8000/doneren/muurschildering/",
        "line_items": [
            {
                "price_data": {
                    "currency": "eur",
                    "unit_amount": 2500,
                    "product_data": {"name": "Donatie aan Muurschildering"},
                },
                "quantity": 1,
            }
        ],
        "payment_method_types": ["ideal", "card"],
        "locale": "nl",
        "client_reference_id": "DON-2026-0001",
        "metadata": {"reference": "DON-2026-0001"},
    }
    params.update(overrides)
    return params


@pytest.fixture
def new_session(sdk):
    def create(**overrides):
        return sdk.v1.checkout.sessions.create(params=session_params(**overrides))

    return create


class Receiver:
    """A tiny webhook target: answers with `statuses` in turn (then 200), keeps each POST."""

    def __init__(self):
        self.requests = []
        self.statuses = []
        self.received = threading.Condition()
        receiver = self

        class Handle(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.received:
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                    receiver.requests.append(
                        {"body": body, "headers": dict(self.headers), "status": status}
                    )
                    receiver.received.notify_all()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handle)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/webhook/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def events(self):
        return [json.loads(r["body"]) for r in self.requests]

    def wait_for(self, count, timeout=5):
        with self.received:
            return self.received.wait_for(lambda: len(self.requests) >= count, timeout)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def receiver(server):
    receiver = Receiver()
    server.set_webhook_url(receiver.url)
    yield receiver
    server.set_webhook_url(None)
    receiver.close()
