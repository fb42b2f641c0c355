"""Every write of the ruimtes app: book, approve, decline, cancel, series, reminders.

Booking a room locks the room row first (SELECT ... FOR UPDATE on PostgreSQL, a write
lock on SQLite), so the rule checks below see a stable picture; the exclusion
constraint ``ruimtes_boeking_no_overlap`` is the last line, and its IntegrityError
becomes the same "overlap" message.
"""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from buurtkracht.accounts import rules
from ruimtes import notifications
from ruimtes.checks import SeriesPlan, booking_price, booking_rules_check, rule_error, serie_plan
from ruimtes.models import Agenda, Boeking, BookerType, Ruimte, Serie


def lock_ruimte(ruimte: Ruimte) -> Ruimte:
    """Serialise bookings of one room until the transaction ends."""
    if connection.vendor == "sqlite":
        # A write takes SQLite's single writer lock at once, so a second booking waits.
        with connection.cursor() as cursor:
            cursor.execute("UPDATE ruimtes_ruimte SET id = id WHERE id = %s", [ruimte.pk])
        return Ruimte.objects.select_related("locatie").get(pk=ruimte.pk)
    return (
        Ruimte.objects.select_for_update(of=("self",)).select_related("locatie").get(pk=ruimte.pk)
    )


def _behoefte_check(behoefte, booker) -> None:
    if behoefte is None:
        return
    if behoefte.kind != "ruimte" or not rules.can(
        booker, rules.INITIATIVE_EDIT, behoefte.initiatief
    ):
        raise rule_error("behoefte", "behoefte")


def _overlap_exists(
    ruimte: Ruimte, starts_at: datetime, blocked_until: datetime, exclude_pk=None
) -> bool:
    qs = Boeking.objects.confirmed().filter(ruimte=ruimte).overlapping(starts_at, blocked_until)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.exists()


def _save_guarded(boeking: Boeking) -> None:
    """Save; the exclusion constraint's IntegrityError becomes the overlap message."""
    try:
        with transaction.atomic():
            boeking.save()
    except IntegrityError as error:
        if "no_overlap" in str(error) or "ruimtes_boeking_no_overlap" in repr(error.__cause__):
            raise rule_error("starts_at", "overlap") from error
        raise


def _initial_status(ruimte: Ruimte, booker, booker_type: str) -> str:
    if booker_type == BookerType.COMMERCIEEL or ruimte.locatie.approval_required:
        return Boeking.Status.AANGEVRAAGD
    return Boeking.Status.BEVESTIGD


@transaction.atomic
def boeking_create(
    *,
    ruimte: Ruimte,
    booker,
    starts_at: datetime,
    ends_at: datetime,
    title: str,
    expected_people: int,
    booker_type: str,
    purpose: str = "",
    behoefte=None,
    title_is_public: bool = False,
    now: datetime | None = None,
) -> Boeking:
    """Book a room: confirmed at once, or requested when the location or use asks approval.

    Raises PermissionDenied without a verified e-mail address, ValidationError (by field,
    with a MESSAGES code) for a broken rule or an overlap. Mails the managers or booker
    after commit.
    """
    rules.require(booker, rules.PARTICIPATE)
    now = now or timezone.now()
    ruimte = lock_ruimte(ruimte)
    booking_rules_check(
        ruimte=ruimte,
        starts_at=starts_at,
        ends_at=ends_at,
        expected_people=expected_people,
        booker_type=booker_type,
        now=now,
    )
    _behoefte_check(behoefte, booker)
    boeking = _build(
        ruimte=ruimte,
        booker=booker,
        starts_at=starts_at,
        ends_at=ends_at,
        title=title,
        purpose=purpose,
        expected_people=expected_people,
        booker_type=booker_type,
        behoefte=behoefte,
        title_is_public=title_is_public,
    )
    if _overlap_exists(ruimte, boeking.starts_at, boeking.blocked_until):
        raise rule_error("starts_at", "overlap")
    _save_guarded(boeking)
    transaction.on_commit(lambda: notifications.booking_made(boeking.pk))
    return boeking


def _build(*, ruimte, booker, starts_at, ends_at, booker_type, serie=None, **fields) -> Boeking:
    return Boeking(
        ruimte=ruimte,
        booker=booker,
        serie=serie,
        starts_at=starts_at,
        ends_at=ends_at,
        blocked_until=ends_at + ruimte.buffer,
        booker_type=booker_type,
        price=booking_price(
            ruimte=ruimte, starts_at=starts_at, ends_at=ends_at, booker_type=booker_type
        ),
        status=_initial_status(ruimte, booker, booker_type),
        **fields,
    )


# --- recurring series -------------------------------------------------------------------


@transaction.atomic
def serie_create(
    *,
    ruimte: Ruimte,
    booker,
    starts_at: datetime,
    ends_at: datetime,
    interval_weeks: int,
    until,
    title: str,
    expected_people: int,
    booker_type: str,
    purpose: str = "",
    behoefte=None,
    title_is_public: bool = False,
    now: datetime | None = None,
) -> tuple[Serie, SeriesPlan]:
    """Book every free occurrence of a series in one transaction; skip the conflicts.

    The plan is computed again under the room lock, so what the booker saw may have
    shrunk, never grown. Raises ValidationError("geen_boekingen") if nothing is free;
    either the whole series is written or nothing.
    """
    rules.require(booker, rules.PARTICIPATE)
    ruimte = lock_ruimte(ruimte)
    _behoefte_check(behoefte, booker)
    plan = serie_plan(
        ruimte=ruimte,
        starts_at=starts_at,
        ends_at=ends_at,
        interval_weeks=interval_weeks,
        until=until,
        expected_people=expected_people,
        booker_type=booker_type,
        now=now,
    )
    if not plan.bookable:
        raise rule_error("starts_at", "geen_boekingen")
    serie = Serie.objects.create(ruimte=ruimte, booker=booker, interval_weeks=interval_weeks)
    boekingen = []
    for occurrence in plan.bookable:
        boeking = _build(
            ruimte=ruimte,
            booker=booker,
            serie=serie,
            starts_at=occurrence.starts_at,
            ends_at=occurrence.ends_at,
            title=title,
            purpose=purpose,
            expected_people=expected_people,
            booker_type=booker_type,
            behoefte=behoefte,
            title_is_public=title_is_public,
        )
        _save_guarded(boeking)
        boekingen.append(boeking)
    first = boekingen[0]
    transaction.on_commit(lambda: notifications.booking_made(first.pk, count=len(boekingen)))
    return serie, plan


# --- decisions and cancelling -----------------------------------------------------------


@transaction.atomic
def boeking_approve(*, boeking: Boeking, manager) -> Boeking:
    """Confirm a request. PermissionDenied for non-managers; ValidationError on overlap."""
    rules.require(manager, rules.LOCATION_MANAGE, boeking.ruimte.locatie)
    lock_ruimte(boeking.ruimte)
    boeking = Boeking.objects.select_for_update(of=("self",)).get(pk=boeking.pk)
    if boeking.status != Boeking.Status.AANGEVRAAGD:
        raise rule_error("status", "status")
    if boeking.starts_at <= timezone.now():
        raise rule_error("status", "voorbij")
    if _overlap_exists(
        boeking.ruimte, boeking.starts_at, boeking.blocked_until, exclude_pk=boeking.pk
    ):
        raise rule_error("starts_at", "overlap")
    boeking.status = Boeking.Status.BEVESTIGD
    boeking.decided_by = manager
    boeking.decided_at = timezone.now()
    _save_guarded(boeking)
    transaction.on_commit(lambda: notifications.booking_decided(boeking.pk))
    return boeking


@transaction.atomic
def serie_approve(*, boeking: Boeking, manager) -> int:
    """Confirm every requested future date of the series ``boeking`` belongs to.

    A date that now overlaps a confirmed booking stays requested, for a decision of its
    own. Returns how many dates were confirmed; ValidationError("status") if none was.
    Mails the booker once, after commit.
    """
    rules.require(manager, rules.LOCATION_MANAGE, boeking.ruimte.locatie)
    if boeking.serie_id is None:
        raise rule_error("status", "status")
    lock_ruimte(boeking.ruimte)
    now = timezone.now()
    pending = (
        Boeking.objects.select_for_update(of=("self",))
        .filter(serie_id=boeking.serie_id, status=Boeking.Status.AANGEVRAAGD, starts_at__gt=now)
        .select_related("ruimte")
        .order_by("starts_at")
    )
    approved = []
    for item in pending:
        if _overlap_exists(item.ruimte, item.starts_at, item.blocked_until, exclude_pk=item.pk):
            continue
        item.status = Boeking.Status.BEVESTIGD
        item.decided_by = manager
        item.decided_at = now
        _save_guarded(item)
        approved.append(item)
    if not approved:
        raise rule_error("status", "status")
    first, count = approved[0], len(approved)
    transaction.on_commit(lambda: notifications.booking_decided(first.pk, count=count))
    return count


@transaction.atomic
def boeking_decline(*, boeking: Boeking, manager, reason: str) -> Boeking:
    rules.require(manager, rules.LOCATION_MANAGE, boeking.ruimte.locatie)
    if not reason.strip():
        raise rule_error("reason", "reden_nodig")
    boeking = Boeking.objects.select_for_update(of=("self",)).get(pk=boeking.pk)
    if boeking.status != Boeking.Status.AANGEVRAAGD:
        raise rule_error("status", "status")
    boeking.status = Boeking.Status.AFGEWEZEN
    boeking.decision_reason = reason.strip()[:300]
    boeking.decided_by = manager
    boeking.decided_at = timezone.now()
    boeking.save()
    transaction.on_commit(lambda: notifications.booking_decided(boeking.pk))
    return boeking


def _may_cancel(user, boeking: Boeking) -> bool:
    return boeking.booker_id == user.pk or rules.can(
        user, rules.LOCATION_MANAGE, boeking.ruimte.locatie
    )


@transaction.atomic
def boeking_cancel(
    *, boeking: Boeking, user, reason: str = "", now: datetime | None = None
) -> Boeking:
    """Cancel one booking (by its booker or a manager of the location)."""
    if not _may_cancel(user, boeking):
        raise PermissionDenied("ruimtes.cancel")
    now = now or timezone.now()
    boeking = Boeking.objects.select_for_update(of=("self",)).get(pk=boeking.pk)
    if boeking.status not in (Boeking.Status.AANGEVRAAGD, Boeking.Status.BEVESTIGD):
        raise rule_error("status", "status")
    if boeking.ends_at <= now:
        raise rule_error("status", "voorbij")
    boeking.status = Boeking.Status.GEANNULEERD
    boeking.decision_reason = reason.strip()[:300]
    boeking.decided_by = user
    boeking.decided_at = now
    boeking.save()
    transaction.on_commit(lambda: notifications.booking_cancelled(boeking.pk))
    return boeking


@transaction.atomic
def serie_cancel_rest(
    *, boeking: Boeking, user, reason: str = "", now: datetime | None = None
) -> int:
    """Cancel this occurrence and every later one of its series; returns how many."""
    if not _may_cancel(user, boeking):
        raise PermissionDenied("ruimtes.cancel")
    now = now or timezone.now()
    if boeking.serie_id is None:
        boeking_cancel(boeking=boeking, user=user, reason=reason, now=now)
        return 1
    rest = list(
        Boeking.objects.select_for_update()
        .active()
        .filter(serie_id=boeking.serie_id, starts_at__gte=boeking.starts_at, ends_at__gt=now)
    )
    for item in rest:
        item.status = Boeking.Status.GEANNULEERD
        item.decision_reason = reason.strip()[:300]
        item.decided_by = user
        item.decided_at = now
        item.save()
    if rest:
        first = rest[0]
        transaction.on_commit(lambda: notifications.booking_cancelled(first.pk, count=len(rest)))
    return len(rest)


# --- calendars and reminders ------------------------------------------------------------


@transaction.atomic
def agenda_get_or_create(*, user) -> Agenda:
    agenda, _created = Agenda.objects.get_or_create(
        user=user, defaults={"token": Agenda.new_token()}
    )
    return agenda


@transaction.atomic
def agenda_reset(*, user) -> Agenda:
    """A new secret address for the personal feed; the old one stops working."""
    agenda = agenda_get_or_create(user=user)
    agenda.token = Agenda.new_token()
    agenda.save(update_fields=["token"])
    return agenda


def reminders_send(*, now: datetime | None = None) -> int:
    """Remind bookers of confirmed bookings starting within 24 hours; never twice."""
    now = now or timezone.now()
    sent = 0
    candidates = Boeking.objects.confirmed().filter(
        reminder_sent_at__isnull=True, starts_at__gt=now, starts_at__lte=now + timedelta(hours=24)
    )
    for pk in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            # The conditional update claims the row: a parallel run updates 0 rows.
            claimed = Boeking.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if claimed:
                transaction.on_commit(lambda pk=pk: notifications.booking_reminder(pk))
                sent += 1
    return sent


# --- managers ---------------------------------------------------------------------------


@transaction.atomic
def locatie_forms_save(*, user, forms: list) -> None:
    """Save a manager's validated location, hours, closures or room forms together.

    Raises PermissionDenied unless ``user`` manages the location the forms belong to.
    """
    for form in forms:
        instance = getattr(form, "instance", None)
        locatie = getattr(instance, "locatie", instance)
        rules.require(user, rules.LOCATION_MANAGE, locatie)
    for form in forms:
        form.save()
