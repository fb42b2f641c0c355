"""Ask Stripe about donations the webhook did not settle, so a lost webhook loses nothing."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.utils import timezone

from initiatieven.donaties import queries, settlement, stripe_gateway

logger = logging.getLogger(__name__)

UNSENT_AFTER = timedelta(hours=24)


def donations_reconcile(*, older_than: timedelta = timedelta(hours=1)) -> dict:
    """Every donation open for ``older_than``: retrieve its session, settle it as the
    webhook would (``settlement.session_settle``). Then store Stripe fees still unknown.

    Returns counts: checked, settled (no longer open), failed (Stripe unreachable), fees.
    """
    counts = {"checked": 0, "settled": 0, "failed": 0, "fees": 0}
    try:
        gateway = stripe_gateway.StripeGateway()
    except stripe_gateway.NotConfigured:
        return counts
    for donatie in queries.open_for_reconcile(older_than=older_than).iterator():
        counts["checked"] += 1
        if not donatie.stripe_session_id:
            # Stripe never gave a session (the request failed): it cannot be paid.
            if donatie.created_at <= timezone.now() - UNSENT_AFTER:
                settlement.donatie_expire_unsent(donatie=donatie)
                counts["settled"] += 1
            continue
        try:
            session = gateway.checkout_retrieve(donatie.stripe_session_id)
        except stripe_gateway.GatewayError:
            counts["failed"] += 1
            continue
        settled = settlement.donatie_reconcile(donatie=donatie, session=session)
        if settled is not None and settled.status != settled.Status.OPEN:
            counts["settled"] += 1
    for donatie in queries.fees_unknown():
        fee = gateway.fee_retrieve(donatie.stripe_payment_intent)
        if fee is not None:
            settlement.donatie_fee_store(donatie=donatie, fee_cents=fee)
            counts["fees"] += 1
    logger.info("Donations reconciled: %s", counts)
    return counts
