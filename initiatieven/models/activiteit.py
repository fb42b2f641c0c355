"""Updates ("tellen en vertellen") with figures, and who follows an initiatief."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from initiatieven.models.base import CleanTextMixin
from initiatieven.models.initiatief import Initiatief


def update_foto_path(instance: "UpdateFoto", filename: str) -> str:
    return f"initiatieven/{instance.update.initiatief_id}/updates/{filename}"


class Update(CleanTextMixin, models.Model):
    """News from the owners: text, an optional photo and figures that add up to impact."""

    PLAIN_TEXT_FIELDS = ("text",)

    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatief_updates",
        verbose_name=_("geschreven door"),
    )
    text = models.TextField(_("tekst"))
    is_hidden = models.BooleanField(_("verborgen door moderator"), default=False)
    created_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        indexes = [models.Index(fields=["initiatief", "-created_at"], name="update_timeline")]

    def __str__(self) -> str:
        return f"{self.initiatief} – {self.created_at:%d-%m-%Y}"


class UpdateFoto(CleanTextMixin, models.Model):
    MAX_PER_UPDATE = 3
    PLAIN_TEXT_FIELDS = ("alt_text",)

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="fotos")
    image = models.ImageField(_("foto"), upload_to=update_foto_path)
    alt_text = models.CharField(_("wat staat er op de foto?"), max_length=200)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("foto bij een update")
        verbose_name_plural = _("foto's bij updates")

    def __str__(self) -> str:
        return self.alt_text


class Cijfer(CleanTextMixin, models.Model):
    """One figure in an update: how many people, volunteers, hours or meals (or own label)."""

    PLAIN_TEXT_FIELDS = ("label",)

    class Kind(models.TextChoices):
        BEREIKT = "bereikt", _("Mensen bereikt")
        VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligers betrokken")
        UREN = "uren", _("Uren gegeven")
        MAALTIJDEN = "maaltijden", _("Maaltijden geserveerd")
        ANDERS = "anders", _("Anders")

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="cijfers")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    label = models.CharField(
        _("eigen omschrijving"),
        max_length=60,
        blank=True,
        help_text=_("Alleen bij 'anders', bijvoorbeeld: fietsen gerepareerd."),
    )
    value = models.PositiveIntegerField(_("aantal"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("cijfer")
        verbose_name_plural = _("cijfers")
        constraints = [
            models.CheckConstraint(condition=models.Q(value__gt=0), name="cijfer_value_positive"),
            models.CheckConstraint(
                condition=~models.Q(kind="anders") | ~models.Q(label=""),
                name="cijfer_anders_has_label",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value} {self.display_label}"

    @property
    def display_label(self) -> str:
        return self.label if self.kind == self.Kind.ANDERS else str(self.get_kind_display())


class Volger(models.Model):
    """A user who gets the daily digest of an initiatief's new updates."""

    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="volgers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gevolgde_initiatieven"
    )
    created_at = models.DateTimeField(_("volgt sinds"), auto_now_add=True)
    # Updates after this moment go in the next digest.
    digest_sent_until = models.DateTimeField(_("digest verstuurd tot"))

    class Meta:
        verbose_name = _("volger")
        verbose_name_plural = _("volgers")
        constraints = [models.UniqueConstraint(fields=["initiatief", "user"], name="volger_unique")]

    def __str__(self) -> str:
        return f"{self.user} → {self.initiatief}"
