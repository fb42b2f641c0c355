"""Shared parts: default amounts, the money field and the abstract budget line."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_BUDGET = Decimal("40000.00")
DEFAULT_SMALL_PERCENT = 30
DEFAULT_MAX_AMOUNT = Decimal("5000.00")
DEFAULT_QUORUM = 3
POSITIVE = [MinValueValidator(Decimal("0.01"))]


def money(verbose_name, **kwargs) -> models.DecimalField:
    """Euros with cents, stored exactly."""
    return models.DecimalField(verbose_name, max_digits=10, decimal_places=2, **kwargs)


class Begrotingsregel(models.Model):
    """One line of a budget: what it is for and what it costs."""

    description = models.CharField(_("post"), max_length=140)
    amount = money(_("bedrag (euro)"), validators=POSITIVE)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return f"{self.description}: {self.amount}"
