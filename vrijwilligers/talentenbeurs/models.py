"""A Talentenbeurs: residents (Deelnemer) meet organisations (Tafel) in short
conversations (Gesprek) in numbered slots.

Slots are not rows: slot ``n`` starts at ``start_time + n * slot_minutes``. Talents,
wishes, offers and the slots someone is present are short lists of codes (JSON, so the
development database may be SQLite); services check them against the fixed choices.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vrijwilligers.skills import Skill


class Soort(models.TextChoices):
    """What a resident wishes for, and what a table offers."""

    WERK = "werk", _("Werk")
    STAGE = "stage", _("Stage")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Vrijwilligerswerk")
    OPLEIDING = "opleiding", _("Opleiding")


class Uitkomst(models.TextChoices):
    """The outcome of one conversation, recorded by an organiser."""

    BAAN = "baan", _("Baan")
    STAGE = "stage", _("Stage")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Vrijwilligerswerk")
    OPLEIDING = "opleiding", _("Opleiding")
    VERVOLGGESPREK = "vervolggesprek", _("Vervolggesprek")
    GEEN = "geen", _("Geen match")
    AFWEZIG = "afwezig", _("Niet gehouden")


def labels(codes, choices) -> str:
    """Stored codes as a readable, comma-separated list of their labels."""
    names = dict(choices)
    return ", ".join(str(names.get(code, code)) for code in codes or [])


MATCH_OUTCOMES = frozenset(
    {Uitkomst.BAAN, Uitkomst.STAGE, Uitkomst.VRIJWILLIGERSWERK, Uitkomst.OPLEIDING}
    | {Uitkomst.VERVOLGGESPREK}
)

MAX_SLOTS = 48
MAX_CONVERSATIONS = 12


class Talentenbeurs(models.Model):
    title = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    date = models.DateField(_("datum"))
    location = models.CharField(_("plaats"), max_length=200)
    start_time = models.TimeField(_("eerste gesprek om"))
    slot_minutes = models.PositiveSmallIntegerField(_("minuten per gesprek"), default=10)
    slot_count = models.PositiveSmallIntegerField(_("aantal gespreksrondes"), default=12)
    max_per_resident = models.PositiveSmallIntegerField(
        _("gesprekken per bewoner"),
        default=4,
        help_text=_("Het rooster geeft iedere bewoner hoogstens zoveel gesprekken."),
    )
    registration_open = models.BooleanField(_("aanmelden open"), default=True)
    is_published = models.BooleanField(_("gepubliceerd"), default=True)
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisatoren"),
        related_name="georganiseerde_talentenbeurzen",
        blank=True,
    )
    scheduled_at = models.DateTimeField(_("rooster gemaakt op"), null=True, blank=True)
    schedule_total = models.PositiveIntegerField(_("totale matchscore"), null=True, blank=True)
    schedule_upper_bound = models.PositiveIntegerField(_("bovengrens"), null=True, blank=True)
    schedule_gap = models.FloatField(_("verschil met de bovengrens (%)"), null=True, blank=True)
    schedule_seconds = models.FloatField(_("rekentijd (s)"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("talentenbeurs")
        verbose_name_plural = _("talentenbeurzen")
        indexes = [models.Index(fields=["is_published", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(slot_minutes__gte=1, slot_minutes__lte=120),
                name="talentenbeurs_slot_minutes_range",
                violation_error_message=_("Een gesprek duurt 1 tot 120 minuten."),
            ),
            models.CheckConstraint(
                condition=models.Q(slot_count__gte=1, slot_count__lte=MAX_SLOTS),
                name="talentenbeurs_slot_count_range",
                violation_error_message=_("Kies 1 tot 48 gespreksrondes."),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    max_per_resident__gte=1, max_per_resident__lte=MAX_CONVERSATIONS
                ),
                name="talentenbeurs_max_per_resident_range",
                violation_error_message=_("Kies 1 tot 12 gesprekken per bewoner."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("talentenbeurs:detail", kwargs={"slug": self.slug})

    def slot_start(self, number: int) -> datetime:
        first = datetime.combine(self.date, self.start_time)
        return first + timedelta(minutes=self.slot_minutes * number)

    def slots(self) -> list[dict]:
        """Every slot: number (0-based), label (1-based), start and end time."""
        return [
            {
                "number": n,
                "label": n + 1,
                "start": self.slot_start(n).time(),
                "end": self.slot_start(n + 1).time(),
            }
            for n in range(self.slot_count)
        ]

    @property
    def end_time(self):
        return self.slot_start(self.slot_count).time()


class Deelnemer(models.Model):
    """A resident registered for a Talentenbeurs."""

    beurs = models.ForeignKey(Talentenbeurs, on_delete=models.CASCADE, related_name="deelnemers")
    # SET_NULL: a deleted account keeps the event's figures (see apps.py anonymiser).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="talentenbeurs_deelnames",
    )
    talents = models.JSONField(_("talenten"), default=list)
    wishes = models.JSONField(_("wensen"), default=list)
    slots = models.JSONField(_("aanwezig in rondes"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(
                fields=["beurs", "user"],
                name="talentenbeurs_deelnemer_once",
                violation_error_message=_("Je bent al aangemeld voor deze talentenbeurs."),
            )
        ]

    def __str__(self):
        return f"{self.name} @ {self.beurs}"

    @property
    def talent_labels(self) -> str:
        return labels(self.talents, Skill.choices)

    @property
    def wish_labels(self) -> str:
        return labels(self.wishes, Soort.choices)

    @property
    def name(self) -> str:
        return self.user.public_name if self.user_id else str(_("Oud-deelnemer"))


class Tafel(models.Model):
    """An organisation's table at a Talentenbeurs."""

    beurs = models.ForeignKey(Talentenbeurs, on_delete=models.CASCADE, related_name="tafels")
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="talentenbeurs_tafels",
    )
    organisation = models.CharField(_("organisatie"), max_length=120)
    description = models.TextField(_("wat je aanbiedt"), blank=True)
    offer_kinds = models.JSONField(_("aanbod"), default=list)
    sought_talents = models.JSONField(_("gezochte talenten"), default=list)
    slots = models.JSONField(_("aanwezig in rondes"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation"]
        verbose_name = _("tafel")
        verbose_name_plural = _("tafels")
        constraints = [
            models.UniqueConstraint(
                fields=["beurs", "contact"],
                name="talentenbeurs_tafel_one_per_contact",
                violation_error_message=_("Je hebt al een tafel bij deze talentenbeurs."),
            ),
            models.UniqueConstraint(
                fields=["beurs", "organisation"],
                name="talentenbeurs_tafel_unique_name",
                violation_error_message=_("Deze organisatie heeft al een tafel."),
            ),
        ]

    def __str__(self):
        return self.organisation

    @property
    def offer_labels(self) -> str:
        return labels(self.offer_kinds, Soort.choices)

    @property
    def talent_labels(self) -> str:
        return labels(self.sought_talents, Skill.choices)


class Gesprek(models.Model):
    """One scheduled conversation; the organiser records its outcome afterwards."""

    beurs = models.ForeignKey(Talentenbeurs, on_delete=models.CASCADE, related_name="gesprekken")
    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="gesprekken")
    tafel = models.ForeignKey(Tafel, on_delete=models.CASCADE, related_name="gesprekken")
    slot = models.PositiveSmallIntegerField(_("ronde"))
    score = models.PositiveSmallIntegerField(_("matchscore"))
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["slot", "tafel__organisation"]
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        indexes = [models.Index(fields=["beurs", "outcome"])]
        constraints = [
            models.UniqueConstraint(
                fields=["deelnemer", "slot"], name="talentenbeurs_resident_slot"
            ),
            models.UniqueConstraint(fields=["tafel", "slot"], name="talentenbeurs_table_slot"),
            models.UniqueConstraint(fields=["deelnemer", "tafel"], name="talentenbeurs_pair_once"),
            models.CheckConstraint(
                condition=models.Q(score__lte=100), name="talentenbeurs_score_max_100"
            ),
        ]

    def __str__(self):
        return f"{self.deelnemer} - {self.tafel} ({self.slot + 1})"

    @property
    def starts_at(self):
        return self.beurs.slot_start(self.slot).time()

    @property
    def ends_at(self):
        return self.beurs.slot_start(self.slot + 1).time()
