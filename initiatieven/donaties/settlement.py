"""What Stripe tells us changes a donation: the webhook and the reconciliation share this.

Each change happens with the donation row locked (``select_for_update``) and moves only
along the allowed steps::

    open -> betaald | mislukt | verlopen
    betaald -> deels_terugbetaald -> terugbetaald  (betaald -> terugbetaald directly too)

A message that would move a donation backwards (``expired`` after ``completed``) is
recorded and ignored, so events may arrive in any order and any number of times.

Times (``paid_at``, ``Terugbetaling.refunded_at``) are when we book Stripe's news, not
when Stripe made the event: a late event then lands in the month being paid out next
instead of changing a month already paid out. ``now`` lets tests choose that moment.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from initiatieven.donaties.mail import receipt_send
from initiatieven.donaties.models import Donatie, StripeEvent, Terugbetaling

logger = logging.getLogger(__name__)

Status = Donatie.Status


class RetryLater(Exception):
    """Not settled now; answer non-2xx so Stripe sends the event again later."""


class LockTimeout(RetryLater):
    """Another delivery holds the donation (or the event id) too long."""


def _lock_timeout() -> None:
    if connection.vendor == "postgresql":
        timeout = getattr(settings, "DONATION_LOCK_TIMEOUT", "5s")
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [timeout])


def _id(value) -> str | None:
    """Stripe sends a related object as its id, or expanded as a dict."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def _reference(obj: dict) -> str | None:
    metadata = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
    reference = obj.get("client_reference_id") or metadata.get("reference")
    return reference if isinstance(reference, str) and reference else None


def _locked(**lookup) -> Donatie | None:
    return Donatie.objects.select_for_update().filter(**lookup).first()


def _donatie_for_session(session: dict) -> Donatie | None:
    reference = _reference(session)
    donatie = _locked(reference=reference) if reference else None
    if donatie is None and _id(session):
        donatie = _locked(stripe_session_id=_id(session))
    return donatie


# --- state steps ----------------------------------------------------------------------


def _remember_ids(donatie: Donatie, session: dict) -> list[str]:
    changed = []
    if not donatie.stripe_session_id and _id(session):
        donatie.stripe_session_id = _id(session)
        changed.append("stripe_session_id")
    intent = _id(session.get("payment_intent"))
    if intent and not donatie.stripe_payment_intent:
        donatie.stripe_payment_intent = intent
        changed.append("stripe_payment_intent")
    return changed


def _mark_paid(donatie: Donatie, session: dict, now: datetime) -> None:
    if donatie.status in (Status.MISLUKT, Status.VERLOPEN):
        # Stripe says paid, we had ended it: money moved, a person must look (refund).
        logger.error(
            "Donation %s: Stripe reports a payment for a %s donation", donatie, donatie.status
        )
    if donatie.status != Status.OPEN:
        return  # already paid (a replay) or ended: nothing moves back
    if session.get("amount_total") != donatie.amount_cents or session.get("currency") != "eur":
        # Never show an amount Stripe did not confirm for this donation.
        logger.error("Donation %s: Stripe reports another amount; not marked paid", donatie)
        return
    donatie.status = Status.BETAALD
    donatie.paid_at = now
    donatie.save()
    receipt_send(donatie=donatie)


def _mark_ended(donatie: Donatie, status: str) -> None:
    if donatie.status == Status.OPEN:
        donatie.status = status
        donatie.save()


def session_settle(
    session: dict, *, failed: bool = False, now: datetime | None = None
) -> Donatie | None:
    """Bring the donation of a Checkout Session in line with the session.

    Paid only when ``status == complete`` and ``payment_status == paid`` and the amount
    matches; ``expired`` ends it as verlopen; ``failed`` (the async payment failed)
    as mislukt. Call inside a transaction. Returns the donation, or None if unknown.
    """
    donatie = _donatie_for_session(session)
    if donatie is None:
        return None
    if donatie.stripe_session_id and _id(session) and donatie.stripe_session_id != _id(session):
        logger.error("Donation %s: event for another Checkout Session ignored", donatie)
        return donatie
    changed = _remember_ids(donatie, session)
    if changed:
        try:
            with transaction.atomic():
                donatie.save(update_fields=[*changed, "updated_at"])
        except IntegrityError:
            logger.error("Donation %s: Stripe id already used by another donation", donatie)
            donatie.refresh_from_db()
    if failed:
        _mark_ended(donatie, Status.MISLUKT)
    elif session.get("status") == "complete" and session.get("payment_status") == "paid":
        _mark_paid(donatie, session, now or timezone.now())
    elif session.get("status") == "expired":
        _mark_ended(donatie, Status.VERLOPEN)
    return donatie


def charge_refunded(charge: dict, *, now: datetime | None = None) -> Donatie | None:
    """Take ``amount_refunded`` from Stripe's charge; never lowers what was refunded.

    Each rise is booked as a ``Terugbetaling`` of the difference at ``now`` (default:
    this moment), in the caller's transaction, with the new status.
    """
    intent = _id(charge.get("payment_intent"))
    donatie = _locked(stripe_payment_intent=intent) if intent else None
    if donatie is None and _reference(charge):
        donatie = _locked(reference=_reference(charge))
    if donatie is None or donatie.status == Status.OPEN:
        # The payment itself is not settled here yet (its event is late or lost):
        # Stripe retries this one; reconcile_donations settles the payment meanwhile.
        raise RetryLater("refund before payment")
    if donatie.status not in Donatie.PAID_STATUSES:
        logger.warning("Donation %s: refund for a %s donation ignored", donatie, donatie.status)
        return donatie
    amount = charge.get("amount_refunded")
    if not isinstance(amount, int) or amount < 0:
        return donatie
    refunded = min(max(donatie.refunded_cents, amount), donatie.amount_cents)
    if refunded == donatie.refunded_cents and donatie.status != Status.BETAALD:
        return donatie
    if refunded > donatie.refunded_cents:
        Terugbetaling.objects.create(
            donatie=donatie,
            amount_cents=refunded - donatie.refunded_cents,
            total_cents=refunded,
            refunded_at=now or timezone.now(),
        )
    donatie.refunded_cents = refunded
    if refunded >= donatie.amount_cents:
        donatie.status = Status.TERUGBETAALD
    elif refunded > 0:
        donatie.status = Status.DEELS_TERUGBETAALD
    donatie.save()
    return donatie


HANDLERS = {
    "checkout.session.completed": lambda obj, now: session_settle(obj, now=now),
    "checkout.session.async_payment_succeeded": lambda obj, now: session_settle(obj, now=now),
    "checkout.session.async_payment_failed": lambda obj, now: session_settle(
        obj, failed=True, now=now
    ),
    "checkout.session.expired": lambda obj, now: session_settle(obj, now=now),
    "charge.refunded": lambda obj, now: charge_refunded(obj, now=now),
}


def stripe_event_process(*, event: dict, now: datetime | None = None) -> str:
    """Apply one verified Stripe event once; returns processed, duplicate or ignored.

    The event id is stored in the same transaction as the state change: a replay (or a
    second delivery at the same moment, which waits on the unique index) is a no-op.
    Raises ``RetryLater`` (nothing stored) when Stripe should send it again.
    """
    handler = HANDLERS.get(event.get("type"))
    if handler is None:
        return "ignored"
    obj = event["data"].get("object")
    if not isinstance(obj, dict):
        return "ignored"
    try:
        with transaction.atomic():
            _lock_timeout()
            try:
                with transaction.atomic():
                    record = StripeEvent.objects.create(event_id=event["id"], type=event["type"])
            except IntegrityError:
                return "duplicate"
            donatie = handler(obj, now or timezone.now())
            if donatie is not None:
                record.donatie = donatie
                record.save(update_fields=["donatie"])
    except OperationalError as error:
        cause = error.__cause__
        # 55P03 lock_not_available (psycopg 3 names it sqlstate, psycopg 2 pgcode).
        if getattr(cause, "sqlstate", None) == "55P03" or getattr(cause, "pgcode", None) == "55P03":
            raise LockTimeout("lock timeout") from error
        raise
    return "processed"


def donatie_reconcile(*, donatie: Donatie, session: dict) -> Donatie | None:
    """Settle ``donatie`` from the session Stripe returned, as the webhook would."""
    if _reference(session) not in (None, donatie.reference):
        logger.error("Donation %s: Stripe session belongs to another reference", donatie)
        return None
    with transaction.atomic():
        _lock_timeout()
        return session_settle({**session, "client_reference_id": donatie.reference})


@transaction.atomic
def donatie_expire_unsent(*, donatie: Donatie) -> None:
    """A donation that never got a Checkout Session cannot be paid: end it."""
    locked = _locked(pk=donatie.pk, stripe_session_id__isnull=True)
    if locked is not None:
        _mark_ended(locked, Status.VERLOPEN)


@transaction.atomic
def donatie_fee_store(*, donatie: Donatie, fee_cents: int) -> None:
    Donatie.objects.filter(pk=donatie.pk, fee_cents__isnull=True).update(fee_cents=fee_cents)
