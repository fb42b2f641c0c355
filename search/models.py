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


class Document(models.Model):
    """One findable thing, as the database engine searches it.

    Filled by the same indexing pipeline as Elasticsearch and always kept up to date,
    also when Elasticsearch is configured, so a fallback has complete data. On
    PostgreSQL the migration adds a generated ``search_vector`` column (Dutch
    configuration, weights A/B/C for title/summary/body) with a GIN index; it is not a
    model field so SQLite can migrate. ``*_text`` hold the accent-folded text.
    ``facet_terms`` holds " theme:groen need:mensen ... " for portable filtering.
    """

    key = models.CharField(_("sleutel"), max_length=100, unique=True)
    source = models.CharField(_("bron"), max_length=40, db_index=True)
    type = models.CharField(_("soort"), max_length=40, db_index=True)
    title = models.CharField(_("titel"), max_length=300)
    url = models.CharField(_("adres"), max_length=500)
    summary = models.TextField(_("samenvatting"), blank=True)
    body = models.TextField(_("tekst"), blank=True)
    wijk = models.CharField(_("wijk"), max_length=100, blank=True, db_index=True)
    wijk_label = models.CharField(_("naam wijk"), max_length=200, blank=True)
    buurt = models.CharField(_("buurt"), max_length=100, blank=True)
    buurt_label = models.CharField(_("naam buurt"), max_length=200, blank=True)
    themes = models.JSONField(_("thema's"), default=list, blank=True)
    theme_labels = models.JSONField(_("namen thema's"), default=list, blank=True)
    needs = models.JSONField(_("behoeften"), default=list, blank=True)
    skills = models.JSONField(_("vaardigheden"), default=list, blank=True)
    suitable_for = models.JSONField(_("geschikt voor"), default=list, blank=True)
    facet_terms = models.TextField(_("filterwaarden"), blank=True)
    latitude = models.FloatField(_("breedtegraad"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad"), null=True, blank=True)
    starts_at = models.DateTimeField(_("begint op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), null=True, blank=True)
    popularity = models.FloatField(_("populariteit"), default=0)
    title_text = models.TextField(blank=True)
    summary_text = models.TextField(blank=True)
    body_text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")

    def __str__(self):
        return self.key


class Woord(models.Model):
    """A word from an indexed title or summary: the vocabulary for "bedoelde je".

    Rows are added while indexing and pruned by ``search_index --rebuild`` and
    ``--check``; a stale word only costs a suggestion that finds nothing.
    """

    word = models.CharField(_("woord"), max_length=30, unique=True)
    length = models.PositiveSmallIntegerField(_("lengte"))

    class Meta:
        verbose_name = _("woord")
        verbose_name_plural = _("woorden")
        indexes = [models.Index(fields=["length"], name="woord_length")]

    def __str__(self):
        return self.word
