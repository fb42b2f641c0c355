"""Security headers on a public page, a form, an API answer, an error page and the admin.

Once with the test settings (what every environment sends) and once with the values the
production settings module really computes (read in a subprocess, as importing it here
would change the shared settings dicts), over HTTPS.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import UserFactory, totp_enable
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
PRODUCTION_NAMES = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
]


@pytest.fixture(scope="module")
def production_values() -> dict:
    """The security settings as buurtkracht.settings.production computes them."""
    code = (
        "import json, django.conf as c; c.settings._setup();"
        f"print(json.dumps({{n: getattr(c.settings, n) for n in {PRODUCTION_NAMES!r}}}))"
    )
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "buurtkracht.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "testserver",
        "SITE_URL": "https://testserver",
        "DATABASE_URL": "postgres://buurtkracht@db.example/buurtkracht",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    values = json.loads(result.stdout)
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


def _pages(client: Client) -> dict[str, object]:
    """A public page, a form for a signed-in resident, the API and a page not found."""
    initiatief = InitiatiefFactory()
    public = {
        "home": client.get("/", secure=True),
        "initiative": client.get(initiatief.get_absolute_url(), secure=True),
        "signup form": client.get("/accounts/signup/", secure=True),
        "api": client.get("/api/v1/ruimtes", secure=True),
        "not found": client.get("/bestaat-niet/", secure=True),
    }
    client.force_login(UserFactory())
    public["initiative form"] = client.get("/initiatieven/nieuw/", secure=True)
    return public


def _admin(client: Client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    totp_enable(admin)
    client.force_login(admin)
    return client.get("/admin/", secure=True)


def _assert_everywhere(response, frame: str) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == frame
    directives = _directives(response)
    expected = "'self'" if frame == "SAMEORIGIN" else "'none'"
    assert directives["frame-ancestors"] == [expected]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]


def test_public_pages_forms_and_api_send_a_strict_policy():
    for name, response in _pages(Client()).items():
        assert response.status_code in (200, 404), name
        _assert_everywhere(response, "SAMEORIGIN")
        directives = _directives(response)
        for directive in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in directives[directive], (name, directive)
            assert "'unsafe-eval'" not in directives[directive], (name, directive)
        assert directives["script-src"] == ["'self'"], name
        assert directives["default-src"] == ["'self'"], name


def test_the_admin_is_relaxed_for_wagtail_but_still_not_framed():
    response = _admin(Client())
    assert response.status_code == 200
    _assert_everywhere(response, "SAMEORIGIN")
    assert "'unsafe-inline'" in _directives(response)["script-src"]  # see core.middleware


def test_production_adds_hsts_and_refuses_every_frame(settings, production_values):
    for name, value in production_values.items():
        setattr(settings, name, value)
    client = Client()
    for name, response in {**_pages(client), "admin": _admin(client)}.items():
        assert response.status_code in (200, 404), name
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        ), name
        _assert_everywhere(response, "DENY")
        if name != "admin":
            assert "'unsafe-inline'" not in _directives(response)["script-src"]
        assert "upgrade-insecure-requests" in _directives(response)


def test_production_sends_plain_http_to_https_and_marks_cookies_secure(settings, production_values):
    for name, value in production_values.items():
        setattr(settings, name, value)
    client = Client()
    plain = client.get("/initiatieven/")
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/initiatieven/"
    assert "Strict-Transport-Security" not in plain  # only ever sent over HTTPS

    form = client.get("/accounts/login/", secure=True)
    assert form.cookies["csrftoken"]["secure"]
    user = UserFactory()
    signed_in = client.post(
        "/accounts/login/",
        {"login": user.email, "password": "een-lang-wachtwoord-42"},
        secure=True,
    )
    assert signed_in.status_code == 302
    session = signed_in.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"
