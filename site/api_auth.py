"""Who is calling the API: a signed-in browser (with CSRF check) or a personal token.

    from buurtkracht.api_auth import SESSION_OR_TOKEN

    @router.post("/boekingen", auth=SESSION_OR_TOKEN)
    def create(request, payload): request.auth  # the User

A browser session must send the CSRF token (header ``X-CSRFToken``) on unsafe methods,
so another site cannot book in a resident's name. A token caller sends
``Authorization: Bearer <token>``; tokens are made on the account page and stored as a
SHA-256 hash only.
"""

import hashlib
import secrets

from django.utils import timezone
from django.utils.translation import gettext
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from buurtkracht.api import ApiError

TOKEN_PREFIX = "bk_"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_new() -> tuple[str, str]:
    """A fresh token and its hash."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    return token, token_hash(token)


class SessionAuth(NinjaSessionAuth):
    """A signed-in user of the site; unsafe methods need a valid CSRF token (else 403)."""

    def _get_key(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None  # not signed in: 401, not a CSRF complaint
        try:
            return super()._get_key(request)
        except HttpError:
            raise ApiError(
                403,
                gettext(
                    "Je verzoek mist het CSRF-token. Laad de pagina opnieuw en probeer het nog eens."
                ),
                code="csrf",
            ) from None

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            return user
        return None


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` with a personal API token."""

    def authenticate(self, request, token):
        from buurtkracht.accounts.models import ApiToken

        if not token:
            return None
        found = (
            ApiToken.objects.select_related("user")
            .filter(token_hash=token_hash(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


SESSION_OR_TOKEN = [TokenAuth(), SessionAuth()]
