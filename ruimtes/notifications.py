"""Mails about bookings. Called from ``transaction.on_commit`` with ids only."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from buurtkracht.core.mail import mail_enqueue
from ruimtes.models import Boeking


def _load(pk: int) -> Boeking | None:
    return (
        Boeking.objects.select_related("ruimte__locatie", "booker")
        .prefetch_related("ruimte__locatie__managers")
        .filter(pk=pk)
        .first()
    )


def _send(template: str, boeking: Boeking, recipients: list[str], **extra) -> None:
    recipients = [address for address in recipients if address]
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {"boeking": boeking, "site_url": settings.SITE_URL, **extra}
        subject = render_to_string(f"ruimtes/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"ruimtes/mail/{template}.txt", context)
    mail_enqueue(EmailMessage(subject=subject, body=body, to=recipients))


def _managers(boeking: Boeking) -> list[str]:
    return [user.email for user in boeking.ruimte.locatie.managers.all() if user.is_active]


def booking_made(pk: int, *, count: int = 1) -> None:
    boeking = _load(pk)
    if boeking is None:
        return
    if boeking.status == Boeking.Status.AANGEVRAAGD:
        _send("aanvraag", boeking, _managers(boeking), count=count)
    _send("ontvangen", boeking, [boeking.booker.email], count=count)


def booking_decided(pk: int, *, count: int = 1) -> None:
    boeking = _load(pk)
    if boeking is not None:
        _send("besluit", boeking, [boeking.booker.email], count=count)


def booking_cancelled(pk: int, *, count: int = 1) -> None:
    boeking = _load(pk)
    if boeking is None:
        return
    recipients = [boeking.booker.email]
    if boeking.decided_by_id == boeking.booker_id:
        recipients = _managers(boeking)
    _send("geannuleerd", boeking, recipients, count=count)


def booking_reminder(pk: int) -> None:
    boeking = _load(pk)
    if boeking is not None and boeking.status == Boeking.Status.BEVESTIGD:
        _send("herinnering", boeking, [boeking.booker.email])
