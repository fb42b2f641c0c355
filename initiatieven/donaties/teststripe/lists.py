"""Stripe's list calls: filters, newest first, cursor pages (`starting_after`, `has_more`)."""

from __future__ import annotations

from . import objects
from .params import (
    SESSION_STATUSES,
    StripeError,
    as_choice,
    as_integer,
    as_list,
    as_string,
    check_known,
)

LIMIT_MAX = 100
SESSION_FILTERS = {"limit", "starting_after", "ending_before", "created", "status",
                   "payment_intent", "expand", "customer_details"}  # fmt: skip
EVENT_FILTERS = {"limit", "starting_after", "ending_before", "type", "types", "created",
                 "expand"}  # fmt: skip


def session_page(sessions: list[dict], params: dict) -> dict:
    """One page of Checkout Sessions (oldest first in `sessions`) as `GET /v1/...` answers."""
    check_known(params, SESSION_FILTERS)
    found = filter_created(list(reversed(sessions)), params.get("created"))
    if "status" in params:
        status = as_choice(params["status"], SESSION_STATUSES, "status")
        found = [s for s in found if s["status"] == status]
    if "payment_intent" in params:
        intent = as_string(params["payment_intent"], "payment_intent")
        found = [s for s in found if s["payment_intent"] == intent]
    email = (params.get("customer_details") or {}).get("email")
    if email:
        found = [s for s in found if (s["customer_details"] or {}).get("email") == email]
    known = {s["id"] for s in sessions}
    return page(found, params, known=known, url="/v1/checkout/sessions")


def event_page(events: list[dict], params: dict) -> dict:
    check_known(params, EVENT_FILTERS)
    found = filter_created(list(reversed(events)), params.get("created"))
    types = as_list(params.get("types", ""), "types")
    if "type" in params:
        types.append(params["type"])
    if types:
        found = [e for e in found if e["type"] in types]
    return page(found, params, known={e["id"] for e in events}, url="/v1/events")


def page(found: list[dict], params: dict, *, known: set[str], url: str) -> dict:
    limit = as_integer(params.get("limit", "10"), "limit", minimum=1, maximum=LIMIT_MAX)
    for cursor_param in ("starting_after", "ending_before"):
        if cursor_param not in params:
            continue
        cursor = as_string(params[cursor_param], cursor_param)
        if cursor not in known:
            raise StripeError(f"No such object: '{cursor}'", param=cursor_param,
                              code="resource_missing")  # fmt: skip
        ids = [item["id"] for item in found]
        at = ids.index(cursor) if cursor in ids else len(ids)
        if cursor_param == "starting_after":
            found = found[at + 1 :]
        else:
            found = found[:at]
            has_more = len(found) > limit
            return objects.page(found[-limit:], has_more=has_more, url=url)
    return objects.page(found[:limit], has_more=len(found) > limit, url=url)


def filter_created(found: list[dict], created) -> list[dict]:
    if created is None:
        return found
    if isinstance(created, str):
        moment = as_integer(created, "created")
        return [item for item in found if item["created"] == moment]
    check_known(created, {"gt", "gte", "lt", "lte"}, ("created",))
    tests = {"gt": int.__gt__, "gte": int.__ge__, "lt": int.__lt__, "lte": int.__le__}
    for op, raw in created.items():
        moment = as_integer(raw, f"created[{op}]")
        found = [item for item in found if tests[op](item["created"], moment)]
    return found
