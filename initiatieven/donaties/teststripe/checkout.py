"""The checks of `POST /v1/checkout/sessions`, with Stripe's messages, params and codes."""

from __future__ import annotations

import re
import time

from .params import (
    StripeError,
    as_choice,
    as_hash,
    as_integer,
    as_list,
    as_metadata,
    as_string,
    as_url,
    check_known,
    expand_list,
    missing,
    path,
    stripe_money,
)

MAXIMUM_AMOUNT = 99_999_999
MODES = ("payment", "setup", "subscription")
SUBMIT_TYPES = ("auto", "book", "donate", "pay", "subscribe")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# fmt: off
# Stripe's charge minimums in the smallest unit (docs: "Minimum and maximum charge
# amounts"); other currencies use 50.
MINIMUM_AMOUNTS = {"eur": 50, "usd": 50, "gbp": 30, "chf": 50, "dkk": 250, "nok": 300,
                   "sek": 300, "pln": 200, "czk": 1500, "huf": 17500, "ron": 200,
                   "bgn": 100, "jpy": 50, "cad": 50, "aud": 50, "nzd": 50}
CURRENCIES = frozenset((
    "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd", "bdt",
    "bgn", "bif", "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn", "bzd", "cad", "cdf", "chf",
    "clp", "cny", "cop", "crc", "cve", "czk", "djf", "dkk", "dop", "dzd", "egp", "etb", "eur",
    "fjd", "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq", "gyd", "hkd", "hnl", "htg", "huf",
    "idr", "ils", "inr", "isk", "jmd", "jpy", "kes", "kgs", "khr", "kmf", "krw", "kyd", "kzt",
    "lak", "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mga", "mkd", "mmk", "mnt", "mop", "mur",
    "mvr", "mwk", "mxn", "myr", "mzn", "nad", "ngn", "nio", "nok", "npr", "nzd", "pab", "pen",
    "pgk", "php", "pkr", "pln", "pyg", "qar", "ron", "rsd", "rub", "rwf", "sar", "sbd", "scr",
    "sek", "sgd", "shp", "sle", "sos", "srd", "std", "szl", "thb", "tjs", "top", "try", "ttd",
    "twd", "tzs", "uah", "ugx", "usd", "uyu", "uzs", "vnd", "vuv", "wst", "xaf", "xcd", "xof",
    "xpf", "yer", "zar", "zmw",
))
PAYMENT_METHOD_TYPES = frozenset((
    "acss_debit", "affirm", "afterpay_clearpay", "alipay", "alma", "amazon_pay",
    "au_becs_debit", "bacs_debit", "bancontact", "billie", "blik", "boleto", "card",
    "cashapp", "crypto", "customer_balance", "eps", "fpx", "giropay", "grabpay", "ideal",
    "kakao_pay", "klarna", "konbini", "kr_card", "link", "mobilepay", "multibanco",
    "naver_pay", "nz_bank_account", "oxxo", "p24", "pay_by_bank", "payco", "paynow", "paypal",
    "pix", "promptpay", "revolut_pay", "samsung_pay", "satispay", "sepa_debit", "sofort",
    "swish", "twint", "us_bank_account", "wechat_pay", "zip",
))
# Stripe refuses these with any currency but the euro.
EUR_ONLY_METHODS = frozenset(("ideal", "bancontact", "eps", "giropay", "sofort", "p24"))
LOCALES = (
    "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil",
    "fr", "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl",
    "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK",
    "zh-TW",
)
# fmt: on

SESSION_CREATE = {
    "mode",
    "success_url",
    "cancel_url",
    "line_items",
    "payment_method_types",
    "locale",
    "client_reference_id",
    "metadata",
    "customer_email",
    "expires_at",
    "expand",
    "submit_type",
    "currency",
    "payment_intent_data",
    "customer_creation",
    "billing_address_collection",
    "ui_mode",
}
LINE_ITEM = {"price_data", "quantity", "price"}
PRICE_DATA = {"currency", "unit_amount", "product_data", "product", "tax_behavior"}
PRODUCT_DATA = {"name", "description", "metadata", "images", "tax_code"}
PAYMENT_INTENT_DATA = {
    "description",
    "metadata",
    "receipt_email",
    "statement_descriptor",
    "statement_descriptor_suffix",
}


def checkout_session_create(params: dict, *, now: int | None = None) -> dict:
    """Check a Checkout Session create call; return the clean, typed values."""
    now = int(time.time()) if now is None else now
    check_known(params, SESSION_CREATE)
    if "mode" not in params:
        raise missing("mode")
    clean: dict = {"mode": as_choice(params["mode"], MODES, "mode")}
    if clean["mode"] != "payment":
        raise StripeError(
            f"This test server only supports mode=payment, not {clean['mode']}.", param="mode"
        )
    ui_mode = as_choice(
        params.get("ui_mode", "hosted"), ("hosted", "embedded", "custom"), "ui_mode"
    )
    if ui_mode != "hosted":
        raise StripeError("This test server only supports ui_mode=hosted.", param="ui_mode")
    if "success_url" not in params:
        raise missing("success_url")
    clean["success_url"] = as_url(params["success_url"], "success_url")
    clean["cancel_url"] = (
        as_url(params["cancel_url"], "cancel_url") if params.get("cancel_url") else None
    )
    clean["line_items"] = _line_items(params)
    currencies = {item["currency"] for item in clean["line_items"]}
    if len(currencies) > 1:
        raise StripeError("All line items must use the same currency.", param="line_items")
    currency = currencies.pop()
    if "currency" in params and as_string(params["currency"], "currency") != currency:
        raise StripeError("The currency must match the line items' currency.", param="currency")
    clean["currency"] = currency
    total = sum(item["unit_amount"] * item["quantity"] for item in clean["line_items"])
    minimum = MINIMUM_AMOUNTS.get(currency, 50)
    if total < minimum:
        raise StripeError(
            "The Checkout Session's total amount due must add up to at least "
            f"{stripe_money(minimum, currency)} {currency}",
            param="line_items",
            code="amount_too_small",
        )
    if total > MAXIMUM_AMOUNT:
        raise StripeError(
            "The Checkout Session's total amount due must be no more than "
            f"{stripe_money(MAXIMUM_AMOUNT, currency)} {currency}",
            param="line_items",
            code="amount_too_large",
        )
    clean["amount_total"] = total
    methods = []
    for i, value in enumerate(
        as_list(params.get("payment_method_types", ""), "payment_method_types")
    ):
        param = path("payment_method_types", i)
        method = as_string(value, param)
        if method not in PAYMENT_METHOD_TYPES:
            raise StripeError(
                f"Invalid payment_method_types[{i}]: must be one of "
                f"{', '.join(sorted(PAYMENT_METHOD_TYPES))}",
                param=param,
            )
        if method in EUR_ONLY_METHODS and currency != "eur":
            raise StripeError(
                f"The payment method `{method}` cannot be used with currency `{currency}`.",
                param="payment_method_types",
            )
        methods.append(method)
    clean["payment_method_types"] = methods or ["card"]
    clean["locale"] = as_choice(params["locale"], LOCALES, "locale") if "locale" in params else None
    clean["client_reference_id"] = (
        as_string(params["client_reference_id"], "client_reference_id", max_length=200) or None
        if "client_reference_id" in params
        else None
    )
    clean["metadata"] = as_metadata(params.get("metadata", ""))
    email = params.get("customer_email")
    if email is not None:
        email = as_string(email, "customer_email", max_length=800)
        if not _EMAIL.match(email):
            raise StripeError(
                f"Invalid email address: {email}", param="customer_email", code="email_invalid"
            )
    clean["customer_email"] = email or None
    clean["expires_at"] = now + 24 * 3600
    if "expires_at" in params:
        expires_at = as_integer(params["expires_at"], "expires_at")
        if expires_at < now + 30 * 60:
            raise StripeError(
                "The `expires_at` timestamp must be at least 30 minutes from "
                "Checkout Session creation.",
                param="expires_at",
            )
        if expires_at > now + 24 * 3600:
            raise StripeError(
                "The `expires_at` timestamp must be less than 24 hours from "
                "Checkout Session creation.",
                param="expires_at",
            )
        clean["expires_at"] = expires_at
    clean["submit_type"] = (
        as_choice(params["submit_type"], SUBMIT_TYPES, "submit_type")
        if "submit_type" in params
        else None
    )
    clean["customer_creation"] = (
        as_choice(params["customer_creation"], ("always", "if_required"), "customer_creation")
        if "customer_creation" in params
        else None
    )
    clean["billing_address_collection"] = (
        as_choice(
            params["billing_address_collection"], ("auto", "required"), "billing_address_collection"
        )
        if "billing_address_collection" in params
        else None
    )
    intent_data = as_hash(params.get("payment_intent_data", ""), "payment_intent_data")
    check_known(intent_data, PAYMENT_INTENT_DATA, ("payment_intent_data",))
    clean["payment_intent_data"] = {
        "description": as_string(
            intent_data.get("description", ""), "payment_intent_data[description]", max_length=1000
        )
        or None,
        "metadata": as_metadata(intent_data.get("metadata", ""), "payment_intent_data[metadata]"),
        "receipt_email": intent_data.get("receipt_email") or None,
        "statement_descriptor": intent_data.get("statement_descriptor") or None,
        "statement_descriptor_suffix": intent_data.get("statement_descriptor_suffix") or None,
    }
    clean["expand"] = expand_list(params)
    return clean


def _line_items(params: dict) -> list[dict]:
    if "line_items" not in params:
        raise StripeError(
            "`line_items` is required in `payment` mode.",
            param="line_items",
            code="parameter_missing",
        )
    raw_items = as_list(params["line_items"], "line_items")
    if not raw_items:
        raise StripeError(
            "`line_items` is required in `payment` mode.",
            param="line_items",
            code="parameter_missing",
        )
    items = []
    for i, raw in enumerate(raw_items):
        raw = as_hash(raw, path("line_items", i))
        check_known(raw, LINE_ITEM, ("line_items", i))
        if "price" in raw:
            raise StripeError(
                f"No such price: '{raw['price']}'",
                param=path("line_items", i, "price"),
                code="resource_missing",
            )
        if "price_data" not in raw:
            raise missing(path("line_items", i, "price_data"))
        if "quantity" not in raw:
            raise missing(path("line_items", i, "quantity"))
        quantity = as_integer(
            raw["quantity"], path("line_items", i, "quantity"), minimum=1, maximum=999_999
        )
        price = as_hash(raw["price_data"], path("line_items", i, "price_data"))
        prefix = ("line_items", i, "price_data")
        check_known(price, PRICE_DATA, prefix)
        if "currency" not in price:
            raise missing(path(*prefix, "currency"))
        currency = as_string(price["currency"], path(*prefix, "currency"))
        if currency not in CURRENCIES:
            raise StripeError(
                f"Invalid currency: {currency}. Stripe currently supports these currencies: "
                f"{', '.join(sorted(CURRENCIES))}",
                param=path(*prefix, "currency"),
            )
        if "unit_amount" not in price:
            raise missing(path(*prefix, "unit_amount"))
        amount = as_integer(price["unit_amount"], path(*prefix, "unit_amount"), minimum=0)
        if amount > MAXIMUM_AMOUNT:
            raise StripeError(
                f"This value must be less than or equal to {MAXIMUM_AMOUNT} (it currently is "
                f"'{amount}').",
                param=path(*prefix, "unit_amount"),
                code="amount_too_large",
            )
        if "product" in price:
            raise StripeError(
                f"No such product: '{price['product']}'",
                param=path(*prefix, "product"),
                code="resource_missing",
            )
        if "product_data" not in price:
            raise missing(path(*prefix, "product_data"))
        product = as_hash(price["product_data"], path(*prefix, "product_data"))
        check_known(product, PRODUCT_DATA, (*prefix, "product_data"))
        if not product.get("name"):
            raise missing(path(*prefix, "product_data", "name"))
        items.append(
            {
                "currency": currency,
                "unit_amount": amount,
                "quantity": quantity,
                "name": as_string(product["name"], path(*prefix, "product_data", "name")),
                "description": product.get("description") or None,
                "metadata": as_metadata(
                    product.get("metadata", ""), path(*prefix, "product_data", "metadata")
                ),
            }
        )
    return items
