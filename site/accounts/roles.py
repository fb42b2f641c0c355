"""Site-wide roles are Django groups; wijk and buurt roles are Membership rows.

Group names are stable identifiers (created by a data migration); the labels are
what people read.
"""

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


def group_names(user) -> set[str]:
    """The site-wide groups of a user, cached on the user object for one request."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_group_names"):
        user._group_names = set(user.groups.values_list("name", flat=True))
    return user._group_names


def has_group(user, name: str) -> bool:
    return user.is_authenticated and (user.is_superuser or name in group_names(user))


def needs_mfa(user) -> bool:
    """Staff, centre managers, panel members and professionals must use two-factor login."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser or group_names(user):
        return True
    return user.memberships.exists()
