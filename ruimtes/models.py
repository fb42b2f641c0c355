"""Locations (centres, Huizen van de Buurt, buurtkamers), their rooms and bookings.

Times are stored in UTC and shown in Europe/Amsterdam; opening hours are local wall-clock
times per weekday, so a DST week simply has one hour more or less of real time.
The "no double booking" rule lives in PostgreSQL as an exclusion constraint on
``tstzrange(starts_at, blocked_until)`` (see migration 0002); ``blocked_until`` is the end
plus the room's cleaning buffer.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

EXCLUSION_CONSTRAINT = "ruimtes_boeking_no_overlap"


class Locatie(models.Model):
    class Kind(models.TextChoices):
        MFC = "mfc", _("Multifunctioneel centrum")
        HUIS_VAN_DE_BUURT = "huis", _("Huis van de Buurt")
        BUURTKAMER = "buurtkamer", _("Buurtkamer")
        ANDERS = "anders", _("Anders")

    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    address = models.CharField(_("adres"), max_length=200)
    wijk = models.ForeignKey(
        "areas.Wijk", on_delete=models.PROTECT, related_name="locaties", verbose_name=_("wijk")
    )
    latitude = models.DecimalField(
        _("breedtegraad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("lengtegraad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    description = models.TextField(_("beschrijving"), blank=True)
    step_free = models.BooleanField(_("drempelvrije ingang"), default=False)
    accessible_toilet = models.BooleanField(_("toegankelijk toilet"), default=False)
    hearing_loop = models.BooleanField(_("ringleiding"), default=False)
    lift = models.BooleanField(_("lift"), default=False)
    approval_required = models.BooleanField(
        _("aanvragen altijd laten goedkeuren"),
        default=False,
        help_text=_("Uit: geverifieerde bewoners krijgen direct een bevestiging."),
    )
    reserve_percent = models.PositiveSmallIntegerField(
        _("vrij houden voor losse aanvragen (%)"), default=15
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="beheerde_locaties",
        verbose_name=_("beheerders"),
    )

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reserve_percent__lte=100), name="ruimtes_locatie_reserve_max_100"
            ),
        ]

    def __str__(self):
        return self.name


class LocatieFoto(models.Model):
    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="fotos")
    image = models.ImageField(_("foto"), upload_to="ruimtes/")
    alt = models.CharField(_("beschrijving van de foto"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("foto")
        verbose_name_plural = _("foto's")
        ordering = ["position", "pk"]


class Openingstijd(models.Model):
    class Weekday(models.IntegerChoices):
        MAANDAG = 0, _("maandag")
        DINSDAG = 1, _("dinsdag")
        WOENSDAG = 2, _("woensdag")
        DONDERDAG = 3, _("donderdag")
        VRIJDAG = 4, _("vrijdag")
        ZATERDAG = 5, _("zaterdag")
        ZONDAG = 6, _("zondag")

    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="openingstijden")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    opens_at = models.TimeField(_("open vanaf"))
    closes_at = models.TimeField(_("open tot"))

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ["weekday", "opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="ruimtes_open_before_close"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="ruimtes_weekday_range"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"


class Sluiting(models.Model):
    """Days the location is closed (holiday, maintenance), both dates included."""

    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="sluitingen")
    starts_on = models.DateField(_("gesloten vanaf"))
    ends_on = models.DateField(_("gesloten tot en met"))
    reason = models.CharField(_("reden"), max_length=200)

    class Meta:
        verbose_name = _("sluiting")
        verbose_name_plural = _("sluitingen")
        ordering = ["starts_on"]
        indexes = [models.Index(fields=["locatie", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="ruimtes_sluiting_order"
            ),
        ]

    def __str__(self):
        return f"{self.starts_on} - {self.ends_on}: {self.reason}"


class Voorziening(models.Model):
    """A facility a room can have: keuken, beamer, wifi, piano, ..."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=80)

    class Meta:
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Ruimte(models.Model):
    locatie = models.ForeignKey(
        Locatie, on_delete=models.CASCADE, related_name="ruimtes", verbose_name=_("locatie")
    )
    name = models.CharField(_("naam"), max_length=120)
    capacity = models.PositiveSmallIntegerField(_("aantal personen"))
    floor_area = models.PositiveSmallIntegerField(_("oppervlakte (m²)"), null=True, blank=True)
    voorzieningen = models.ManyToManyField(
        Voorziening, blank=True, related_name="ruimtes", verbose_name=_("voorzieningen")
    )
    min_minutes = models.PositiveSmallIntegerField(_("kortste boeking (minuten)"), default=30)
    max_minutes = models.PositiveSmallIntegerField(_("langste boeking (minuten)"), default=480)
    buffer_minutes = models.PositiveSmallIntegerField(
        _("schoonmaaktijd na een boeking (minuten)"), default=0
    )
    hourly_rate = models.DecimalField(
        _("uurprijs commercieel gebruik (euro)"), max_digits=7, decimal_places=2, default=0
    )
    is_bookable = models.BooleanField(_("te boeken"), default=True)

    class Meta:
        verbose_name = _("ruimte")
        verbose_name_plural = _("ruimtes")
        ordering = ["locatie__name", "name"]
        indexes = [models.Index(fields=["is_bookable", "capacity"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_minutes__gte=models.F("min_minutes")), name="ruimtes_min_le_max"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="ruimtes_capacity_positive"),
            models.CheckConstraint(
                condition=Q(hourly_rate__gte=0), name="ruimtes_rate_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.locatie.name})"

    def get_absolute_url(self):
        return reverse("ruimtes:ruimte", args=[self.pk])

    @property
    def buffer(self) -> timedelta:
        return timedelta(minutes=self.buffer_minutes)


class BookerType(models.TextChoices):
    BEWONERSINITIATIEF = "bewoners", _("Bewonersinitiatief")
    MAATSCHAPPELIJK = "maatschappelijk", _("Maatschappelijke organisatie")
    COMMERCIEEL = "commercieel", _("Commercieel")


class Serie(models.Model):
    """A weekly or two-weekly series of bookings, made in one go."""

    ruimte = models.ForeignKey(Ruimte, on_delete=models.CASCADE, related_name="series")
    booker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="boekingseries"
    )
    interval_weeks = models.PositiveSmallIntegerField(_("om de hoeveel weken"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reeks")
        verbose_name_plural = _("reeksen")
        constraints = [
            models.CheckConstraint(
                condition=Q(interval_weeks__in=[1, 2]), name="ruimtes_serie_interval"
            ),
        ]


class BoekingQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Boeking.Status.BEVESTIGD)

    def active(self):
        return self.filter(status__in=[Boeking.Status.AANGEVRAAGD, Boeking.Status.BEVESTIGD])

    def overlapping(self, starts_at, blocked_until):
        return self.filter(starts_at__lt=blocked_until, blocked_until__gt=starts_at)


class Boeking(models.Model):
    class Status(models.TextChoices):
        AANGEVRAAGD = "aangevraagd", _("Aangevraagd")
        BEVESTIGD = "bevestigd", _("Bevestigd")
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")

    ruimte = models.ForeignKey(
        Ruimte, on_delete=models.PROTECT, related_name="boekingen", verbose_name=_("ruimte")
    )
    booker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="boekingen",
        verbose_name=_("geboekt door"),
    )
    serie = models.ForeignKey(
        Serie, on_delete=models.SET_NULL, null=True, blank=True, related_name="boekingen"
    )
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    blocked_until = models.DateTimeField(_("bezet tot (met schoonmaaktijd)"))
    title = models.CharField(_("titel"), max_length=120)
    title_is_public = models.BooleanField(_("titel openbaar tonen"), default=False)
    purpose = models.TextField(_("waarvoor"), blank=True)
    expected_people = models.PositiveSmallIntegerField(_("verwacht aantal mensen"))
    booker_type = models.CharField(_("soort gebruik"), max_length=16, choices=BookerType.choices)
    behoefte = models.ForeignKey(
        "initiatieven.Behoefte",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="boekingen",
        limit_choices_to={"kind": "ruimte"},
        verbose_name=_("behoefte van een initiatief"),
    )
    price = models.DecimalField(_("prijs (euro)"), max_digits=8, decimal_places=2, default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.AANGEVRAAGD
    )
    decision_reason = models.CharField(_("reden"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BoekingQuerySet.as_manager()

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["ruimte", "status", "starts_at"]),
            models.Index(fields=["booker", "starts_at"]),
            models.Index(fields=["status", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="ruimtes_boeking_order"
            ),
            models.CheckConstraint(
                condition=Q(blocked_until__gte=models.F("ends_at")),
                name="ruimtes_boeking_blocked_after_end",
            ),
            models.CheckConstraint(
                condition=Q(expected_people__gte=1), name="ruimtes_boeking_people"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.ruimte})"

    def get_absolute_url(self):
        return reverse("ruimtes:boeking", args=[self.pk])

    @property
    def duration(self) -> timedelta:
        return self.ends_at - self.starts_at

    @property
    def public_title(self) -> str:
        return self.title if self.title_is_public else str(_("Bezet"))


class Agenda(models.Model):
    """The secret address of a user's personal calendar feed; resetting makes a new one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ruimtes_agenda"
    )
    token = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("persoonlijke agenda")
        verbose_name_plural = _("persoonlijke agenda's")

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)
