"""Reports ("melden"), contact messages to the owners, and co-owner invitations."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from initiatieven.models.activiteit import Update
from initiatieven.models.base import CleanTextMixin
from initiatieven.models.initiatief import Initiatief


class MeldingBase(CleanTextMixin, models.Model):
    """A report a moderator hides or keeps, with a reason. Subclasses add what is reported
    and who reported it (each its own ``related_name`` on the user)."""

    PLAIN_TEXT_FIELDS = ("reason", "decision_reason")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        VERBORGEN = "verborgen", _("Verborgen")
        BEHOUDEN = "behouden", _("Behouden")

    reason = models.TextField(_("wat is er mis?"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    decision_reason = models.TextField(_("reden van het besluit"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandeld door"),
    )
    handled_at = models.DateTimeField(_("behandeld op"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]


class Melding(MeldingBase):
    """Someone reports an initiatief or one of its updates; a moderator hides or keeps it."""

    initiatief = models.ForeignKey(
        Initiatief, on_delete=models.CASCADE, related_name="meldingen", verbose_name=_("initiatief")
    )
    update = models.ForeignKey(
        Update,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meldingen",
        verbose_name=_("update"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatief_meldingen",
        verbose_name=_("gemeld door"),
    )

    class Meta(MeldingBase.Meta):
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        indexes = [models.Index(fields=["status", "-created_at"], name="melding_queue")]

    def __str__(self) -> str:
        return f"{self.initiatief} ({self.get_status_display()})"

    @property
    def subject(self) -> str:
        return str(_("Update")) if self.update_id else str(_("Initiatief"))


class Bericht(CleanTextMixin, models.Model):
    """A message sent through the contact form; the owners get it by mail."""

    PLAIN_TEXT_FIELDS = ("message",)

    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="berichten")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="initiatief_berichten",
    )
    message = models.TextField(_("bericht"))
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")

    def __str__(self) -> str:
        return f"{self.initiatief} – {self.created_at:%d-%m-%Y}"


def _token() -> str:
    return secrets.token_urlsafe(32)


class Uitnodiging(models.Model):
    """An owner invites someone by e-mail to become co-owner; the link holds the token."""

    initiatief = models.ForeignKey(
        Initiatief, on_delete=models.CASCADE, related_name="uitnodigingen"
    )
    email = models.EmailField(_("e-mailadres"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(_("uitgenodigd op"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.email} → {self.initiatief}"
