"""Every write on accounts: profile changes and account deletion."""

import logging

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from buurtkracht.accounts.models import User
from buurtkracht.accounts.privacy import anonymiser_registry
from buurtkracht.accounts.roles import forget_roles
from buurtkracht.areas.models import Wijk
from buurtkracht.core.sanitize import clean_plain_text

logger = logging.getLogger(__name__)

MESSAGES = {
    "name_is_email": _(
        "Gebruik geen e-mailadres als naam. Anderen zien deze naam. Kies bijvoorbeeld je voornaam."
    ),
    "wrong_password": _("Dit wachtwoord klopt niet. Typ je wachtwoord opnieuw."),
    "profile_saved": _("Je gegevens zijn opgeslagen."),
    "account_deleted": _("Je account is verwijderd. Bedankt dat je meedeed in de buurt."),
    "api_token_deleted": _(
        "Je API-sleutel is verwijderd. Programma's die hem gebruikten, kunnen niet meer bij je account."
    ),
}


def _looks_like_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


@transaction.atomic
def user_profile_update(*, user: User, display_name: str, home_wijk: Wijk | None) -> User:
    """Change the name others see and the user's own wijk.

    Raises ValidationError (code ``name_is_email``, or the model's own codes) keyed by
    field; nothing is saved then.
    """
    display_name = clean_plain_text(display_name)
    if _looks_like_email(display_name):
        raise ValidationError(
            {"display_name": ValidationError(MESSAGES["name_is_email"], code="name_is_email")}
        )
    user.display_name = display_name
    user.home_wijk = home_wijk
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "home_wijk"])
    return user


@transaction.atomic
def user_delete(*, user: User, deleted_by: User | None = None) -> None:
    """Delete an account and everything that only belongs to it.

    ``deleted_by``: the administrator who deletes someone else's account; the deletion
    then shows in Wagtail's history (``wagtail.delete``), as Wagtail's own delete does.

    First every anonymiser in ``privacy.anonymiser_registry`` runs (later apps unlink
    or neutralise what the user made), then the user row goes; with it, by cascade,
    memberships, group links, e-mail addresses and two-step login authenticators.
    Wagtail pages and revisions stay with their owner set to NULL. If any step raises,
    nothing is deleted. Logging out is up to the caller (a service has no request).
    """
    user_id = user.pk
    for name, anonymise in anonymiser_registry:
        logger.debug("Anonymising %s for user %s", name, user_id)
        anonymise(user)
    forget_roles(user)
    if deleted_by is not None:
        log(instance=user, action="wagtail.delete", user=deleted_by, deleted=True)
    user.delete()
    logger.info("Deleted user %s", user_id)


@transaction.atomic
def api_token_create(*, user: User) -> str:
    """Make a new personal API token (replacing the old one) and return it.

    Only its SHA-256 hash is stored, so the caller must show the token now: it cannot
    be shown again.
    """
    from buurtkracht.accounts.models import ApiToken
    from buurtkracht.api_auth import token_new

    token, hashed = token_new()
    ApiToken.objects.filter(user=user).delete()
    ApiToken.objects.create(user=user, token_hash=hashed)
    return token


@transaction.atomic
def api_token_delete(*, user: User) -> None:
    from buurtkracht.accounts.models import ApiToken

    ApiToken.objects.filter(user=user).delete()
