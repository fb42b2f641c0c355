"""Stripe's form encoding, its error answer and the checks every call uses.

Stripe reads `application/x-www-form-urlencoded` bodies and query strings with nested
keys: ``line_items[0][price_data][currency]=eur``, ``expand[]=payment_intent``. The
decoder builds nested dicts (lists stay dicts with "0", "1" keys until a check asks for a
list), and the `as_*` checks answer with Stripe's error messages, params and codes.
"""

from __future__ import annotations

import re
import urllib.parse

REFUND_REASONS = ("duplicate", "fraudulent", "requested_by_customer")
SESSION_STATUSES = ("open", "complete", "expired")

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")
_INTEGER = re.compile(r"^-?\d+$")


class StripeError(Exception):
    """An error answer in Stripe's shape: ``{"error": {type, message, param, code}}``."""

    def __init__(self, message, *, param=None, code=None, status=400, type="invalid_request_error"):
        super().__init__(message)
        self.message, self.param, self.code = message, param, code
        self.status, self.type = status, type

    def body(self) -> dict:
        error = {"type": self.type, "message": self.message}
        if self.param:
            error["param"] = self.param
        if self.code:
            error["code"] = self.code
            error["doc_url"] = f"https://stripe.com/docs/error-codes/{self.code.replace('_', '-')}"
        return {"error": error}


def missing(param: str) -> StripeError:
    return StripeError(f"Missing required param: {param}.", param=param, code="parameter_missing")


def unknown(param: str) -> StripeError:
    return StripeError(
        f"Received unknown parameter: {param}", param=param, code="parameter_unknown"
    )


def decode(text: str) -> dict:
    """Decode a Stripe form body or query string into nested dicts of strings."""
    root: dict = {}
    for key, value in urllib.parse.parse_qsl(text, keep_blank_values=True):
        match = _KEY.match(key)
        if not match:
            raise StripeError(f"Invalid parameter name: {key}", param=key)
        parts = [match.group(1)] + re.findall(r"\[([^\[\]]*)\]", match.group(2))
        node = root
        for depth, part in enumerate(parts):
            if part == "":  # `a[]` appends
                part = str(len(node))
            if depth == len(parts) - 1:
                if isinstance(node.get(part), dict):
                    raise StripeError(f"Invalid hash: {key}", param=key)
                node[part] = value
            else:
                child = node.setdefault(part, {})
                if not isinstance(child, dict):
                    raise StripeError(f"Invalid hash: {key}", param=key)
                node = child
    return root


def path(*parts) -> str:
    """``path("line_items", 0, "quantity")`` -> ``line_items[0][quantity]``."""
    head, *rest = parts
    return str(head) + "".join(f"[{p}]" for p in rest)


def as_list(value, param: str) -> list:
    if value == "":
        return []
    if isinstance(value, str):
        return [value]  # Stripe takes a lone value for a one-item array
    if not all(k.isdigit() for k in value):
        raise StripeError(f"Invalid array: {param}", param=param)
    return [value[k] for k in sorted(value, key=int)]


def as_hash(value, param: str) -> dict:
    if value == "":
        return {}
    if not isinstance(value, dict):
        raise StripeError(f"Invalid hash: {param}", param=param)
    return value


def as_string(value, param: str, *, max_length: int = 5000) -> str:
    if not isinstance(value, str):
        raise StripeError(f"Invalid string: {param} must be a string", param=param)
    if len(value) > max_length:
        raise StripeError(
            f"Invalid string: {value[:20]}...; must be at most {max_length} characters",
            param=param,
        )
    return value


def as_integer(value, param: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    if not isinstance(value, str) or not _INTEGER.match(value):
        raise StripeError(
            f"Invalid integer: {value}", param=param, code="parameter_invalid_integer"
        )
    number = int(value)
    if minimum is not None and number < minimum:
        raise StripeError(
            f"This value must be greater than or equal to {minimum}.",
            param=param,
            code="parameter_invalid_integer",
        )
    if maximum is not None and number > maximum:
        raise StripeError(
            f"This value must be less than or equal to {maximum} (it currently is '{number}').",
            param=param,
            code="parameter_invalid_integer",
        )
    return number


def as_boolean(value, param: str) -> bool:
    if value not in ("true", "false"):
        raise StripeError(f"Invalid boolean: {value}", param=param)
    return value == "true"


def as_choice(value, choices, param: str) -> str:
    value = as_string(value, param)
    if value not in choices:
        listed = ", ".join(choices[:-1]) + f", or {choices[-1]}"
        raise StripeError(f"Invalid {param}: must be one of {listed}", param=param)
    return value


def as_url(value, param: str) -> str:
    value = as_string(value, param)
    parsed = urllib.parse.urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise StripeError("Not a valid URL", param=param, code="url_invalid")
    return value


def as_metadata(value, param: str = "metadata") -> dict:
    metadata = as_hash(value, param)
    if len(metadata) > 50:
        raise StripeError(
            f"You can specify up to 50 keys, but you passed in {len(metadata)}.", param=param
        )
    for key, item in metadata.items():
        if len(key) > 40:
            raise StripeError(
                "Metadata keys can have up to 40 characters, but you passed in a key that "
                f"is {len(key)} characters. Invalid key: {key}",
                param=path(param, key),
            )
        if not isinstance(item, str):
            raise StripeError(f"Invalid string: {path(param, key)}", param=path(param, key))
        if len(item) > 500:
            raise StripeError(
                "Metadata values can have up to 500 characters, but you passed in a value "
                f"that is {len(item)} characters.",
                param=path(param, key),
            )
    return {k: v for k, v in metadata.items() if v != ""}


def check_known(params: dict, known, prefix: tuple = ()) -> None:
    for key in params:
        if key not in known:
            raise unknown(path(*prefix, key) if prefix else key)


def expand_list(params: dict) -> list[str]:
    return [as_string(v, "expand") for v in as_list(params.get("expand", ""), "expand")]


def stripe_money(amount: int, currency: str) -> str:
    """An amount in the minor unit as Stripe writes it in its (English) errors: €1,000.00."""
    symbol = {"eur": "€", "usd": "$", "gbp": "£"}.get(currency, currency.upper() + " ")
    whole, cents = divmod(amount, 100)
    return f"{symbol}{whole:,}.{cents:02d}"
