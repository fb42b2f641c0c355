import json
import socket
import subprocess
import sys
import urllib.request

import stripe

from .conftest import session_params


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_python_m_starts_the_server_make_run_uses():
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "initiatieven.donaties.teststripe", "--port", str(port),
         "--secret-key", "sk_test_cli", "--webhook-url", ""],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        banner = process.stdout.readline()
        assert f"http://127.0.0.1:{port}" in banner
        assert "geen echt geld" in banner
        client = stripe.StripeClient(
            "sk_test_cli", base_addresses={"api": f"http://127.0.0.1:{port}"},
            max_network_retries=0,
        )  # fmt: skip
        session = client.v1.checkout.sessions.create(params=session_params())
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_test/events") as answer:
            assert json.loads(answer.read()) == {"data": []}
        assert session.url.startswith(f"http://127.0.0.1:{port}/checkout/")
    finally:
        process.terminate()
        process.wait(timeout=5)
        process.stdout.close()
