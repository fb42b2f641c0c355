"""Funding goals, donations, their refunds, the Stripe events seen, and message reports.

Money is integer cents everywhere. A ``Donatie`` only becomes ``betaald`` when Stripe
says so (webhook or reconciliation, both through ``settlement``), never from our own
pages.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtkracht.core.sanitize import clean_plain_text
from initiatieven.models.moderatie import MeldingBase

MIN_CENTS = 100  # EUR 1
MAX_CENTS = 100_000  # EUR 1,000
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone


def new_reference() -> str:
    return "BK-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(10))


class Taal(models.TextChoices):
    """The site's languages; a donor's receipt and Stripe page follow the one they used."""

    NL = "nl", _("Nederlands")
    EN = "en", _("Engels")


def donor_language(code: str | None) -> str:
    """``translation.get_language()`` ('en', 'en-gb', None) as one of ``Taal``; else nl."""
    base = (code or "").split("-")[0].lower()
    return base if base in Taal.values else Taal.NL


class Doneerdoel(models.Model):
    """The donation side of a money need (``Behoefte`` of kind ``geld``).

    The amount wanted lives on the need (``amount_wanted``); this adds what the money
    pays for and an optional deadline. When the owners delete the need, the goal and
    its donations stay (money records are kept) but it takes no new donations.
    """

    behoefte = models.OneToOneField(
        "initiatieven.Behoefte",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="doneerdoel",
        verbose_name=_("behoefte"),
    )
    # A goal alone may go with its initiatief; its donations (PROTECT) may not.
    initiatief = models.ForeignKey(
        "initiatieven.Initiatief",
        on_delete=models.CASCADE,
        related_name="doneerdoelen",
        verbose_name=_("initiatief"),
    )
    purpose = models.TextField(
        _("waar gaat het geld naartoe?"),
        max_length=1000,
        help_text=_("Bijvoorbeeld: verf en kwasten voor de muurschildering."),
    )
    deadline = models.DateField(_("doneren kan tot en met"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("doneerdoel")
        verbose_name_plural = _("doneerdoelen")

    def __str__(self) -> str:
        return self.behoefte.title if self.behoefte else str(self.initiatief)

    def save(self, *args, **kwargs):
        self.purpose = clean_plain_text(self.purpose)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("donaties:donate", kwargs={"pk": self.pk})

    @property
    def goal_cents(self) -> int | None:
        amount = self.behoefte.amount_wanted if self.behoefte else None
        # Decimal with two places: exact, no float on the way.
        return int(amount * 100) if amount else None

    @property
    def is_past_deadline(self) -> bool:
        return self.deadline is not None and timezone.localdate() > self.deadline


class Donatie(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        BETAALD = "betaald", _("Betaald")
        MISLUKT = "mislukt", _("Mislukt")
        VERLOPEN = "verlopen", _("Verlopen")
        TERUGBETAALD = "terugbetaald", _("Terugbetaald")
        DEELS_TERUGBETAALD = "deels_terugbetaald", _("Deels terugbetaald")

    # Paid money that still counts (minus refunds) on the page and in the report.
    PAID_STATUSES = (Status.BETAALD, Status.DEELS_TERUGBETAALD, Status.TERUGBETAALD)

    reference = models.CharField(
        _("kenmerk"), max_length=20, unique=True, default=new_reference, editable=False
    )
    initiatief = models.ForeignKey(
        "initiatieven.Initiatief",
        on_delete=models.PROTECT,
        related_name="donaties",
        verbose_name=_("initiatief"),
    )
    doel = models.ForeignKey(
        Doneerdoel, on_delete=models.PROTECT, related_name="donaties", verbose_name=_("doel")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="donaties",
        verbose_name=_("account"),
    )
    amount_cents = models.PositiveIntegerField(_("bedrag (cent)"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    refunded_cents = models.PositiveIntegerField(_("terugbetaald (cent)"), default=0)
    refund_requested_cents = models.PositiveIntegerField(
        _("terugbetaling aangevraagd (cent)"), default=0
    )
    refund_requested_at = models.DateTimeField(
        _("terugbetaling aangevraagd op"), null=True, blank=True
    )
    fee_cents = models.PositiveIntegerField(_("Stripe-kosten (cent)"), null=True, blank=True)
    name = models.CharField(_("naam"), max_length=80, blank=True)
    is_anonymous = models.BooleanField(_("anoniem"), default=False)
    show_amount = models.BooleanField(_("bedrag tonen"), default=False)
    message = models.TextField(_("bericht"), max_length=500, blank=True)
    message_hidden = models.BooleanField(_("bericht verborgen door moderator"), default=False)
    # Only for the receipt: never on a page, in the API or in a log line.
    email = models.EmailField(_("e-mailadres"))
    # The language of the page the donor gave on: their Stripe page and receipt use it.
    language = models.CharField(_("taal"), max_length=2, choices=Taal.choices, default=Taal.NL)
    stripe_session_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    stripe_payment_intent = models.CharField(max_length=255, unique=True, null=True, blank=True)
    paid_at = models.DateTimeField(_("betaald op"), null=True, blank=True)
    summary_sent_at = models.DateTimeField(_("in dagoverzicht eigenaren op"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("donatie")
        verbose_name_plural = _("donaties")
        indexes = [
            models.Index(fields=["status", "created_at"], name="donatie_status_created"),
            models.Index(fields=["doel", "status"], name="donatie_doel_status"),
            models.Index(fields=["initiatief", "status", "paid_at"], name="donatie_report"),
            models.Index(fields=["status", "summary_sent_at"], name="donatie_summary"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_cents__gte=MIN_CENTS, amount_cents__lte=MAX_CENTS),
                name="donatie_amount_range",
            ),
            models.CheckConstraint(
                condition=Q(refunded_cents__lte=models.F("amount_cents")),
                name="donatie_refund_max",
            ),
            models.CheckConstraint(
                condition=Q(refund_requested_cents__lte=models.F("amount_cents")),
                name="donatie_refund_requested_max",
            ),
            models.CheckConstraint(
                condition=Q(status="open")
                | Q(status="mislukt")
                | Q(status="verlopen")
                # Paid states always carry the moment Stripe confirmed the payment.
                | Q(paid_at__isnull=False),
                name="donatie_paid_has_date",
            ),
            models.CheckConstraint(
                condition=Q(language__in=Taal.values), name="donatie_language_known"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs):
        self.name = clean_plain_text(self.name)
        self.message = clean_plain_text(self.message)
        super().save(*args, **kwargs)

    @property
    def net_cents(self) -> int:
        return self.amount_cents - self.refunded_cents if self.status in self.PAID_STATUSES else 0

    @property
    def public_name(self) -> str:
        return str(_("Anoniem")) if self.is_anonymous or not self.name else self.name

    @property
    def public_message(self) -> str:
        return "" if self.message_hidden else self.message

    @property
    def refund_pending_cents(self) -> int:
        """Asked from Stripe but not yet confirmed by a ``charge.refunded`` event."""
        return max(0, self.refund_requested_cents - self.refunded_cents)


class Terugbetaling(models.Model):
    """Refunded cents as they arrive: one row per rise of ``Donatie.refunded_cents``.

    Written by ``settlement`` in the same transaction as that rise, so the rows of a
    donation always add up to its ``refunded_cents``. The payout report subtracts a row
    in the month of ``refunded_at`` (when we booked it), so a month already paid out
    never changes. ``total_cents`` (refunded in all after this row) is unique per
    donation: the same rise cannot be booked twice.
    """

    donatie = models.ForeignKey(
        Donatie,
        on_delete=models.PROTECT,
        related_name="terugbetalingen",
        verbose_name=_("donatie"),
    )
    amount_cents = models.PositiveIntegerField(_("bedrag (cent)"))
    total_cents = models.PositiveIntegerField(_("totaal terugbetaald hierna (cent)"))
    refunded_at = models.DateTimeField(_("terugbetaald op"))

    class Meta:
        ordering = ["refunded_at", "pk"]
        verbose_name = _("terugbetaling")
        verbose_name_plural = _("terugbetalingen")
        indexes = [models.Index(fields=["refunded_at"], name="terugbetaling_report")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_cents__gt=0, amount_cents__lte=models.F("total_cents"))
                & Q(total_cents__lte=MAX_CENTS),
                name="terugbetaling_amount_range",
            ),
            models.UniqueConstraint(
                fields=["donatie", "total_cents"], name="terugbetaling_once_per_total"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.donatie} -{self.amount_cents}"


class StripeEvent(models.Model):
    """Each Stripe event id once: a replayed event is a no-op (unique ``event_id``)."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    donatie = models.ForeignKey(
        Donatie, on_delete=models.SET_NULL, null=True, blank=True, related_name="stripe_events"
    )
    processed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-processed_at"]
        verbose_name = _("Stripe-gebeurtenis")
        verbose_name_plural = _("Stripe-gebeurtenissen")

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class BerichtMelding(MeldingBase):
    """Someone reports a donor's message; a moderator hides it or keeps it.

    Like ``initiatieven.Melding`` (same form, same moderators, same decisions), but
    hiding touches only the message, not the whole initiatief.
    """

    donatie = models.ForeignKey(
        Donatie, on_delete=models.CASCADE, related_name="meldingen", verbose_name=_("donatie")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="donatie_meldingen",
        verbose_name=_("gemeld door"),
    )

    class Meta(MeldingBase.Meta):
        verbose_name = _("melding over een donatiebericht")
        verbose_name_plural = _("meldingen over donatieberichten")
        indexes = [models.Index(fields=["status", "-created_at"], name="berichtmelding_queue")]

    def __str__(self) -> str:
        return f"{self.donatie} ({self.get_status_display()})"
