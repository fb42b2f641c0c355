"""HTML of the hosted checkout page and the server's overview page.

A developer tool, so the text is Dutch with English beside it, not translated. Plain
forms, no JavaScript; every button is a real <button> in a form and works by keyboard.
"""

from __future__ import annotations

from html import escape

CSS = """
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1a1a1a; }
main { max-width: 32rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem;
       border-radius: .5rem; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
.test { background: #fff3cd; border: 2px solid #8a6d00; padding: .5rem .75rem; }
.amount { font-size: 2rem; font-weight: bold; margin: .5rem 0; }
form { margin: .75rem 0; }
button { font-size: 1rem; padding: .6rem 1rem; width: 100%; cursor: pointer;
         border: 2px solid #1a1a1a; border-radius: .3rem; background: #fff; }
button.primary { background: #0b5cad; color: #fff; border-color: #0b5cad; }
button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.en { color: #555; font-size: .9em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
"""


def money(amount: int, currency: str) -> str:
    euros, cents = divmod(amount, 100)
    symbol = "€" if currency == "eur" else currency.upper()
    return f"{symbol} {euros:,}".replace(",", ".") + f",{cents:02d}"


def _page(title: str, body: str, *, lang: str = "nl") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="stylesheet" href="/checkout.css">\n</head>\n<body>\n'
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


TEST_BANNER = (
    '<p class="test"><strong>Testbetaling: er gaat geen echt geld over.</strong> '
    '<span class="en" lang="en">Test payment: no real money moves.</span></p>'
)


def _button(action: str, nl: str, en: str, *, primary: bool = False) -> str:
    css = ' class="primary"' if primary else ""
    return (
        f'<form method="post"><input type="hidden" name="action" value="{action}">'
        f'<button type="submit"{css}>{escape(nl)} <span class="en" lang="en">/ {escape(en)}'
        "</span></button></form>"
    )


def checkout(session: dict, line_items: list[dict]) -> str:
    """The page behind a session's `url` while the session is open."""
    methods = session["payment_method_types"]
    lines = "".join(
        f"<li>{item['quantity']} × {escape(item['name'])}"
        + (f" <span>({escape(item['description'])})</span>" if item["description"] else "")
        + f": {money(item['unit_amount'] * item['quantity'], item['currency'])}</li>"
        for item in line_items
    )
    buttons = []
    if "ideal" in methods:
        buttons.append(_button("ideal", "Betalen met iDEAL", "Pay with iDEAL", primary=True))
    if any(m != "ideal" for m in methods):
        buttons.append(_button("card", "Betalen met kaart", "Pay by card", primary=True))
    if "ideal" in methods:
        buttons.append(
            _button(
                "ideal_delayed", "iDEAL: betaling later bevestigd", "iDEAL: payment confirmed later"
            )
        )
    buttons.append(_button("fail", "Betaling mislukt", "Payment fails"))
    buttons.append(_button("cancel", "Annuleren", "Cancel"))
    body = (
        f'<h1>Betalen <span class="en" lang="en">/ Checkout</span></h1>\n{TEST_BANNER}\n'
        f'<p class="amount">{money(session["amount_total"], session["currency"])}</p>\n'
        f'<h2>Waarvoor <span class="en" lang="en">/ What for</span></h2>\n<ul>{lines}</ul>\n'
        f'<h2>Kies wat er gebeurt <span class="en" lang="en">/ Choose what happens</span>'
        f"</h2>\n" + "\n".join(buttons)
    )
    lang = "en" if (session["locale"] or "").startswith("en") else "nl"
    return _page("Testbetaling / Test checkout", body, lang=lang)


def message(
    title_nl: str, title_en: str, text_nl: str, text_en: str, link: str | None = None
) -> str:
    """A short page for a session that is no longer open, or an unknown one."""
    back = ""
    if link:
        back = (
            f'<p><a href="{escape(link)}">Terug naar de site</a> '
            '<span class="en" lang="en">/ Back to the site</span></p>'
        )
    body = (
        f'<h1>{escape(title_nl)} <span class="en" lang="en">/ {escape(title_en)}</span></h1>\n'
        f"{TEST_BANNER}\n<p>{escape(text_nl)}</p>\n"
        f'<p class="en" lang="en">{escape(text_en)}</p>\n{back}'
    )
    return _page(f"{title_nl} / {title_en}", body)


def overview(sessions: list[dict], events: list[dict], deliveries: list, webhook: str) -> str:
    """The server's start page: recent sessions, events and webhook deliveries."""
    rows = "".join(
        f"<tr><td>{_link(s)}</td><td>{escape(s['status'])}</td>"
        f"<td>{escape(s['payment_status'])}</td>"
        f"<td>{money(s['amount_total'], s['currency'])}</td></tr>"
        for s in sessions
    )
    event_rows = "".join(
        f"<tr><td>{escape(e['id'])}</td><td>{escape(e['type'])}</td></tr>" for e in events
    )
    delivery_rows = "".join(
        f"<tr><td>{escape(d.event_id)}</td><td>{d.attempt}</td>"
        f"<td>{d.status if d.status is not None else escape(d.error or '')}</td></tr>"
        for d in deliveries
    )
    body = (
        '<h1>Lokale Stripe-testserver <span class="en" lang="en">/ Local Stripe test server'
        f"</span></h1>\n{TEST_BANNER}\n<p>Webhooks: {escape(webhook or 'geen / none')}</p>\n"
        '<table><caption>Checkout Sessions</caption><tr><th scope="col">Id</th>'
        '<th scope="col">Status</th><th scope="col">Betaald / Paid</th>'
        f'<th scope="col">Bedrag / Amount</th></tr>{rows}</table>\n'
        '<table><caption>Events</caption><tr><th scope="col">Id</th><th scope="col">Type</th>'
        f"</tr>{event_rows}</table>\n"
        '<table><caption>Webhooks</caption><tr><th scope="col">Event</th>'
        f'<th scope="col">Poging / Attempt</th><th scope="col">Antwoord / Answer</th></tr>'
        f"{delivery_rows}</table>"
    )
    return _page("Stripe-testserver", body)


def _link(session: dict) -> str:
    if session["status"] == "open":
        return f'<a href="/checkout/{escape(session["id"])}">{escape(session["id"][:24])}…</a>'
    return escape(session["id"][:24]) + "…"
