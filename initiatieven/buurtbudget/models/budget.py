"""The money per buurt and year, the agenda it serves, and the regiegroep's proposals."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatieven.models.base import CleanTextMixin

from .base import DEFAULT_BUDGET, DEFAULT_SMALL_PERCENT, POSITIVE, Begrotingsregel, money


class Budget(models.Model):
    buurt = models.ForeignKey(
        "areas.Buurt", on_delete=models.PROTECT, related_name="budgetten", verbose_name=_("buurt")
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = money(_("budget (euro)"), default=DEFAULT_BUDGET, validators=POSITIVE)
    small_percent = models.PositiveSmallIntegerField(
        _("deel voor kleine initiatieven (%)"),
        default=DEFAULT_SMALL_PERCENT,
        validators=[MaxValueValidator(100)],
        help_text=_("Dit deel van het budget is voor kleine bewonersinitiatieven."),
    )
    # Totals kept by the services; only ever changed with the row locked.
    small_granted = money(_("toegekend aan kleine initiatieven"), default=Decimal("0"))
    regie_granted = money(_("toegekend aan voorstellen regiegroep"), default=Decimal("0"))

    class Meta:
        ordering = ["-year", "buurt__name"]
        verbose_name = _("buurtbudget")
        verbose_name_plural = _("buurtbudgetten")
        indexes = [models.Index(fields=["year", "buurt"], name="budget_year_buurt")]
        constraints = [
            models.UniqueConstraint(fields=["buurt", "year"], name="budget_unique_buurt_year"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="budget_amount_positive"),
            models.CheckConstraint(condition=Q(small_percent__lte=100), name="budget_percent_max"),
            models.CheckConstraint(
                condition=Q(small_granted__gte=0) & Q(regie_granted__gte=0),
                name="budget_granted_not_negative",
            ),
            # Multiplied out so no rounding of the percentage can let a cent slip through.
            models.CheckConstraint(
                condition=Q(small_granted__lte=F("amount") * F("small_percent") / 100),
                name="budget_small_within_part",
            ),
            models.CheckConstraint(
                condition=Q(regie_granted__lte=F("amount") * (100 - F("small_percent")) / 100),
                name="budget_regie_within_part",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.buurt} {self.year}"

    @property
    def small_part(self) -> Decimal:
        return (self.amount * self.small_percent / 100).quantize(Decimal("0.01"))

    @property
    def regie_part(self) -> Decimal:
        return self.amount - self.small_part

    @property
    def small_remaining(self) -> Decimal:
        return self.small_part - self.small_granted

    @property
    def regie_remaining(self) -> Decimal:
        return self.regie_part - self.regie_granted

    @property
    def granted(self) -> Decimal:
        return self.small_granted + self.regie_granted

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.granted


class AgendaPunt(models.Model):
    """A chance or problem on the agenda van de buurt (from the buurtanalyse)."""

    class Kind(models.TextChoices):
        KANS = "kans", _("Kans")
        PROBLEEM = "probleem", _("Probleem")

    buurt = models.ForeignKey(
        "areas.Buurt",
        on_delete=models.PROTECT,
        related_name="agendapunten",
        verbose_name=_("buurt"),
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.KANS)
    title = models.CharField(_("titel"), max_length=140)
    description = models.TextField(_("toelichting"), blank=True)
    is_active = models.BooleanField(_("op de agenda"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemaakt door"),
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["buurt__name", "-is_active", "title"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        indexes = [models.Index(fields=["buurt", "is_active"], name="agendapunt_buurt")]

    def __str__(self) -> str:
        return self.title


class Voorstel(CleanTextMixin, models.Model):
    """A proposal of the buurt's regiegroep for the rest of the budget.

    Its texts are cleaned on every save, so staff edits in the admin hold no markup either.
    """

    PLAIN_TEXT_FIELDS = ("title", "description", "review_reason")

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("Ingediend")
        AKKOORD = "akkoord", _("Akkoord")
        NIET_AKKOORD = "niet_akkoord", _("Niet akkoord")

    buurt = models.ForeignKey(
        "areas.Buurt", on_delete=models.PROTECT, related_name="voorstellen", verbose_name=_("buurt")
    )
    year = models.PositiveSmallIntegerField(
        _("budgetjaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(_("titel"), max_length=140)
    description = models.TextField(_("voorstel"))
    agendapunt = models.ForeignKey(
        AgendaPunt,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voorstellen",
        verbose_name=_("agendapunt van de buurt"),
    )
    amount = money(_("bedrag (euro)"), validators=POSITIVE)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INGEDIEND
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("ingediend door"),
    )
    submitted_at = models.DateTimeField(_("ingediend op"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("getoetst door"),
    )
    reviewed_at = models.DateTimeField(_("getoetst op"), null=True, blank=True)
    review_reason = models.TextField(
        _("toetsing"),
        blank=True,
        help_text=_("Past het bij bestaande contracten en beleid? Waarom wel of niet?"),
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("voorstel van de regiegroep")
        verbose_name_plural = _("voorstellen van de regiegroep")
        indexes = [models.Index(fields=["buurt", "year", "status"], name="voorstel_buurt_year")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="voorstel_amount_positive"),
            models.CheckConstraint(
                condition=Q(status="ingediend", reviewed_at__isnull=True)
                | Q(~Q(status="ingediend"), reviewed_at__isnull=False) & ~Q(review_reason=""),
                name="voorstel_review_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def decision_days(self) -> int | None:
        if self.reviewed_at is None:
            return None
        return (self.reviewed_at - self.submitted_at).days


class VoorstelRegel(Begrotingsregel):
    voorstel = models.ForeignKey(Voorstel, on_delete=models.CASCADE, related_name="regels")

    class Meta(Begrotingsregel.Meta):
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="voorstelregel_amount_positive")
        ]
