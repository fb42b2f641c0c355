"""Site-wide roles are Django groups; wijk and buurt roles are Membership rows.

Group names are stable identifiers (created by the data migration
``0002_create_role_groups``); the labels are what people read.

What a user's roles are is read once per request and cached on the user object
(``request.user`` is a fresh object on every request). Call ``forget_roles(user)`` after
changing a user's groups, memberships or e-mail addresses within the same request.
"""

from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

MODERATOR = "moderator"
REDACTIE = "redactie"
BEHEER = "beheer"
BEHEERDER = "beheerder"  # manages specific locations; which ones is stored per location

GROUP_LABELS = {
    MODERATOR: _("Moderator"),
    REDACTIE: _("Redactie"),
    BEHEER: _("Beheer"),
    BEHEERDER: _("Beheerder van een locatie"),
}

_CACHE_ATTRS = ("_group_names", "_bk_memberships", "_bk_has_verified_email")


class Seat(NamedTuple):
    """One Membership, reduced to the ids the rules compare with."""

    role: str
    wijk_id: int | None
    buurt_id: int | None
    buurt_wijk_id: int | None


def group_names(user) -> set[str]:
    """The site-wide groups of a user, cached on the user object for one request."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_group_names"):
        user._group_names = set(user.groups.values_list("name", flat=True))
    return user._group_names


def has_group(user, name: str) -> bool:
    return user.is_authenticated and (user.is_superuser or name in group_names(user))


def seats(user) -> list[Seat]:
    """The user's memberships (one query, cached on the user object for one request)."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_bk_memberships"):
        user._bk_memberships = [
            Seat(*row)
            for row in user.memberships.values_list("role", "wijk_id", "buurt_id", "buurt__wijk_id")
        ]
    return user._bk_memberships


def has_verified_email(user) -> bool:
    """True when the user confirmed at least one e-mail address (cached per request)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_bk_has_verified_email"):
        from allauth.account.models import EmailAddress

        user._bk_has_verified_email = EmailAddress.objects.filter(user=user, verified=True).exists()
    return user._bk_has_verified_email


def forget_roles(user) -> None:
    """Drop the cached roles so the next question reads them again."""
    for attr in _CACHE_ATTRS:
        user.__dict__.pop(attr, None)
    # ModelBackend caches permissions on the user object too.
    for attr in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(attr, None)


def needs_mfa(user) -> bool:
    """Staff, centre managers, panel members and professionals must use two-factor login."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser or group_names(user):
        return True
    return bool(seats(user))
