"""Every write of the donaties app that is not Stripe telling us something (see settlement).

Order of a donation: ``donatie_create`` stores it *open* with a unique reference and
commits; ``donatie_checkout_start`` then asks Stripe for a Checkout Session. Stripe's
answer (webhook or ``reconcile_donations``) is the only thing that makes it paid.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation

from buurtkracht.accounts import rules
from initiatieven.donaties import stripe_gateway
from initiatieven.donaties.mail import mail_after_commit
from initiatieven.donaties.messages import MESSAGES
from initiatieven.donaties.models import (
    MAX_CENTS,
    MIN_CENTS,
    BerichtMelding,
    Donatie,
    Doneerdoel,
    donor_language,
)
from initiatieven.models import Behoefte

logger = logging.getLogger(__name__)

MANAGE = "donaties.manage"  # refunds and the payout report (registered in apps.py)
RATE_WINDOW_SECONDS = 60 * 60


def doneerdoel_is_open(doel: Doneerdoel) -> bool:
    behoefte = doel.behoefte
    return bool(
        behoefte is not None
        and behoefte.kind == Behoefte.Kind.GELD
        and behoefte.is_open
        and doel.goal_cents
        and doel.initiatief.is_public
        and not doel.is_past_deadline
    )


@transaction.atomic
def doneerdoel_save(*, behoefte: Behoefte, user, purpose: str, deadline: date | None) -> Doneerdoel:
    """Owners open their money need for donations, or change what it pays for."""
    rules.require(user, rules.INITIATIVE_EDIT, behoefte.initiatief)
    if behoefte.kind != Behoefte.Kind.GELD or not behoefte.amount_wanted:
        raise ValidationError(MESSAGES["goal_not_money"], code="goal_not_money")
    doel = Doneerdoel.objects.filter(behoefte=behoefte).first() or Doneerdoel(
        behoefte=behoefte, initiatief=behoefte.initiatief
    )
    if deadline is not None and deadline < timezone.localdate() and deadline != doel.deadline:
        raise ValidationError(
            {"deadline": [ValidationError(MESSAGES["deadline_past"], code="deadline_past")]}
        )
    doel.purpose, doel.deadline = purpose, deadline
    doel.full_clean()
    doel.save()
    return doel


def _rate_keys(ip: str, initiatief_id: int) -> list[tuple[str, int]]:
    window = int(timezone.now().timestamp()) // RATE_WINDOW_SECONDS
    return [
        (
            f"donaties:rate:{window}:{ip}:{initiatief_id}",
            settings.DONATION_RATE_LIMIT_PER_INITIATIVE,
        ),
        (f"donaties:rate:{window}:{ip}", settings.DONATION_RATE_LIMIT_TOTAL),
    ]


def checkout_rate_take(*, ip: str, initiatief_id: int) -> None:
    """Count one checkout for ``ip``; raises ``rate_limited`` past the limits (per hour).

    Against card testing: the limits hold per IP address per clock hour, per
    initiatief and in all. The cache holds the counters.
    """
    keys = _rate_keys(ip, initiatief_id)
    for key, limit in keys:
        if cache.get(key, 0) >= limit:
            raise ValidationError(MESSAGES["rate_limited"], code="rate_limited")
    for key, _limit in keys:
        if not cache.add(key, 1, RATE_WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, RATE_WINDOW_SECONDS)


@transaction.atomic
def donatie_create(
    *,
    doel: Doneerdoel,
    amount_cents: int,
    email: str,
    name: str = "",
    is_anonymous: bool = False,
    show_amount: bool = False,
    message: str = "",
    user=None,
    language: str | None = None,
) -> Donatie:
    """Store an *open* donation with a new reference, before anyone goes to Stripe.

    ``language`` (nl/en; default the active language, the page the donor is on) is
    the language of their Stripe page and receipt.
    """
    doel = Doneerdoel.objects.select_related("behoefte", "initiatief").get(pk=doel.pk)
    if not doneerdoel_is_open(doel):
        raise ValidationError(MESSAGES["goal_closed"], code="goal_closed")
    if not isinstance(amount_cents, int) or not MIN_CENTS <= amount_cents <= MAX_CENTS:
        code = (
            "amount_min"
            if isinstance(amount_cents, int) and amount_cents < MIN_CENTS
            else "amount_max"
        )
        raise ValidationError({"amount": [ValidationError(MESSAGES[code], code=code)]})
    donatie = Donatie(
        doel=doel,
        initiatief=doel.initiatief,
        amount_cents=amount_cents,
        email=email,
        name="" if is_anonymous else name,
        is_anonymous=is_anonymous or not name,
        show_amount=show_amount,
        message=message,
        user=user if user is not None and user.is_authenticated else None,
        language=donor_language(language or translation.get_language()),
    )
    donatie.full_clean()
    donatie.save()
    return donatie


def donatie_checkout_start(*, donatie: Donatie, success_url: str, cancel_url: str) -> str:
    """Ask Stripe for a Checkout Session; returns the URL of Stripe's payment page.

    Stripe's page speaks the donation's ``language``, as the receipt will.

    On failure the donation ends as ``mislukt`` (nothing was paid) and
    ``stripe_down`` / ``not_configured`` is raised.
    """
    try:
        gateway = stripe_gateway.StripeGateway()
        session = gateway.checkout_create(
            stripe_gateway.CheckoutRequest(
                reference=donatie.reference,
                amount_cents=donatie.amount_cents,
                description=f"{donatie.initiatief.title} ({donatie.reference})",
                email=donatie.email,
                success_url=success_url,
                cancel_url=cancel_url,
                locale=donatie.language,
            )
        )
    except stripe_gateway.GatewayError as error:
        Donatie.objects.filter(pk=donatie.pk, status=Donatie.Status.OPEN).update(
            status=Donatie.Status.MISLUKT, updated_at=timezone.now()
        )
        code = (
            "not_configured" if isinstance(error, stripe_gateway.NotConfigured) else "stripe_down"
        )
        raise ValidationError(MESSAGES[code], code=code) from error
    Donatie.objects.filter(pk=donatie.pk, stripe_session_id__isnull=True).update(
        stripe_session_id=session["id"], updated_at=timezone.now()
    )
    return session["url"]


def donatie_refund_request(*, donatie: Donatie, user, amount_cents: int) -> Donatie:
    """Ask Stripe to refund ``amount_cents`` of a paid donation (administrators).

    Only ``refund_requested_cents`` changes here ("terugbetaling aangevraagd"); the
    status and ``refunded_cents`` follow Stripe's ``charge.refunded`` event.
    """
    rules.require(user, MANAGE)
    donatie.refresh_from_db()
    if donatie.status not in Donatie.PAID_STATUSES or not donatie.stripe_payment_intent:
        raise ValidationError(MESSAGES["refund_not_paid"], code="refund_not_paid")
    already = max(donatie.refunded_cents, donatie.refund_requested_cents)
    if not isinstance(amount_cents, int) or not 0 < amount_cents <= donatie.amount_cents - already:
        raise ValidationError(
            {"amount": [ValidationError(MESSAGES["refund_amount"], code="refund_amount")]}
        )
    requested = already + amount_cents
    try:
        # The key holds the total asked: a double click asks Stripe once.
        stripe_gateway.StripeGateway().refund_create(
            payment_intent=donatie.stripe_payment_intent,
            amount_cents=amount_cents,
            reference=donatie.reference,
            idempotency_key=f"refund-{donatie.reference}-{requested}",
        )
    except stripe_gateway.GatewayError as error:
        raise ValidationError(MESSAGES["refund_failed"], code="refund_failed") from error
    with transaction.atomic():
        locked = Donatie.objects.select_for_update().get(pk=donatie.pk)
        locked.refund_requested_cents = min(
            max(locked.refund_requested_cents, requested), locked.amount_cents
        )
        locked.refund_requested_at = timezone.now()
        locked.save(update_fields=["refund_requested_cents", "refund_requested_at", "updated_at"])
    logger.info("Refund of %s cents asked for donation %s", amount_cents, donatie.reference)
    return locked


# --- reports about donors' messages -------------------------------------------------


@transaction.atomic
def bericht_melding_create(*, donatie: Donatie, reporter, reason: str) -> BerichtMelding:
    """Anyone reports a donor's message shown on a public initiatief page."""
    if not donatie.initiatief.is_public or not donatie.public_message:
        raise ValidationError(MESSAGES["not_public"], code="not_public")
    signed_in = reporter is not None and reporter.is_authenticated
    melding = BerichtMelding(
        donatie=donatie, reporter=reporter if signed_in else None, reason=reason
    )
    melding.full_clean()
    melding.save()
    return melding


@transaction.atomic
def bericht_melding_decide(
    *, melding: BerichtMelding, moderator, hide: bool, reason: str
) -> BerichtMelding:
    """Hide the message (not the donation) or keep it; settles other open reports too."""
    rules.require(moderator, rules.MODERATE)
    melding = (
        BerichtMelding.objects.select_for_update().select_related("donatie").get(pk=melding.pk)
    )
    if melding.status != BerichtMelding.Status.OPEN:
        raise ValidationError(MESSAGES["already_handled"], code="already_handled")
    if not reason.strip():
        raise ValidationError(
            {"reason": [ValidationError(MESSAGES["reason_required"], code="reason_required")]}
        )
    if hide:
        Donatie.objects.filter(pk=melding.donatie_id).update(message_hidden=True)
    status = BerichtMelding.Status.VERBORGEN if hide else BerichtMelding.Status.BEHOUDEN
    BerichtMelding.objects.filter(
        donatie=melding.donatie, status=BerichtMelding.Status.OPEN
    ).update(status=status, decision_reason=reason, handled_by=moderator, handled_at=timezone.now())
    melding.refresh_from_db()
    return melding


# --- the owners' daily summary ------------------------------------------------------


def donation_summaries_send() -> int:
    """One mail per initiatief with new paid donations to its owners; returns mails sent.

    Lists name (or Anoniem), amount and message; never a donor's e-mail address. Each
    donation is in one summary only (``summary_sent_at``).
    """
    from initiatieven.donaties.mail import euro

    sent = 0
    since = timezone.now() - timedelta(days=30)
    initiatief_ids = (
        Donatie.objects.filter(
            status__in=Donatie.PAID_STATUSES, summary_sent_at__isnull=True, paid_at__gte=since
        )
        .values_list("initiatief_id", flat=True)
        .distinct()
    )
    for initiatief_id in list(initiatief_ids):
        with transaction.atomic():
            rows = list(
                Donatie.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(
                    initiatief_id=initiatief_id,
                    status__in=Donatie.PAID_STATUSES,
                    summary_sent_at__isnull=True,
                    paid_at__gte=since,
                )
                .select_related("initiatief")
                .order_by("paid_at", "pk")
            )
            if not rows:
                continue
            initiatief = rows[0].initiatief
            owners = [u.email for u in initiatief.owners.filter(is_active=True).order_by("pk")]
            mail_after_commit(
                to=owners,
                template="summary",
                context={
                    "initiatief": initiatief,
                    "rows": [
                        {
                            "name": d.public_name,
                            "amount": euro(d.amount_cents),
                            "message": d.public_message,
                        }
                        for d in rows
                    ],
                    "total": euro(sum(d.amount_cents for d in rows)),
                    "url": f"{settings.SITE_URL}{initiatief.get_absolute_url()}",
                },
            )
            Donatie.objects.filter(pk__in=[d.pk for d in rows]).update(
                summary_sent_at=timezone.now()
            )
            sent += 1 if owners else 0
    return sent
