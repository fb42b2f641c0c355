"""Small grants: rounds, applications, votes, the panel's discussion, reports."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatieven.models.base import CleanTextMixin

from .base import DEFAULT_MAX_AMOUNT, DEFAULT_QUORUM, POSITIVE, Begrotingsregel, money
from .budget import AgendaPunt


class Ronde(models.Model):
    """A round for small initiatives: applications are taken between two dates."""

    title = models.CharField(_("naam"), max_length=120)
    wijk = models.ForeignKey(
        "areas.Wijk",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="buurtbudget_rondes",
        verbose_name=_("wijk"),
        help_text=_("Leeg: de ronde geldt voor alle wijken."),
    )
    year = models.PositiveSmallIntegerField(
        _("budgetjaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("open tot en met"))
    max_amount = money(
        _("maximum per aanvraag (euro)"), default=DEFAULT_MAX_AMOUNT, validators=POSITIVE
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum"),
        default=DEFAULT_QUORUM,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Zoveel stemmen zijn nodig voor een besluit."),
    )

    class Meta:
        ordering = ["-opens_on"]
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        indexes = [models.Index(fields=["opens_on", "closes_on"], name="ronde_dates")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")), name="ronde_closes_after_opens"
            ),
            models.CheckConstraint(condition=Q(max_amount__gt=0), name="ronde_max_positive"),
            models.CheckConstraint(condition=Q(quorum__gte=1), name="ronde_quorum_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on


class Aanvraag(CleanTextMixin, models.Model):
    """An application for a small grant, for one initiatief, decided by the wijk's panel.

    Its texts are cleaned on every save, so staff edits in the admin hold no markup either.
    """

    PLAIN_TEXT_FIELDS = ("plan", "expected_results")

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("Ingediend")
        IN_STEMMING = "in_stemming", _("In stemming")
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    OPEN_STATUSES = (Status.INGEDIEND, Status.IN_STEMMING)
    DECIDED_STATUSES = (Status.TOEGEKEND, Status.AFGEWEZEN)

    ronde = models.ForeignKey(
        Ronde, on_delete=models.PROTECT, related_name="aanvragen", verbose_name=_("ronde")
    )
    initiatief = models.ForeignKey(
        "initiatieven.Initiatief",
        on_delete=models.PROTECT,
        related_name="buurtbudget_aanvragen",
        verbose_name=_("initiatief"),
    )
    # Copied from the initiatief when applying, so a later move does not move the money.
    wijk = models.ForeignKey(
        "areas.Wijk", on_delete=models.PROTECT, related_name="+", verbose_name=_("wijk")
    )
    buurt = models.ForeignKey(
        "areas.Buurt", on_delete=models.PROTECT, related_name="+", verbose_name=_("buurt")
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="buurtbudget_aanvragen",
        verbose_name=_("aanvrager"),
    )
    agendapunt = models.ForeignKey(
        AgendaPunt,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aanvragen",
        verbose_name=_("agendapunt van de buurt"),
    )
    prioriteit = models.ForeignKey(
        "initiatieven.Prioriteit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="buurtbudget_aanvragen",
        verbose_name=_("prioriteit van het stadsdeel"),
    )
    plan = models.TextField(_("plan"))
    expected_results = models.TextField(_("verwachte resultaten"))
    activity_ends_on = models.DateField(_("activiteit klaar op"))
    amount = money(_("gevraagd bedrag (euro)"), validators=POSITIVE)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INGEDIEND
    )
    submitted_at = models.DateTimeField(_("ingediend op"), default=timezone.now)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decision_motivation = models.TextField(_("motivatie van het besluit"), blank=True)
    report_due_on = models.DateField(_("verantwoording uiterlijk"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        indexes = [
            models.Index(fields=["wijk", "status"], name="aanvraag_wijk_status"),
            models.Index(fields=["buurt", "status"], name="aanvraag_buurt_status"),
            models.Index(fields=["status", "report_due_on"], name="aanvraag_report_due"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="aanvraag_amount_positive"),
            models.CheckConstraint(
                condition=Q(agendapunt__isnull=False) | Q(prioriteit__isnull=False),
                name="aanvraag_serves_agenda_or_priority",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["ingediend", "in_stemming"], decided_at__isnull=True)
                | Q(status__in=["toegekend", "afgewezen"], decided_at__isnull=False),
                name="aanvraag_decided_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiatief} ({self.ronde})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_granted(self) -> bool:
        return self.status == self.Status.TOEGEKEND

    @property
    def decision_days(self) -> int | None:
        if self.decided_at is None:
            return None
        return (self.decided_at - self.submitted_at).days


class AanvraagRegel(Begrotingsregel):
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="regels")

    class Meta(Begrotingsregel.Meta):
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="aanvraagregel_amount_positive")
        ]


class Stem(models.Model):
    class Choice(models.TextChoices):
        VOOR = "voor", _("Voor")
        TEGEN = "tegen", _("Tegen")
        ONTHOUDING = "onthouding", _("Onthouding")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="stemmen")
    # Kept (without a name) when the member deletes their account: the decision stands.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="buurtbudget_stemmen",
    )
    is_chair = models.BooleanField(_("stem van de voorzitter"), default=False)
    choice = models.CharField(_("stem"), max_length=10, choices=Choice.choices)
    motivation = models.TextField(_("motivatie"))
    created_at = models.DateTimeField(_("gestemd op"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("stem")
        verbose_name_plural = _("stemmen")
        constraints = [
            models.UniqueConstraint(fields=["aanvraag", "user"], name="stem_once_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.get_choice_display()} – {self.aanvraag}"


class Belangenmelding(models.Model):
    """A panel member declares a conflict of interest and so does not vote."""

    aanvraag = models.ForeignKey(
        Aanvraag, on_delete=models.CASCADE, related_name="belangenmeldingen"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("melding van belangenverstrengeling")
        verbose_name_plural = _("meldingen van belangenverstrengeling")
        constraints = [
            models.UniqueConstraint(fields=["aanvraag", "user"], name="belangenmelding_unique")
        ]


class Reactie(models.Model):
    """A comment in the panel's discussion; only the panel sees it."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="reacties")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("reactie"))
    created_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reactie van het panel")
        verbose_name_plural = _("reacties van het panel")


class Verantwoording(models.Model):
    """After the activity: what was spent and what it brought (tellen en vertellen)."""

    aanvraag = models.OneToOneField(
        Aanvraag, on_delete=models.CASCADE, related_name="verantwoording"
    )
    spent = money(_("uitgegeven (euro)"), validators=[MinValueValidator(Decimal("0"))])
    result = models.TextField(_("resultaat"))
    story = models.TextField(_("verhaal"), blank=True)
    figures = models.TextField(
        _("cijfers"), blank=True, help_text=_("Bijvoorbeeld: 40 deelnemers, 6 bijeenkomsten.")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verantwoording")
        verbose_name_plural = _("verantwoordingen")
        constraints = [
            models.CheckConstraint(condition=Q(spent__gte=0), name="verantwoording_spent_positive")
        ]
