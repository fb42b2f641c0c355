"""Every state-changing request made with a signed-in session needs the CSRF token.

The URL map is walked (every pattern, the admin's too) and each is sent a POST by a
signed-in resident whose browser has the CSRF cookie but whose request lacks the token,
as a form on another site would. Each must be refused with 403 before the view runs.
The API (django-ninja, CSRF-exempt at Django's level because it checks for itself in
``buurtkracht.api_auth.SessionAuth``) and Wagtail's admin API (Django REST framework,
same) are sent PUT, PATCH and DELETE as well.
"""

import re
import uuid

import pytest
from django.http import HttpResponseForbidden
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern, RoutePattern

from tests.factories import UserFactory, totp_enable

pytestmark = pytest.mark.django_db

REFUSED = "X-Test-Csrf-Refused"

# Views that take unsafe requests without Django's CSRF check, and why that is right.
EXEMPT = {
    "donaties_stripe_webhook": "Stripe's server calls it without a session; every call "
    "is checked by its Stripe-Signature (initiatieven.donaties.webhook).",
}
# Paths that never reach a view: RequireMFAMiddleware sends every request for the
# password-only login forms to allauth's login page, changing nothing.
REDIRECTED = {
    "/admin/login/": "Wagtail's password-only login, never shown",
    "/django-admin/login/": "Django admin's password-only login, never shown",
}
SAMPLES = ["1", "x1", "x", "abc-1", "1-x", "x/"]
COOKIE_SECRET = "a" * 32  # a well-formed CSRF cookie: the browser has one, the form lacks it


def csrf_refused(request, reason=""):
    """Stands in for Django's CSRF failure page, so a refusal is told from other 403s."""
    response = HttpResponseForbidden(reason)
    response[REFUSED] = reason or "yes"
    return response


def _sample_route(route: str) -> str:
    converters = {
        "int": "1",
        "slug": "x1",
        "str": "x1",
        "path": "x1",
        "uuid": str(uuid.UUID(int=1)),
    }
    return re.sub(r"<(?:(\w+):)?\w+>", lambda m: converters[m.group(1) or "str"], route)


def _sample_regex(regex: str) -> str:
    regex = regex.lstrip("^").rstrip("$").replace(r"\Z", "")

    def fill(match: re.Match) -> str:
        inner = match.group(1)
        for sample in [*SAMPLES, inner.split("|")[0]]:
            if re.fullmatch(inner, sample):
                return sample
        return "x"

    filled = re.sub(r"\((?:\?P<\w+>)?((?:[^()]|\([^()]*\))*)\)", fill, regex)
    return re.sub(r"\\(.)", r"\1", filled)  # escaped characters stand for themselves


def _sample(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        return _sample_route(str(pattern))
    if isinstance(pattern, RegexPattern):
        return _sample_regex(pattern.regex.pattern)
    return str(pattern)  # the language prefix: empty for Dutch


def url_patterns():
    """(path, name, view) for every pattern of the URL map, with made-up arguments."""

    def walk(patterns, prefix):
        for pattern in patterns:
            path = prefix + _sample(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, path)
            elif isinstance(pattern, URLPattern):
                yield "/" + path, pattern.name, pattern.callback

    return list(walk(get_resolver().url_patterns, ""))


def _signed_in(user, settings) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.cookies[settings.CSRF_COOKIE_NAME] = COOKIE_SECRET
    return client


@pytest.fixture
def sessions(settings):
    """A resident for the site; a superuser with two-step login for the admin (whose
    views would send a resident to the login page before any check)."""
    settings.CSRF_FAILURE_VIEW = "tests.security.test_csrf.csrf_refused"
    superuser = UserFactory(is_staff=True, is_superuser=True)
    totp_enable(superuser)
    return {
        "site": _signed_in(UserFactory(), settings),
        "admin": _signed_in(superuser, settings),
    }


def _refused(response, exempt_view: bool) -> bool:
    if response.has_header(REFUSED):
        return True
    if not exempt_view:
        return False
    # The JSON APIs refuse by themselves (ninja: code "csrf"; DRF: "CSRF Failed"), or
    # have no such method there at all.
    return response.status_code == 405 or (
        response.status_code == 403 and b"csrf" in response.content.lower()
    )


def test_every_url_resolves_to_a_sample():
    """The walk reaches every view (else the check below would silently skip some)."""
    patterns = url_patterns()
    assert len(patterns) > 300
    views_by_path = {}
    for path, _name, view in patterns:
        views_by_path.setdefault(path, []).append(view)
    # (One API path may carry two operations, GET and DELETE: the first one answers.)
    wrong = [path for path, views in views_by_path.items() if resolve(path).func is not views[0]]
    assert wrong == []


def test_unsafe_requests_without_the_token_are_refused(sessions):
    unprotected = []
    for path, name, view in url_patterns():
        if name in EXEMPT or path in REDIRECTED:
            continue
        session = sessions["admin" if path.startswith(("/admin/", "/django-admin/")) else "site"]
        exempt_view = getattr(view, "csrf_exempt", False)
        methods = ["post", "put", "patch", "delete"] if exempt_view else ["post"]
        for method in methods:
            response = getattr(session, method)(path)
            if not _refused(response, exempt_view):
                unprotected.append((method.upper(), path, name, response.status_code))
    assert unprotected == []


def test_the_exempt_views_are_only_those_listed():
    """A new csrf_exempt view fails here until it has a reason in EXEMPT."""
    exempt = {
        name
        for path, name, view in url_patterns()
        if getattr(view, "csrf_exempt", False)
        and not path.startswith(("/api/v1/", "/admin/api/main/"))
    }
    assert exempt == set(EXEMPT)


def test_the_same_requests_with_the_token_get_past_the_check(sessions):
    """The refusals above are the CSRF check, not something else (a positive control)."""
    site = sessions["site"]
    refused = site.delete("/api/v1/boekingen/999999")
    assert refused.status_code == 403 and refused.json()["code"] == "csrf"
    assert (
        site.delete("/api/v1/boekingen/999999", HTTP_X_CSRFTOKEN=COOKIE_SECRET).status_code == 404
    )
    assert site.post("/accounts/logout/").has_header(REFUSED)
    response = site.post("/accounts/logout/", HTTP_X_CSRFTOKEN=COOKIE_SECRET)
    assert not response.has_header(REFUSED)
    assert response.status_code == 302
