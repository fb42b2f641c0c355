"""Areas: district (stadsdeel) -> wijk -> buurt, and 4-digit postcodes for lookup."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

postcode4_validator = RegexValidator(
    r"^[1-9][0-9]{3}$", _("Een postcode heeft vier cijfers, zoals 1053.")
)

LATITUDE = [MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))]
LONGITUDE = [MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))]


class Wijk(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    district = models.CharField(_("stadsdeel"), max_length=100, default="West")
    latitude = models.DecimalField(
        _("breedtegraad"), max_digits=9, decimal_places=6, validators=LATITUDE
    )
    longitude = models.DecimalField(
        _("lengtegraad"), max_digits=9, decimal_places=6, validators=LONGITUDE
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def __str__(self) -> str:
        return self.name


class Buurt(models.Model):
    wijk = models.ForeignKey(
        Wijk, on_delete=models.PROTECT, related_name="buurten", verbose_name=_("wijk")
    )
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    is_focusgebied = models.BooleanField(
        _("focusgebied"), default=False, help_text=_("Buurt die extra aandacht krijgt.")
    )
    latitude = models.DecimalField(
        _("breedtegraad"), max_digits=9, decimal_places=6, validators=LATITUDE
    )
    longitude = models.DecimalField(
        _("lengtegraad"), max_digits=9, decimal_places=6, validators=LONGITUDE
    )

    class Meta:
        ordering = ["wijk__name", "name"]
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        constraints = [
            models.UniqueConstraint(fields=["wijk", "name"], name="buurt_unique_name_per_wijk")
        ]

    def __str__(self) -> str:
        return self.name


class Postcode(models.Model):
    """A 4-digit postcode area and the buurt most of its addresses fall in."""

    code = models.CharField(
        _("postcode"), max_length=4, unique=True, validators=[postcode4_validator]
    )
    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="postcodes", verbose_name=_("buurt")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self) -> str:
        return self.code
