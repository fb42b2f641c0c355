"""Initiatieven and wijkondernemingen, what they need (behoeften), and the fixed lists they use.

Other apps plug into an initiatief without this app knowing them (STYLE 2):

- a vacature points at a ``Behoefte`` of kind ``mensen``, a room booking at one of kind
  ``ruimte``, a donation goal at one of kind ``geld`` (each with its own foreign key
  to ``Behoefte``);
- they tell the initiatief page what they add with ``initiatieven.needs.register``.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtkracht.areas.models import LATITUDE, LONGITUDE
from initiatieven.models.base import CleanTextMixin

kvk_validator = RegexValidator(r"^[0-9]{8}$", _("Een KvK-nummer heeft precies 8 cijfers."))


class ThemeCode(models.TextChoices):
    ONTMOETING = "ontmoeting", _("Ontmoeting")
    GROEN = "groen", _("Groen")
    ETEN = "eten-en-koken", _("Eten en koken")
    TAAL = "taal", _("Taal")
    JEUGD = "jeugd", _("Jeugd")
    OUDEREN = "ouderen", _("Ouderen")
    ZORG = "zorg-en-welzijn", _("Zorg en welzijn")
    CULTUUR = "cultuur", _("Cultuur")
    SPORT = "sport", _("Sport")
    GELDZAKEN = "geldzaken-en-armoede", _("Geldzaken en armoede")
    DUURZAAMHEID = "duurzaamheid", _("Duurzaamheid")
    VEILIGHEID = "veiligheid", _("Veiligheid")


class PriorityCode(models.TextChoices):
    """The district's four priority problems (DOMAIN.md)."""

    ARMOEDE = "armoede", _("Armoede")
    MEEDOEN = "meedoen", _("Meedoen")
    ZELFREDZAAMHEID = "zelfredzaamheid", _("Zelfredzaamheid")
    SOCIAAL_ISOLEMENT = "sociaal-isolement", _("Sociaal isolement")


class Thema(models.Model):
    """One row per ``ThemeCode`` (made by the migration), so filters use a join."""

    code = models.CharField(_("code"), max_length=40, unique=True, choices=ThemeCode.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        return ThemeCode(self.code).label


class Prioriteit(models.Model):
    """One row per ``PriorityCode`` (made by the migration)."""

    code = models.CharField(_("code"), max_length=40, unique=True, choices=PriorityCode.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("prioriteit")
        verbose_name_plural = _("prioriteiten")

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        return PriorityCode(self.code).label


class Initiatief(CleanTextMixin, models.Model):
    PLAIN_TEXT_FIELDS = ("title", "summary", "earning_model", "address", "rejection_reason")
    RICH_TEXT_FIELDS = ("description",)

    class Kind(models.TextChoices):
        INITIATIEF = "initiatief", _("Initiatief")
        WIJKONDERNEMING = "wijkonderneming", _("Wijkonderneming")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        INGEDIEND = "ingediend", _("Ingediend")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
        AFGEROND = "afgerond", _("Afgerond")
        GEARCHIVEERD = "gearchiveerd", _("Gearchiveerd")

    # Visible to everyone (when not hidden by a moderator).
    PUBLIC_STATUSES = (Status.GEPUBLICEERD, Status.AFGEROND)

    title = models.CharField(_("titel"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    summary = models.CharField(
        _("korte samenvatting"),
        max_length=200,
        help_text=_("In één of twee zinnen: wat doen jullie? Maximaal 200 tekens."),
    )
    description = models.TextField(_("beschrijving"), blank=True)
    kind = models.CharField(
        _("soort"), max_length=20, choices=Kind.choices, default=Kind.INITIATIEF
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    themes = models.ManyToManyField(Thema, related_name="initiatieven", verbose_name=_("thema's"))
    priorities = models.ManyToManyField(
        Prioriteit,
        blank=True,
        related_name="initiatieven",
        verbose_name=_("prioriteiten van het stadsdeel"),
    )
    wijk = models.ForeignKey(
        "areas.Wijk", on_delete=models.PROTECT, related_name="initiatieven", verbose_name=_("wijk")
    )
    buurt = models.ForeignKey(
        "areas.Buurt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatieven",
        verbose_name=_("buurt"),
    )
    address = models.CharField(_("adres"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LATITUDE,
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LONGITUDE,
    )
    owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Eigenaar",
        related_name="eigen_initiatieven",
        verbose_name=_("eigenaren"),
    )

    # Wijkonderneming only.
    earning_model = models.TextField(
        _("verdienmodel"),
        blank=True,
        help_text=_(
            "Hoe verdient de wijkonderneming geld? Bijvoorbeeld verhuur, verkoop of opdrachten."
        ),
    )
    income_coverage_percent = models.PositiveSmallIntegerField(
        _("eigen inkomsten (% van de kosten)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1000)],
        help_text=_("Welk deel van de kosten betalen jullie met eigen inkomsten? Per jaar."),
    )
    income_coverage_year = models.PositiveSmallIntegerField(
        _("jaar van dit cijfer"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    work_experience_places = models.PositiveSmallIntegerField(
        _("werkervaringsplekken"), default=0, validators=[MaxValueValidator(500)]
    )
    kvk_number = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[kvk_validator]
    )

    # Lifecycle and moderation.
    is_hidden = models.BooleanField(_("verborgen door moderator"), default=False, db_index=True)
    rejection_reason = models.TextField(_("reden van afwijzing"), blank=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    last_activity_at = models.DateTimeField(
        _("laatste activiteit"),
        null=True,
        blank=True,
        help_text=_("Laatste update of wijziging; voor de sortering 'recent actief'."),
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        indexes = [
            models.Index(
                fields=["status", "is_hidden", "-published_at"], name="initiatief_listing"
            ),
            models.Index(
                fields=["status", "is_hidden", "-last_activity_at"], name="initiatief_active"
            ),
            models.Index(fields=["wijk", "status"], name="initiatief_wijk"),
            models.Index(fields=["kind", "status"], name="initiatief_kind"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatieven:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES and not self.is_hidden

    @property
    def is_wijkonderneming(self) -> bool:
        return self.kind == self.Kind.WIJKONDERNEMING


class Eigenaar(models.Model):
    """A user who may edit an initiatief; the first owner made it."""

    initiatief = models.ForeignKey(
        Initiatief, on_delete=models.CASCADE, related_name="eigenaarschappen"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="initiatief_eigenaarschappen",
    )
    is_creator = models.BooleanField(_("maker"), default=False)
    added_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("eigenaar")
        verbose_name_plural = _("eigenaren")
        constraints = [
            models.UniqueConstraint(fields=["initiatief", "user"], name="eigenaar_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.initiatief}"


def foto_path(instance: "Foto", filename: str) -> str:
    return f"initiatieven/{instance.initiatief_id}/{filename}"


class Foto(CleanTextMixin, models.Model):
    PLAIN_TEXT_FIELDS = ("alt_text",)
    MAX_PER_INITIATIEF = 5

    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="fotos")
    image = models.ImageField(_("foto"), upload_to=foto_path)
    alt_text = models.CharField(
        _("wat staat er op de foto?"),
        max_length=200,
        help_text=_(
            "Voor wie de foto niet kan zien. Bijvoorbeeld: buren planten samen bloembollen."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("foto")
        verbose_name_plural = _("foto's")

    def __str__(self) -> str:
        return self.alt_text


class Behoefte(CleanTextMixin, models.Model):
    """Something an initiatief needs: people, space, money or things.

    Until another app links to it, a need is a described item with a status. Vacatures,
    room bookings and donation goals point here with their own foreign key, so this
    model does not change when they arrive.
    """

    PLAIN_TEXT_FIELDS = ("title", "description")

    class Kind(models.TextChoices):
        MENSEN = "mensen", _("Mensen")
        RUIMTE = "ruimte", _("Ruimte")
        GELD = "geld", _("Geld")
        SPULLEN = "spullen", _("Spullen")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        VERVULD = "vervuld", _("Vervuld")

    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="behoeften")
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("wat is er nodig?"), max_length=120)
    description = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    people_wanted = models.PositiveSmallIntegerField(
        _("aantal mensen"), null=True, blank=True, validators=[MaxValueValidator(1000)]
    )
    amount_wanted = models.DecimalField(
        _("bedrag (euro)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    fulfilled_at = models.DateTimeField(_("vervuld op"), null=True, blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("behoefte")
        verbose_name_plural = _("behoeften")
        indexes = [models.Index(fields=["kind", "status"], name="behoefte_kind_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_wanted__isnull=True) | models.Q(amount_wanted__gt=0),
                name="behoefte_amount_positive",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
