"""Vacatures, volunteer profiles, responses (reacties), logged hours and certificates."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtkracht.areas.models import postcode4_validator
from initiatieven.models.base import CleanTextMixin
from vrijwilligers.availability import FULL_MASK
from vrijwilligers.fields import CodeListValidator, DateListField
from vrijwilligers.skills import Language, Skill


def _codes(max_length: int, choices=None, verbose=""):
    """A list of short codes as JSON (portable: PostgreSQL and SQLite), checked on clean."""
    return models.JSONField(
        verbose,
        default=list,
        blank=True,
        validators=[CodeListValidator(max_length, choices)],
    )


class VacatureQuerySet(models.QuerySet):
    def open(self):
        """Open, and not past the end date (even before the nightly job closes it)."""
        today = timezone.localdate()
        return self.filter(status=Vacature.Status.OPEN).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )


class Vacature(CleanTextMixin, models.Model):
    """A volunteer opportunity of an initiatief (its "mensen" need) or of an organisation.

    Its texts are cleaned on every save, so staff edits in the admin hold no markup either.
    """

    PLAIN_TEXT_FIELDS = ("title", "description", "tasks", "address", "organisation_name")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        VERVULD = "vervuld", _("Vervuld")
        GESLOTEN = "gesloten", _("Gesloten")

    class TimeKind(models.TextChoices):
        EENMALIG = "eenmalig", _("Eenmalig, op vaste dag(en)")
        TERUGKEREND = "terugkerend", _("Terugkerend, elke week")

    initiatief = models.ForeignKey(
        "initiatieven.Initiatief",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="vacatures",
        verbose_name=_("initiatief"),
    )
    behoefte = models.ForeignKey(
        "initiatieven.Behoefte",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vacatures",
        limit_choices_to={"kind": "mensen"},
        verbose_name=_("behoefte"),
    )
    organisation_name = models.CharField(_("organisatie"), max_length=120, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="eigen_vacatures",
        verbose_name=_("beheerder"),
    )
    title = models.CharField(_("titel"), max_length=120)
    description = models.TextField(_("beschrijving"))
    tasks = models.TextField(_("wat ga je doen?"), blank=True)
    skills = _codes(20, Skill, _("gevraagde vaardigheden"))
    free_tags = _codes(40, None, _("andere vaardigheden"))
    languages = _codes(5, Language, _("talen"))
    themes = models.ManyToManyField(
        "initiatieven.Thema", blank=True, related_name="vacatures", verbose_name=_("thema's")
    )
    time_kind = models.CharField(
        _("wanneer"), max_length=12, choices=TimeKind.choices, default=TimeKind.TERUGKEREND
    )
    dates = DateListField(_("datums"), default=list, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), null=True, blank=True, validators=[MaxValueValidator(40)]
    )
    availability_mask = models.PositiveIntegerField(_("dagdelen"), default=0)
    wijk = models.ForeignKey(
        "areas.Wijk", on_delete=models.PROTECT, null=True, blank=True, related_name="vacatures"
    )
    buurt = models.ForeignKey(
        "areas.Buurt", on_delete=models.PROTECT, null=True, blank=True, related_name="vacatures"
    )
    address = models.CharField(_("adres"), max_length=200, blank=True)
    is_remote = models.BooleanField(_("op afstand (thuis)"), default=False)
    suits_beginners = models.BooleanField(_("geschikt voor beginners"), default=False)
    suits_disability = models.BooleanField(_("geschikt met een beperking"), default=False)
    suits_newcomers = models.BooleanField(_("geschikt voor nieuwkomers (NT2)"), default=False)
    suits_youth = models.BooleanField(_("geschikt voor jongeren"), default=False)
    min_age = models.PositiveSmallIntegerField(
        _("minimumleeftijd"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    places = models.PositiveSmallIntegerField(
        _("aantal vrijwilligers"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = VacatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")
        indexes = [
            models.Index(fields=["status", "end_date"], name="vacature_open"),
            models.Index(fields=["wijk", "status"], name="vacature_wijk"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(availability_mask__gte=0) & Q(availability_mask__lte=FULL_MASK),
                name="vacature_availability_in_grid",
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="vacature_places_positive"),
            models.CheckConstraint(
                condition=Q(initiatief__isnull=False) | ~Q(organisation_name=""),
                name="vacature_has_initiatief_or_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("vrijwilligers:detail", kwargs={"pk": self.pk})

    @property
    def organisation_label(self) -> str:
        return self.initiatief.title if self.initiatief_id else self.organisation_name

    @property
    def is_open(self) -> bool:
        expired = self.end_date is not None and self.end_date < timezone.localdate()
        return self.status == self.Status.OPEN and not expired

    def skill_labels(self) -> list[str]:
        return [Skill(code).label for code in self.skills if code in Skill.values]


class Profiel(models.Model):
    """A volunteer's profile; private: only the volunteer sees it, owners see a match card."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vrijwilligersprofiel"
    )
    skills = _codes(20, Skill, _("vaardigheden"))
    talents = _codes(40, None, _("andere talenten"))
    themes = models.ManyToManyField(
        "initiatieven.Thema", blank=True, related_name="vrijwilligers", verbose_name=_("thema's")
    )
    availability_mask = models.PositiveIntegerField(_("wanneer kun je?"), default=0)
    postcode = models.CharField(
        _("postcode (4 cijfers)"), max_length=4, blank=True, validators=[postcode4_validator]
    )
    buurt = models.ForeignKey(
        "areas.Buurt", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    max_distance_km = models.PositiveSmallIntegerField(
        _("hoe ver wil je reizen? (km)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    languages = _codes(5, Language, _("talen die je spreekt"))
    wants_to_learn = models.TextField(_("wat wil je graag leren?"), blank=True)
    is_beginner = models.BooleanField(_("ik heb nog weinig ervaring"), default=False)
    needs_accessible = models.BooleanField(_("ik heb een beperking"), default=False)
    is_newcomer = models.BooleanField(_("ik leer nog Nederlands"), default=False)
    is_youth = models.BooleanField(_("ik ben jonger dan 18"), default=False)
    contactable = models.BooleanField(_("organisaties mogen mij benaderen"), default=False)
    is_hidden = models.BooleanField(_("profiel verborgen"), default=False)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("vrijwilligersprofiel")
        verbose_name_plural = _("vrijwilligersprofielen")
        indexes = [models.Index(fields=["contactable", "is_hidden"], name="profiel_contactable")]
        constraints = [
            models.CheckConstraint(
                condition=Q(availability_mask__gte=0) & Q(availability_mask__lte=FULL_MASK),
                name="profiel_availability_in_grid",
            )
        ]

    def __str__(self) -> str:
        return str(self.user.public_name)


class Reactie(models.Model):
    """A volunteer's response to a vacature, and how it went."""

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("Nieuw")
        GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        INGETROKKEN = "ingetrokken", _("Ingetrokken")

    class Outcome(models.TextChoices):
        JA = "ja", _("Ja, het is gelukt")
        NOG_NIET = "nog-niet", _("Nog niet")
        NEE = "nee", _("Nee")

    vacature = models.ForeignKey(Vacature, on_delete=models.CASCADE, related_name="reacties")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vacature_reacties"
    )
    message = models.TextField(_("je bericht"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NIEUW
    )
    decline_note = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    followup_sent_at = models.DateTimeField(_("navraag verstuurd"), null=True, blank=True)
    outcome_volunteer = models.CharField(max_length=8, choices=Outcome.choices, blank=True)
    outcome_owner = models.CharField(max_length=8, choices=Outcome.choices, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        indexes = [
            models.Index(fields=["vacature", "status"], name="reactie_vacature_status"),
            models.Index(fields=["status", "decided_at"], name="reactie_followup"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["vacature", "volunteer"], name="reactie_once_per_vacature"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer.public_name} – {self.vacature}"

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.GEACCEPTEERD


class Uren(models.Model):
    """Hours a volunteer logged on one day for an accepted reactie; the owner confirms."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("Wacht op bevestiging")
        BEVESTIGD = "bevestigd", _("Bevestigd")

    reactie = models.ForeignKey(Reactie, on_delete=models.CASCADE, related_name="uren")
    date = models.DateField(_("datum"))
    hours = models.DecimalField(_("uren"), max_digits=4, decimal_places=2)
    confirmed_hours = models.DecimalField(
        _("bevestigde uren"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("wat heb je gedaan?"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INGEDIEND
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("uren")
        verbose_name_plural = _("uren")
        indexes = [models.Index(fields=["reactie", "status"], name="uren_reactie_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24), name="uren_hours_in_day"
            ),
            models.CheckConstraint(
                condition=Q(confirmed_hours__isnull=True)
                | (Q(confirmed_hours__gt=0) & Q(confirmed_hours__lte=24)),
                name="uren_confirmed_in_day",
            ),
        ]


def verification_code() -> str:
    return secrets.token_hex(6).upper()


class Verklaring(models.Model):
    """A vrijwilligersverklaring: a frozen copy of confirmed hours, checkable by its code."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vrijwilligersverklaringen"
    )
    code = models.CharField(
        _("controlecode"), max_length=12, unique=True, default=verification_code
    )
    name = models.CharField(_("naam"), max_length=150)
    period_start = models.DateField(_("van"))
    period_end = models.DateField(_("tot en met"))
    total_hours = models.DecimalField(_("uren"), max_digits=7, decimal_places=2)
    lines = models.JSONField(_("uren per organisatie"), default=list)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("vrijwilligersverklaring")
        verbose_name_plural = _("vrijwilligersverklaringen")

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("vrijwilligers:verify", kwargs={"code": self.code})
