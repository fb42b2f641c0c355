"""`python -m initiatieven.donaties.teststripe`: the local Stripe test server for `make run`."""

import argparse

from .server import (
    DEFAULT_PORT,
    DEFAULT_SECRET_KEY,
    DEFAULT_WEBHOOK_SECRET,
    DEFAULT_WEBHOOK_URL,
    StripeServer,
)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m initiatieven.donaties.teststripe",
        description="Local Stripe API server for tests and development (no real money).",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--secret-key", default=DEFAULT_SECRET_KEY)
    parser.add_argument(
        "--webhook-url", default=DEFAULT_WEBHOOK_URL, help="where events are POSTed; empty: nowhere"
    )
    parser.add_argument("--webhook-secret", default=DEFAULT_WEBHOOK_SECRET)
    parser.add_argument(
        "--async-delay",
        type=float,
        default=3.0,
        help="seconds before a delayed iDEAL payment is confirmed",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    server = StripeServer(
        host=args.host,
        port=args.port,
        secret_key=args.secret_key,
        webhook_url=args.webhook_url or None,
        webhook_secret=args.webhook_secret,
        async_delay=args.async_delay,
        verbose=args.verbose,
    )
    try:
        server.start()
    except OSError as exc:
        raise SystemExit(f"Stripe-testserver: kan poort {args.port} niet openen ({exc}).") from None
    print(f"Stripe-testserver (geen echt geld) op {server.url}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
