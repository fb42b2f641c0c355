"""Two-step login (TOTP) for everyone who does admin work.

Two ways to protect an admin function:

- a path prefix: ``protect_path_prefix("/beheer/")`` from a later app's
  ``AppConfig.ready()``; ``RequireMFAMiddleware`` then guards every path under it
  for users with a staff role (``roles.needs_mfa``). A prefix is matched with and
  without the language prefix (``/en/beheer/`` too). ``/admin/`` and
  ``/django-admin/`` are protected from the start.
- the ``mfa_required`` decorator on a view: every signed-in user must have set up
  two-step login before the view runs, whatever their role (the view is an admin
  function, so whoever reaches it does admin work).

allauth's own pages (login, logout, setting up two-step login) are never blocked, so
there is no redirect loop.
"""

from functools import wraps

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from buurtkracht.accounts.roles import needs_mfa

MESSAGES = {
    "mfa_needed": _("Stel eerst inloggen in twee stappen in. Daarna kun je verder met beheren."),
    "no_admin_access": _(
        "Je hebt geen toegang tot het beheer. Denk je dat dit wel zou moeten? "
        "Vraag het aan de beheerders van Buurtkracht."
    ),
}

_protected_prefixes: list[str] = ["/admin/", "/django-admin/"]


def protect_path_prefix(prefix: str) -> None:
    """Require two-step login for staff roles on every path starting with ``prefix``."""
    if not (prefix.startswith("/") and prefix.endswith("/")):
        raise ValueError("A protected prefix starts and ends with '/'.")
    if prefix not in _protected_prefixes:
        _protected_prefixes.append(prefix)


def unprotect_path_prefix(prefix: str) -> None:
    """Undo ``protect_path_prefix`` (for tests)."""
    if prefix in _protected_prefixes:
        _protected_prefixes.remove(prefix)


def protected_path_prefixes() -> tuple[str, ...]:
    return tuple(_protected_prefixes)


def _without_language(path: str) -> str:
    for code, _name in settings.LANGUAGES:
        if path.startswith(f"/{code}/"):
            return path[len(code) + 1 :]
    return path


def is_protected_path(path: str) -> bool:
    prefixes = protected_path_prefixes()
    return path.startswith(prefixes) or _without_language(path).startswith(prefixes)


def is_allauth_path(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.func.__module__.startswith("allauth.")


def mfa_missing(user) -> bool:
    """True when ``user`` is signed in but has no TOTP authenticator yet."""
    return user.is_authenticated and not is_mfa_enabled(user)


def redirect_to_mfa_setup(request):
    messages.warning(request, MESSAGES["mfa_needed"])
    return redirect("mfa_activate_totp")


def mfa_required(view):
    """Only signed-in users with two-step login set up reach ``view``.

    Anonymous users go to the login page; others without TOTP to allauth's set-up page
    with a message.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if mfa_missing(request.user):
            return redirect_to_mfa_setup(request)
        return view(request, *args, **kwargs)

    return wrapper


def must_set_up_mfa(user) -> bool:
    """A staff role without TOTP: may not reach protected paths."""
    return user.is_authenticated and needs_mfa(user) and mfa_missing(user)
