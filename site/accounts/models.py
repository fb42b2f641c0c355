"""Accounts: a user signs in by e-mail; roles scoped to a wijk or buurt live in Membership."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account. There is no username: the e-mail address is the login."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    display_name = models.CharField(
        _("naam op de site"),
        max_length=80,
        blank=True,
        help_text=_("Deze naam zien anderen bij wat je plaatst. Je e-mailadres blijft geheim."),
    )
    home_wijk = models.ForeignKey(
        "areas.Wijk",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mijn wijk"),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown to others: never the e-mail address."""
        return self.display_name or gettext("Buurtbewoner")

    # Wagtail's admin asks for these.
    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email


class Role(models.TextChoices):
    """Roles that hold for one wijk or buurt. Site-wide roles are Django groups."""

    INSPIRATIETEAM = "inspiratieteam", _("Inspiratieteam (wijk)")
    REGIEGROEP = "regiegroep", _("Regiegroep (buurt)")
    PROFESSIONAL = "professional", _("Professional (wijk)")


class Membership(models.Model):
    """A user holds a scoped role: a panel seat in a wijk, a regiegroep seat in a buurt."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    wijk = models.ForeignKey(
        "areas.Wijk", on_delete=models.CASCADE, null=True, blank=True, related_name="memberships"
    )
    buurt = models.ForeignKey(
        "areas.Buurt", on_delete=models.CASCADE, null=True, blank=True, related_name="memberships"
    )
    is_chair = models.BooleanField(_("voorzitter"), default=False)
    title = models.CharField(
        _("functie"),
        max_length=80,
        blank=True,
        help_text=_("Bijvoorbeeld buurtcoördinator of sociaal makelaar."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            # A wijk role names a wijk and no buurt; a buurt role names a buurt and no wijk.
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(role="regiegroep", buurt__isnull=False, wijk__isnull=True)
                    | Q(
                        role__in=["inspiratieteam", "professional"],
                        wijk__isnull=False,
                        buurt__isnull=True,
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "wijk"], name="membership_unique_wijk_role"
            ),
            models.UniqueConstraint(
                fields=["user", "role", "buurt"], name="membership_unique_buurt_role"
            ),
            models.UniqueConstraint(
                fields=["role", "wijk"],
                condition=Q(is_chair=True),
                name="membership_one_chair_per_panel",
            ),
        ]
        indexes = [models.Index(fields=["role", "wijk"]), models.Index(fields=["role", "buurt"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} {self.wijk or self.buurt}"


class ApiToken(models.Model):
    """A personal token for the API (``Authorization: Bearer <token>``).

    Only the SHA-256 hash is stored; the token itself is shown once, when made.
    One per user: making a new one replaces the old.
    """

    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="api_token")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")

    def __str__(self):
        return gettext("API-sleutel van %(name)s") % {"name": self.user.public_name}
