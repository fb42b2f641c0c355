"""Accessibility: axe-core on every key page, in Dutch and English, per role.

axe-core (npm devDependency, node_modules/axe-core) is put into each page after it has
loaded and runs with its default rules (WCAG 2.x A and AA plus best practices). A page
passes with no violation of impact "serious" or "critical"; a failure lists each
violation with the elements it found, so it can be fixed from the test output.

How axe gets in: the Content-Security-Policy allows no inline script, and Playwright's
``add_script_tag`` (with ``path=`` too) inserts an inline ``<script>``, which the browser
refuses. ``page.evaluate(source)`` runs the script through the DevTools protocol, which
the page's CSP does not govern, so the pages are checked with their real CSP (no
``bypass_csp``).

One context per role, logged in once (its pages reuse the cookies); 1280 px, and a few
pages at 375 px, where the header and the forms are laid out differently. The
moderator's queues live in the Wagtail admin, which asks for two-step login: the test
sets up TOTP for the moderator and gives the browser a logged-in session made on the
server (like Django's ``force_login``); the journeys test the two-step login itself.
The admin has no /en/ URLs (it speaks the user's own language): checked once.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import HEIGHT
from .key_pages import discover, key_pages
from .server import DEMO_PASSWORD, ROOT

AXE_SOURCE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text()
FAILING_IMPACTS = {"serious", "critical"}
ROLES = [
    "anon",
    "bewoner",
    "initiatiefnemer",
    "beheerder",
    "inspiratieteam",
    "moderator",
    "redactie",
]
# Who does admin work in the Wagtail admin logs in with two-step login.
STAFF_ROLES = {"moderator"}
# A session of a staff member with two-step login set up, made on the server.
STAFF_SESSION = r"""
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from buurtkracht.accounts.models import User

user = User.objects.get(email=EMAIL)
if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
    TOTP.activate(user, generate_totp_secret())
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""
# Forms sent empty: the error summary and the messages beside the fields are checked too.
FORMS_WITH_ERRORS = {
    "anon": ["signup", "login", "doneren"],
    "bewoner": ["initiatief-nieuw", "boeken", "reageren"],
}
NARROW_PAGES = {
    "anon": [
        "home",
        "initiatieven-filter",
        "initiatief",
        "ruimte",
        "zoeken",
        "sociale-kaart",
        "doneren",
    ],
    "bewoner": ["boeken", "initiatief-nieuw", "reageren"],
}


@pytest.fixture(scope="module")
def pages(site_server):
    return key_pages(discover(site_server))


@pytest.fixture(scope="module")
def logged_in(browser, site_server, tmp_path_factory):
    """``logged_in(role)``: the storage state (cookies) of that role, logged in once."""
    states: dict[str, str | None] = {"anon": None}
    folder = tmp_path_factory.mktemp("axe-states")

    def state(role: str) -> str | None:
        if role not in states:
            context = browser.new_context(base_url=site_server.url)
            email = f"{role}@demo.buurtkracht.nl"
            if role in STAFF_ROLES:
                code = STAFF_SESSION.replace("EMAIL", repr(email))
                session_key = site_server.shell(code).strip().splitlines()[-1]
                host = urlsplit(site_server.url).hostname
                context.add_cookies(
                    [{"name": "sessionid", "value": session_key, "domain": host, "path": "/"}]
                )
            else:
                page = context.new_page()
                page.goto("/accounts/login/")
                page.locator("input[name=login]").fill(email)
                page.locator("input[name=password]").fill(DEMO_PASSWORD)
                page.locator("main form button[type=submit]").first.click()
                page.wait_for_load_state()
                assert "/accounts/" not in page.url, f"login of {role} failed: {page.url}"
            path = folder / f"{role}.json"
            context.storage_state(path=str(path))
            context.close()
            states[role] = str(path)
        return states[role]

    return state


def axe_violations(page) -> list[dict]:
    if page.evaluate("typeof window.axe") != "object":
        page.evaluate(AXE_SOURCE)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def describe(violation: dict) -> str:
    targets = "\n".join(
        f"      {' '.join(map(str, node['target']))}: "
        + node.get("failureSummary", "").replace("\n", " ")[:300]
        for node in violation["nodes"][:8]
    )
    more = len(violation["nodes"]) - 8
    return (
        f"    [{violation['impact']}] {violation['id']}: {violation['help']} "
        f"({violation['helpUrl']})\n{targets}"
        + (f"\n      ... and {more} more" if more > 0 else "")
    )


def send_empty(page) -> None:
    """Empties the main form's text fields and sends it; the page must show its errors."""
    form = page.locator("main form[method=post]").last
    for box in form.locator("input[type=text], input[type=email], textarea").all():
        if box.is_visible() and box.is_editable():
            box.fill("")
    form.locator("button[type=submit]").first.click()
    page.wait_for_load_state()
    summary = page.locator(".bk-error-summary, main .utrecht-form-field-error-message")
    assert summary.count(), f"{page.url}: sent empty, but no error is shown"


def check_pages(
    browser, site_server, storage_state, checks, *, width: int, with_errors: bool = False
) -> list[str]:
    """Runs axe on each ``(name, language, path)``; returns the readable failures."""
    failures = []
    context = browser.new_context(
        base_url=site_server.url,
        viewport={"width": width, "height": HEIGHT.get(width, 900)},
        storage_state=storage_state,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for name, language, path in checks:
            url = path if language == "nl" else f"/en{path}"
            response = page.goto(url)
            expected = 404 if name == "404" else 200
            assert response is not None and response.status == expected, (
                f"{url}: status {response and response.status}"
            )
            assert page.url.split("?")[0].endswith(url.split("?")[0]), f"{url} went to {page.url}"
            if not path.startswith("/admin/"):
                assert page.evaluate("document.documentElement.lang") == language, url
            if with_errors:
                send_empty(page)
            serious = [v for v in axe_violations(page) if v["impact"] in FAILING_IMPACTS]
            if serious:
                failures.append(
                    f"  {url} ({name}, {language}, {width} px):\n"
                    + "\n".join(describe(v) for v in serious)
                )
    finally:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"
    return failures


@pytest.mark.parametrize("role", ROLES)
def test_key_pages_have_no_serious_accessibility_violations(
    role, browser, site_server, pages, logged_in
):
    checks = [
        (name, language, path)
        for language in ("nl", "en")
        for name, path in pages[role]
        if language == "nl" or not path.startswith("/admin/")
    ]
    failures = check_pages(browser, site_server, logged_in(role), checks, width=1280)
    assert not failures, f"axe found serious or critical violations as {role}:\n" + "\n".join(
        failures
    )


@pytest.mark.parametrize("role", sorted(NARROW_PAGES))
def test_key_pages_at_375px_have_no_serious_accessibility_violations(
    role, browser, site_server, pages, logged_in
):
    paths = dict(pages[role])
    checks = [(name, "nl", paths[name]) for name in NARROW_PAGES[role]]
    failures = check_pages(browser, site_server, logged_in(role), checks, width=375)
    assert not failures, f"axe found serious or critical violations as {role}:\n" + "\n".join(
        failures
    )


@pytest.mark.parametrize("role", sorted(FORMS_WITH_ERRORS))
def test_forms_showing_errors_have_no_serious_accessibility_violations(
    role, browser, site_server, pages, logged_in
):
    paths = dict(pages[role])
    checks = [
        (name, language, paths[name])
        for language in ("nl", "en")
        for name in FORMS_WITH_ERRORS[role]
    ]
    failures = check_pages(
        browser, site_server, logged_in(role), checks, width=1280, with_errors=True
    )
    assert not failures, f"axe found serious or critical violations as {role}:\n" + "\n".join(
        failures
    )


def test_what_scripts_add_has_no_serious_accessibility_violations(browser, site_server, pages):
    """The search suggestions (a combobox) open, and a place on the sociale kaart opened."""
    paths = dict(pages["anon"])
    context = browser.new_context(base_url=site_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    failures = []
    try:
        page.goto("/")
        box = page.get_by_role("combobox").first
        box.press_sequentially("re", delay=50)
        page.get_by_role("option").first.wait_for()
        box.press("ArrowDown")
        assert box.get_attribute("aria-expanded") == "true"
        failures += [("suggestions", v) for v in axe_violations(page)]

        page.goto(paths["sociale-kaart"])
        pin = page.locator(".leaflet-marker-icon").first
        pin.focus()
        pin.press("Enter")
        page.locator(".leaflet-popup").wait_for()
        # Leaflet fades the popup in: check the colours once it is fully there.
        expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")
        failures += [("kaart popup", v) for v in axe_violations(page)]
    finally:
        context.close()
    serious = [(state, v) for state, v in failures if v["impact"] in FAILING_IMPACTS]
    assert not serious, "axe found serious or critical violations:\n" + "\n".join(
        f"  {state}:\n{describe(v)}" for state, v in serious
    )
