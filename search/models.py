from django.db import models
from django.utils.translation import gettext_lazy as _


class Zoekterm(models.Model):
    """How often a term was searched on a day, and how often it found nothing.

    Anonymous on purpose: no user, no IP address, no time of day. The zero-result counts
    are demand on the sociale kaart; the others feed "veel gezocht".
    """

    term = models.CharField(_("zoekterm"), max_length=100)
    wijk = models.CharField(_("wijk"), max_length=100, blank=True)  # the wijk filter, a slug
    day = models.DateField(_("dag"))
    searches = models.PositiveIntegerField(_("zoekopdrachten"), default=0)
    zero_results = models.PositiveIntegerField(_("zonder resultaat"), default=0)

    class Meta:
        verbose_name = _("zoekterm")
        verbose_name_plural = _("zoektermen")
        constraints = [
            models.UniqueConstraint(fields=["term", "wijk", "day"], name="zoekterm_per_dag"),
            models.CheckConstraint(
                condition=models.Q(zero_results__lte=models.F("searches")),
                name="zoekterm_zero_within_searches",
            ),
        ]
        indexes = [
            models.Index(fields=["day", "wijk"], name="zoekterm_day_wijk"),
        ]

    def __str__(self):
        return self.term
