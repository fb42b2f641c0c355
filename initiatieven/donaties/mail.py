"""Mail about donations: the receipt to the donor, the daily summary to the owners.

Rendered at once and queued after the commit (``mail_enqueue``), so a rolled-back state
change never sends a mail and a committed one sends it once. The receipt speaks the
language the donor gave in (``Donatie.language``); the owners' summary the site's
language (accounts store no language).
"""

from decimal import Decimal

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import number_format

from buurtkracht.core.mail import mail_enqueue


def euro(cents: int) -> str:
    """Cents as euros in the active language: 125000 -> '1.250,00' (nl), '1,250.00' (en).

    Decimal, never float, on the way.
    """
    return number_format(Decimal(int(cents)) / 100, decimal_pos=2, force_grouping=True)


def mail_after_commit(
    *, to: list[str], template: str, context: dict, language: str | None = None
) -> None:
    if not to:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"donaties/mail/{template}_subject.txt", context)
        body = render_to_string(f"donaties/mail/{template}.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, to)
    transaction.on_commit(lambda: mail_enqueue(message))


def receipt_send(*, donatie) -> None:
    """The thank-you mail with amount, date, initiatief and reference (once, when paid)."""
    initiatief = donatie.initiatief
    with translation.override(donatie.language):
        path = initiatief.get_absolute_url()  # /en/... for an English donor
        amount = euro(donatie.amount_cents)  # 12,50 or 12.50
    mail_after_commit(
        to=[donatie.email] if donatie.email else [],
        template="receipt",
        context={
            "donatie": donatie,
            "initiatief": initiatief,
            "amount": amount,
            "url": f"{settings.SITE_URL}{path}",
        },
        language=donatie.language,
    )
