"""Each refused Checkout Session: the SDK raises InvalidRequestError naming the param."""

import time

import pytest
import stripe

from .conftest import session_params


def line(**price_data):
    data = {"currency": "eur", "unit_amount": 2500, "product_data": {"name": "Donatie"}}
    data.update(price_data)
    return [{"price_data": data, "quantity": 1}]


def without(key):
    params = session_params()
    del params[key]
    return params


PRICE = "line_items[0][price_data]"
CASES = {
    "no mode": (without("mode"), "mode", "parameter_missing"),
    "unknown mode": (session_params(mode="donation"), "mode", None),
    "subscription mode": (session_params(mode="subscription"), "mode", None),
    "no success_url": (without("success_url"), "success_url", "parameter_missing"),
    "bad success_url": (session_params(success_url="bedankt"), "success_url", "url_invalid"),
    "bad cancel_url": (session_params(cancel_url="ftp://x.nl/"), "cancel_url", "url_invalid"),
    "no line_items": (without("line_items"), "line_items", "parameter_missing"),
    "no currency": (
        session_params(line_items=[{"price_data": {"unit_amount": 500, "product_data": {
            "name": "Donatie"}}, "quantity": 1}]),
        f"{PRICE}[currency]", "parameter_missing",
    ),
    "uppercase currency": (session_params(line_items=line(currency="EUR")),
                           f"{PRICE}[currency]", None),
    "unknown currency": (session_params(line_items=line(currency="xyz")),
                         f"{PRICE}[currency]", None),
    "amount with cents as decimal": (session_params(line_items=line(unit_amount="12.50")),
                                     f"{PRICE}[unit_amount]", "parameter_invalid_integer"),
    "negative amount": (session_params(line_items=line(unit_amount=-100)),
                        f"{PRICE}[unit_amount]", "parameter_invalid_integer"),
    "below the EUR minimum": (session_params(line_items=line(unit_amount=49)), "line_items",
                              "amount_too_small"),
    "above the maximum": (session_params(line_items=line(unit_amount=100_000_000)),
                          f"{PRICE}[unit_amount]", "amount_too_large"),
    "total above the maximum": (
        session_params(line_items=[{"price_data": line(unit_amount=60_000_000)[0]["price_data"],
                                    "quantity": 2}]),
        "line_items", "amount_too_large",
    ),
    "no product name": (session_params(line_items=line(product_data={"description": "x"})),
                        f"{PRICE}[product_data][name]", "parameter_missing"),
    "no quantity": (
        session_params(line_items=[{"price_data": line()[0]["price_data"]}]),
        "line_items[0][quantity]", "parameter_missing",
    ),
    "zero quantity": (
        session_params(line_items=[{"price_data": line()[0]["price_data"], "quantity": 0}]),
        "line_items[0][quantity]", "parameter_invalid_integer",
    ),
    "unknown price field": (session_params(line_items=line(amount=5)), f"{PRICE}[amount]",
                            "parameter_unknown"),
    "unknown payment method": (session_params(payment_method_types=["ideal", "paypall"]),
                               "payment_method_types[1]", None),
    "iDEAL in dollars": (session_params(line_items=line(currency="usd")),
                         "payment_method_types", None),
    "unknown locale": (session_params(locale="nl-NL"), "locale", None),
    "long client_reference_id": (session_params(client_reference_id="x" * 201),
                                 "client_reference_id", None),
    "51 metadata keys": (session_params(metadata={f"k{i}": "v" for i in range(51)}),
                         "metadata", None),
    "long metadata key": (session_params(metadata={"k" * 41: "v"}), f"metadata[{'k' * 41}]",
                          None),
    "long metadata value": (session_params(metadata={"reference": "v" * 501}),
                            "metadata[reference]", None),
    "bad customer_email": (session_params(customer_email="geen-adres"), "customer_email",
                           "email_invalid"),
    "expires too soon": (session_params(expires_at=int(time.time()) + 600), "expires_at", None),
    "expires too late": (session_params(expires_at=int(time.time()) + 25 * 3600), "expires_at",
                         None),
    "unknown parameter": (session_params(amount=2500), "amount", "parameter_unknown"),
}  # fmt: skip


@pytest.mark.parametrize(("params", "param", "code"), CASES.values(), ids=CASES.keys())
def test_refused(sdk, params, param, code):
    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.checkout.sessions.create(params=params)

    assert caught.value.http_status == 400
    assert caught.value.param == param
    assert caught.value.code == code
    assert caught.value.user_message
    assert caught.value.error.type == "invalid_request_error"
    assert sdk.v1.checkout.sessions.list().data == []


ACCEPTED = {
    "the EUR minimum": {"line_items": line(unit_amount=50)},
    "the maximum": {"line_items": line(unit_amount=99_999_999)},
    "200-character reference": {"client_reference_id": "x" * 200},
    "50 metadata keys of 40 characters": {
        "metadata": {f"{i:02d}".ljust(40, "k"): "v" * 500 for i in range(50)}
    },
    "expiry after 30 minutes": {"expires_at": "IN_31_MINUTES"},
    "every Stripe locale the site uses": {"locale": "auto"},
    "card only in dollars": {"line_items": line(currency="usd"), "payment_method_types": ["card"]},
    "a customer e-mail": {"customer_email": "buur@example.nl"},
    "no cancel_url": {"cancel_url": None},
}


@pytest.mark.parametrize("overrides", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_accepted(sdk, overrides):
    if overrides.get("expires_at") == "IN_31_MINUTES":
        overrides = {"expires_at": int(time.time()) + 31 * 60}
    session = sdk.v1.checkout.sessions.create(params=session_params(**overrides))

    assert session.status == "open"
