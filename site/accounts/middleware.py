"""Staff roles must set up two-factor login before they reach admin functions.

See ``buurtkracht.accounts.mfa`` for the protected paths and the view decorator.
"""

import contextlib

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from buurtkracht.accounts.mfa import (
    MESSAGES,
    is_allauth_path,
    is_protected_path,
    must_set_up_mfa,
    redirect_to_mfa_setup,
)
from buurtkracht.accounts.rules import ADMIN_ACCESS, can

# Wagtail's and Django's own login forms check only the password: they would let a
# user with two-step login in without the second step. They send people to allauth.
# Per login page: the admin's home, and who may enter it.
PASSWORD_ONLY_LOGINS = {
    "wagtailadmin_login": ("wagtailadmin_home", lambda user: can(user, ADMIN_ACCESS)),
    "admin:login": ("admin:index", lambda user: user.is_active and user.is_staff),
}


def _password_only_login(path: str):
    for name, (home, may_enter) in PASSWORD_ONLY_LOGINS.items():
        with contextlib.suppress(NoReverseMatch):
            if reverse(name) == path:
                return reverse(home), may_enter
    return None


class RequireMFAMiddleware:
    """Sends staff roles without TOTP from protected paths to allauth's set-up page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        login = _password_only_login(path)
        if login is not None:
            return self._login_elsewhere(request, *login)
        if is_protected_path(path) and must_set_up_mfa(request.user) and not is_allauth_path(path):
            return redirect_to_mfa_setup(request)
        return self.get_response(request)

    @staticmethod
    def _login_elsewhere(request, home: str, may_enter):
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = ""
        next_url = next_url or home
        if not request.user.is_authenticated:
            return redirect_to_login(next_url, login_url=reverse("account_login"))
        # Signed in already: allauth's login page would send them straight back here.
        if may_enter(request.user):
            return redirect(next_url)
        messages.error(request, MESSAGES["no_admin_access"])
        return redirect("accounts:profile")
