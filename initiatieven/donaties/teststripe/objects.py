"""Builders of API objects shaped like Stripe's own (API version ``API_VERSION``).

The fields follow Stripe's published examples (stripe/openapi ``fixtures3.json``) with
real values where the test server knows them; what it does not model stays null, as in
an account without those features.
"""

from __future__ import annotations

import secrets
import string

API_VERSION = "2026-10-28.endive"
_ALPHABET = string.ascii_letters + string.digits

# Plausible Stripe fees for the Netherlands, in cents: iDEAL a fixed 29 cents, cards
# 1.5% + 29 cents (rounded half up). `fee_for` is what the balance transaction reports.
IDEAL_FEE = 29
CARD_FEE_FIXED = 29
CARD_FEE_PERCENT = 1.5


def fee_for(amount: int, method: str) -> int:
    """The Stripe fee in cents this server charges for a payment of `amount` cents."""
    if method == "ideal":
        return IDEAL_FEE
    return CARD_FEE_FIXED + (amount * 15 + 500) // 1000


def new_id(prefix: str, length: int = 24) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


def address() -> dict:
    keys = ("city", "country", "line1", "line2", "postal_code", "state")
    return dict.fromkeys(keys)


def checkout_session(*, session_id: str, clean: dict, created: int, url: str) -> dict:
    amount = clean["amount_total"]
    return {
        "id": session_id,
        "object": "checkout.session",
        "adaptive_pricing": {"enabled": False},
        "after_expiration": None,
        "allow_promotion_codes": None,
        "amount_subtotal": amount,
        "amount_total": amount,
        "automatic_tax": {"enabled": False, "liability": None, "provider": None, "status": None},
        "billing_address_collection": clean["billing_address_collection"],
        "cancel_url": clean["cancel_url"],
        "client_reference_id": clean["client_reference_id"],
        "client_secret": None,
        "collected_information": None,
        "consent": None,
        "consent_collection": None,
        "created": created,
        "currency": clean["currency"],
        "currency_conversion": None,
        "custom_fields": [],
        "custom_text": {
            "after_submit": None,
            "shipping_address": None,
            "submit": None,
            "terms_of_service_acceptance": None,
        },
        "customer": None,
        "customer_account": None,
        "customer_creation": clean["customer_creation"] or "if_required",
        "customer_details": None,
        "customer_email": clean["customer_email"],
        "discounts": [],
        "expires_at": clean["expires_at"],
        "integration_identifier": None,
        "invoice": None,
        "invoice_creation": {
            "enabled": False,
            "invoice_data": {
                "account_tax_ids": None,
                "custom_fields": None,
                "description": None,
                "footer": None,
                "issuer": None,
                "metadata": {},
                "rendering_options": None,
            },
        },
        "livemode": False,
        "locale": clean["locale"],
        "metadata": dict(clean["metadata"]),
        "mode": clean["mode"],
        "origin_context": None,
        "payment_intent": None,
        "payment_link": None,
        "payment_method_collection": "if_required",
        "payment_method_configuration_details": None,
        "payment_method_options": {},
        "payment_method_types": list(clean["payment_method_types"]),
        "payment_status": "unpaid",
        "permissions": None,
        "phone_number_collection": {"enabled": False},
        "recovered_from": None,
        "saved_payment_method_options": None,
        "setup_intent": None,
        "shipping_address_collection": None,
        "shipping_cost": None,
        "shipping_options": [],
        "status": "open",
        "submit_type": clean["submit_type"],
        "subscription": None,
        "success_url": clean["success_url"],
        "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
        "ui_mode": "hosted",
        "url": url,
        "wallet_options": None,
    }


def customer_details(email: str | None, name: str) -> dict:
    return {
        "address": address() | {"country": "NL"},
        "business_name": None,
        "email": email,
        "individual_name": None,
        "name": name,
        "phone": None,
        "tax_exempt": "none",
        "tax_ids": [],
    }


def payment_intent(*, session: dict, intent_data: dict, method: str, created: int) -> dict:
    intent_id = new_id("pi_3")
    return {
        "id": intent_id,
        "object": "payment_intent",
        "amount": session["amount_total"],
        "amount_capturable": 0,
        "amount_details": {"tip": {}},
        "amount_received": 0,
        "application": None,
        "application_fee_amount": None,
        "automatic_payment_methods": None,
        "canceled_at": None,
        "cancellation_reason": None,
        "capture_method": "automatic",
        "client_secret": f"{intent_id}_secret_{new_id('', 25)}",
        "confirmation_method": "automatic",
        "created": created,
        "currency": session["currency"],
        "customer": None,
        "customer_account": None,
        "description": intent_data.get("description"),
        "excluded_payment_method_types": None,
        "last_payment_error": None,
        "latest_charge": None,
        "livemode": False,
        "metadata": dict(intent_data.get("metadata") or {}),
        "next_action": None,
        "on_behalf_of": None,
        "payment_method": new_id("pm_1"),
        "payment_method_configuration_details": None,
        "payment_method_options": {},
        "payment_method_types": [method],
        "processing": None,
        "receipt_email": intent_data.get("receipt_email"),
        "review": None,
        "setup_future_usage": None,
        "shipping": None,
        "source": None,
        "statement_descriptor": intent_data.get("statement_descriptor"),
        "statement_descriptor_suffix": intent_data.get("statement_descriptor_suffix"),
        "status": "processing",
        "transfer_data": None,
        "transfer_group": None,
    }


def payment_method_details(method: str, name: str) -> dict:
    if method == "ideal":
        return {
            "type": "ideal",
            "ideal": {
                "bank": "ing",
                "bic": "INGBNL2A",
                "generated_sepa_debit": None,
                "generated_sepa_debit_mandate": None,
                "iban_last4": "5264",
                "transaction_id": new_id("", 10),
                "verified_name": name,
            },
        }
    return {
        "type": "card",
        "card": {
            "amount_authorized": None,
            "brand": "visa",
            "checks": {
                "address_line1_check": None,
                "address_postal_code_check": None,
                "cvc_check": "pass",
            },
            "country": "NL",
            "exp_month": 12,
            "exp_year": 2034,
            "fingerprint": new_id("", 16),
            "funding": "credit",
            "last4": "4242",
            "mandate": None,
            "network": "visa",
            "three_d_secure": None,
            "wallet": None,
        },
    }


def charge(*, intent: dict, method: str, name: str, email: str | None, created: int) -> dict:
    charge_id = new_id("ch_3")
    return {
        "id": charge_id,
        "object": "charge",
        "amount": intent["amount"],
        "amount_captured": 0,
        "amount_refunded": 0,
        "application": None,
        "application_fee": None,
        "application_fee_amount": None,
        "balance_transaction": None,
        "billing_details": {
            "address": address(),
            "email": email,
            "name": name,
            "phone": None,
            "tax_id": None,
        },
        "calculated_statement_descriptor": "BUURTKRACHT",
        "captured": False,
        "created": created,
        "currency": intent["currency"],
        "customer": None,
        "description": intent["description"],
        "disputed": False,
        "failure_balance_transaction": None,
        "failure_code": None,
        "failure_message": None,
        "fraud_details": {},
        "livemode": False,
        "metadata": dict(intent["metadata"]),
        "on_behalf_of": None,
        "outcome": None,
        "paid": False,
        "payment_intent": intent["id"],
        "payment_method": intent["payment_method"],
        "payment_method_details": payment_method_details(method, name),
        "receipt_email": email,
        "receipt_number": None,
        "receipt_url": None,
        "refunded": False,
        "refunds": {
            "object": "list",
            "data": [],
            "has_more": False,
            "url": f"/v1/charges/{charge_id}/refunds",
        },
        "review": None,
        "shipping": None,
        "source": None,
        "source_transfer": None,
        "statement_descriptor": None,
        "statement_descriptor_suffix": None,
        "status": "pending",
        "transfer_data": None,
        "transfer_group": None,
    }


def outcome(*, paid: bool) -> dict:
    return {
        "advice_code": None,
        "network_advice_code": None,
        "network_decline_code": None,
        "network_status": "approved_by_network" if paid else "declined_by_network",
        "reason": None,
        "risk_level": "normal",
        "seller_message": "Payment complete." if paid else "The bank did not confirm.",
        "type": "authorized" if paid else "issuer_declined",
    }


def balance_transaction(*, source: dict, amount: int, fee: int, created: int, kind: str) -> dict:
    fee_details = []
    if fee:
        fee_details.append(
            {
                "amount": fee,
                "application": None,
                "currency": source["currency"],
                "description": "Stripe processing fees",
                "type": "stripe_fee",
            }
        )
    return {
        "id": new_id("txn_3"),
        "object": "balance_transaction",
        "amount": amount,
        "available_on": created + 2 * 24 * 3600,
        "balance_type": "payments",
        "created": created,
        "currency": source["currency"],
        "description": source.get("description"),
        "exchange_rate": None,
        "fee": fee,
        "fee_details": fee_details,
        "net": amount - fee,
        "reporting_category": kind,
        "source": source["id"],
        "status": "pending",
        "type": kind,
    }


def refund(*, charge: dict, amount: int, reason: str | None, metadata: dict, created: int) -> dict:
    method = charge["payment_method_details"]["type"]
    return {
        "id": new_id("re_3"),
        "object": "refund",
        "amount": amount,
        "balance_transaction": None,
        "charge": charge["id"],
        "created": created,
        "currency": charge["currency"],
        "customer": None,
        "customer_account": None,
        "destination_details": {"type": method, method: {}},
        "metadata": metadata,
        "payment_intent": charge["payment_intent"],
        "payment_method": charge["payment_method"],
        "reason": reason,
        "receipt_number": None,
        "source_transfer_reversal": None,
        "status": "succeeded",
        "transfer_reversal": None,
    }


def event(
    *,
    kind: str,
    obj: dict,
    created: int,
    previous: dict | None = None,
    request_id: str | None = None,
    idempotency_key: str | None = None,
) -> dict:
    data: dict = {"object": obj}
    if previous:
        data["previous_attributes"] = previous
    return {
        "id": new_id("evt_1"),
        "object": "event",
        "api_version": API_VERSION,
        "created": created,
        "data": data,
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": request_id, "idempotency_key": idempotency_key},
        "type": kind,
    }


def page(data: list, *, has_more: bool, url: str) -> dict:
    return {"object": "list", "data": data, "has_more": has_more, "url": url}


def line_item(item: dict, n: int) -> dict:
    amount = item["unit_amount"] * item["quantity"]
    return {
        "id": f"li_{n}",
        "object": "item",
        "amount_discount": 0,
        "amount_subtotal": amount,
        "amount_tax": 0,
        "amount_total": amount,
        "currency": item["currency"],
        "description": item["name"],
        "quantity": item["quantity"],
        "price": {
            "object": "price",
            "currency": item["currency"],
            "type": "one_time",
            "unit_amount": item["unit_amount"],
            "metadata": {},
        },
    }
