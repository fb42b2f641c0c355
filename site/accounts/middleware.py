"""Staff roles must set up two-factor login before they reach admin functions."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from buurtkracht.accounts.roles import needs_mfa

# Paths that count as admin functions. Later apps add theirs (panel, manager queues).
ADMIN_PREFIXES = ["/admin/", "/django-admin/"]


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and request.path_info.startswith(tuple(ADMIN_PREFIXES))
            and needs_mfa(user)
            and not is_mfa_enabled(user)
        ):
            messages.warning(
                request,
                _("Stel eerst inloggen in twee stappen in. Daarna kun je verder met beheren."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
