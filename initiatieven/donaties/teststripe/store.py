"""The server's memory: sessions, payments, refunds and events, and the moves between them.

Every method takes the one lock, so HTTP threads, the hosted page, timers and test
controls see a consistent state. Methods return deep copies: callers never hold a
reference into the store.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable

from . import lists, objects
from .params import (
    REFUND_REASONS,
    StripeError,
    as_choice,
    as_integer,
    as_metadata,
    as_string,
    check_known,
    expand_list,
    stripe_money,
)

CUSTOMER_NAME = "Jenny Rosen"
CUSTOMER_EMAIL = "jenny.rosen@example.com"
REFUND_PARAMS = {
    "payment_intent",
    "charge",
    "amount",
    "reason",
    "metadata",
    "expand",
    "instructions_email",
}
NAMES = {
    "cs_": "checkout.session",
    "pi_": "payment_intent",
    "ch_": "charge",
    "re_": "refund",
    "txn": "balance_transaction",
    "evt": "event",
}


def no_such(
    object_id: str, *, param: str, status: int = 404, kind: str | None = None
) -> StripeError:
    name = kind or NAMES.get(object_id[:3], "object")
    return StripeError(
        f"No such {name}: '{object_id}'", param=param, code="resource_missing", status=status
    )


class Store:
    def __init__(self, *, emit: Callable[[dict], None] = lambda event: None):
        self.lock = threading.RLock()
        self.emit_to = emit
        self.clock_offset = 0
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.sessions: dict[str, dict] = {}
            self.session_extra: dict[str, dict] = {}
            self.objects: dict[str, dict] = {}
            self.events: list[dict] = []
            self.clock_offset = 0

    def now(self) -> int:
        return int(time.time()) + self.clock_offset

    # Reads ---------------------------------------------------------------------------

    def get(self, object_id: str, *, kind: str | None = None, param: str = "id", expand=()) -> dict:
        with self.lock:
            found = self.sessions.get(object_id) or self.objects.get(object_id)
            if found is None or (kind and found["object"] != kind):
                raise no_such(object_id, param=param, kind=kind)
            return self.expand(copy.deepcopy(found), expand)

    def expand(self, obj: dict, paths) -> dict:
        for dotted in paths:
            self._expand_one(obj, dotted.split("."), dotted)
        return obj

    def _expand_one(self, obj: dict, parts: list[str], dotted: str) -> None:
        head, rest = parts[0], parts[1:]
        if obj.get("object") == "list" and head == "data" and rest:
            for item in obj["data"]:
                self._expand_one(item, rest, dotted)
            return
        if head not in obj:
            raise StripeError(f"This property cannot be expanded ({dotted}).", param="expand")
        value = obj[head]
        if isinstance(value, str) and value in self.objects:
            value = obj[head] = copy.deepcopy(self.objects[value])
        if rest and isinstance(value, dict):
            self._expand_one(value, rest, dotted)

    def session_list(self, params: dict) -> dict:
        with self.lock:
            result = lists.session_page(list(self.sessions.values()), params)
            return self.expand(copy.deepcopy(result), expand_list(params))

    # Checkout Sessions ---------------------------------------------------------------

    def session_create(self, clean: dict, *, url_for: Callable[[str], str]) -> dict:
        with self.lock:
            session_id = objects.new_id("cs_test_a1", 56)
            session = objects.checkout_session(
                session_id=session_id, clean=clean, created=self.now(), url=url_for(session_id)
            )
            self.sessions[session_id] = session
            self.session_extra[session_id] = {
                "line_items": clean["line_items"],
                "intent_data": clean["payment_intent_data"],
            }
            return self.expand(copy.deepcopy(session), clean["expand"])

    def line_items(self, session_id: str) -> list[dict]:
        with self.lock:
            if session_id not in self.sessions:
                raise no_such(session_id, param="session")
            return copy.deepcopy(self.session_extra[session_id]["line_items"])

    def session_expire(self, session_id: str, *, request=None) -> dict:
        with self.lock:
            session = self._open_session(session_id, action="expired")
            previous = {"status": "open", "url": session["url"]}
            session.update(status="expired", url=None)
            self.emit("checkout.session.expired", session, previous, request)
            return copy.deepcopy(session)

    def expire_due(self) -> list[str]:
        """Expire open sessions whose `expires_at` has passed, as Stripe does."""
        with self.lock:
            due = [
                s["id"]
                for s in self.sessions.values()
                if s["status"] == "open" and s["expires_at"] <= self.now()
            ]
            for session_id in due:
                self.session_expire(session_id)
            return due

    def _open_session(self, session_id: str, *, action: str) -> dict:
        session = self.sessions.get(session_id)
        if session is None:
            raise no_such(session_id, param="session")
        if session["status"] != "open":
            raise StripeError(
                f'Only Checkout Sessions with a status in ["open"] can be {action}. This '
                f"session has status `{session['status']}`.",
                code="checkout_session_not_open",
            )
        return session

    def session_pay(self, session_id: str, *, method: str = "ideal") -> dict:
        """The customer pays at once (iDEAL, card): complete and paid."""
        with self.lock:
            session, intent, charge = self._complete(session_id, method)
            self._succeed(session, intent, charge)
            self.emit("checkout.session.completed", session)
            return copy.deepcopy(session)

    def session_pay_async(self, session_id: str, *, method: str = "ideal") -> dict:
        """The customer finished, the bank confirms later: complete but unpaid."""
        with self.lock:
            session, _intent, _charge = self._complete(session_id, method)
            self.emit("checkout.session.completed", session)
            return copy.deepcopy(session)

    def session_settle(self, session_id: str, *, succeeded: bool) -> dict:
        """The delayed payment of a completed, unpaid session succeeds or fails."""
        with self.lock:
            session = self.sessions.get(session_id)
            if session is None:
                raise no_such(session_id, param="session")
            intent = self.objects.get(session["payment_intent"] or "")
            if intent is None or intent["status"] != "processing":
                raise StripeError(
                    f"Checkout Session {session_id} has no payment waiting for the bank.",
                    code="payment_intent_unexpected_state",
                )
            charge = self.objects[intent["latest_charge"]]
            if succeeded:
                self._succeed(session, intent, charge)
                self.emit(
                    "checkout.session.async_payment_succeeded",
                    session,
                    {"payment_status": "unpaid"},
                )
            else:
                charge.update(
                    status="failed",
                    failure_code="payment_method_provider_decline",
                    failure_message="The bank declined the payment.",
                    outcome=objects.outcome(paid=False),
                )
                intent.update(
                    status="requires_payment_method",
                    last_payment_error={
                        "type": "card_error"
                        if charge["payment_method_details"]["type"] == "card"
                        else "invalid_request_error",
                        "code": "payment_method_provider_decline",
                        "message": "The bank declined the payment.",
                        "charge": charge["id"],
                    },
                )
                self.emit("checkout.session.async_payment_failed", session)
            return copy.deepcopy(session)

    def _complete(self, session_id: str, method: str) -> tuple[dict, dict, dict]:
        session = self._open_session(session_id, action="paid")
        if method not in ("ideal", "card"):
            raise StripeError(f"Pay with ideal or card, not {method}.", param="method")
        now = self.now()
        extra = self.session_extra[session_id]
        email = session["customer_email"] or CUSTOMER_EMAIL
        intent = objects.payment_intent(
            session=session, intent_data=extra["intent_data"], method=method, created=now
        )
        charge = objects.charge(
            intent=intent, method=method, name=CUSTOMER_NAME, email=email, created=now
        )
        intent["latest_charge"] = charge["id"]
        self.objects[intent["id"]] = intent
        self.objects[charge["id"]] = charge
        session.update(
            status="complete",
            url=None,
            payment_intent=intent["id"],
            customer_details=objects.customer_details(email, CUSTOMER_NAME),
        )
        return session, intent, charge

    def _succeed(self, session: dict, intent: dict, charge: dict) -> None:
        method = charge["payment_method_details"]["type"]
        txn = objects.balance_transaction(
            source=charge,
            amount=charge["amount"],
            created=self.now(),
            kind="charge",
            fee=objects.fee_for(charge["amount"], method),
        )
        self.objects[txn["id"]] = txn
        charge.update(
            status="succeeded",
            paid=True,
            captured=True,
            amount_captured=charge["amount"],
            balance_transaction=txn["id"],
            outcome=objects.outcome(paid=True),
            receipt_url=f"https://pay.stripe.com/receipts/payment/{charge['id']}",
        )
        intent.update(status="succeeded", amount_received=intent["amount"])
        session["payment_status"] = "paid"

    # Refunds -------------------------------------------------------------------------

    def refund_create(self, params: dict, *, request=None) -> dict:
        check_known(params, REFUND_PARAMS)
        with self.lock:
            charge = self._refundable_charge(params)
            remaining = charge["amount"] - charge["amount_refunded"]
            if remaining <= 0:
                raise StripeError(
                    f"Charge {charge['id']} has already been refunded.",
                    code="charge_already_refunded",
                )
            amount = remaining
            if "amount" in params:
                amount = as_integer(params["amount"], "amount", minimum=1)
                if amount > remaining:
                    raise StripeError(
                        f"Refund amount ({stripe_money(amount, charge['currency'])}) is greater than "
                        f"unrefunded amount on charge ({stripe_money(remaining, charge['currency'])})",
                        param="amount",
                        code="amount_too_large",
                    )
            reason = (
                as_choice(params["reason"], REFUND_REASONS, "reason")
                if params.get("reason")
                else None
            )
            refund = objects.refund(
                charge=charge,
                amount=amount,
                reason=reason,
                metadata=as_metadata(params.get("metadata", "")),
                created=self.now(),
            )
            txn = objects.balance_transaction(
                source=refund, amount=-amount, fee=0, created=self.now(), kind="refund"
            )
            refund["balance_transaction"] = txn["id"]
            self.objects[txn["id"]] = txn
            self.objects[refund["id"]] = refund
            previous = {
                "amount_refunded": charge["amount_refunded"],
                "refunded": charge["refunded"],
            }
            charge["amount_refunded"] += amount
            charge["refunded"] = charge["amount_refunded"] == charge["amount"]
            charge["refunds"]["data"].insert(0, copy.deepcopy(refund))
            self.emit("charge.refunded", charge, previous, request)
            return self.expand(copy.deepcopy(refund), expand_list(params))

    def _refundable_charge(self, params: dict) -> dict:
        if "charge" in params:
            charge_id = as_string(params["charge"], "charge")
            charge = self.objects.get(charge_id)
            if charge is None or charge.get("object") != "charge":
                raise no_such(charge_id, param="charge", status=400)
        elif "payment_intent" in params:
            intent_id = as_string(params["payment_intent"], "payment_intent")
            intent = self.objects.get(intent_id)
            if intent is None or intent.get("object") != "payment_intent":
                raise no_such(intent_id, param="payment_intent", status=400)
            charge = self.objects.get(intent["latest_charge"] or "")
            if intent["status"] != "succeeded" or charge is None:
                raise StripeError(
                    f"This PaymentIntent ({intent_id}) does not have a successful charge to "
                    "refund.",
                    param="payment_intent",
                    code="charge_not_refundable",
                )
        else:
            raise StripeError(
                "One of the following params should be provided for this "
                "request: payment_intent or charge.",
                code="parameter_missing",
            )
        if charge["status"] != "succeeded":
            raise StripeError(
                f"Charge {charge['id']} has not succeeded and cannot be refunded.",
                param="charge",
                code="charge_not_refundable",
            )
        return charge

    # Events --------------------------------------------------------------------------

    def emit(self, kind: str, obj: dict, previous: dict | None = None, request=None) -> dict:
        request_id, idempotency_key = request or (None, None)
        event = objects.event(
            kind=kind,
            obj=copy.deepcopy(obj),
            created=self.now(),
            previous=previous,
            request_id=request_id,
            idempotency_key=idempotency_key,
        )
        self.objects[event["id"]] = event
        self.events.append(event)
        self.emit_to(copy.deepcopy(event))
        return event

    def event_list(self, params: dict) -> dict:
        with self.lock:
            return copy.deepcopy(lists.event_page(self.events, params))
