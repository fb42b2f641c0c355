"""Browser tests: Playwright (Python) drives Debian's Chromium against a real server process.

Fixtures:

- ``site_server`` (session): a `SiteServer` (see server.py) with the demo content and
  the demo accounts (password ``DEMO_PASSWORD``), on its own PostgreSQL database, using
  the Elasticsearch API of ``make test`` and the suite's local Stripe server.
- ``browser`` (module): one headless Chromium. Started per module, because Playwright's
  event loop must not be running while other tests use the ORM in this process.
- ``open_page(width=1280, javascript=True, language="nl")``: a fresh context (no cookies)
  and page, with ``base_url`` set, so ``page.goto("/zoeken/")`` works. Uncaught page
  errors are collected in ``page.errors`` and fail the test at its end.
- ``width``: parametrises a test over the two widths every journey runs at (375, 1280).
- ``login(page, who)``: logs in a demo account by its key (``"moderator"``, ...) or an
  e-mail address, through the real login form.
- ``shot(page, name)``: saves a full-page screenshot to ``docs/screenshots/NAME.png`` when
  ``BUURTKRACHT_SCREENSHOTS`` is set (``make screenshots``), otherwise does nothing.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from .server import DEMO_PASSWORD, ROOT, SiteServer

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = [375, 1280]
HEIGHT = {375: 740, 1280: 900}
DEMO_DOMAIN = "demo.buurtkracht.nl"


@pytest.fixture(scope="session")
def site_server(stripe_server):
    server = SiteServer(
        env={
            "STRIPE_SECRET_KEY": stripe_server.secret_key,
            "STRIPE_WEBHOOK_SECRET": stripe_server.webhook_secret,
            "STRIPE_API_BASE": stripe_server.api_base,
            "STRIPE_LOCAL_TEST_MODE": "1",
            # The journeys donate at two widths from one address.
            "DONATION_RATE_LIMIT_PER_INITIATIVE": "100",
            "DONATION_RATE_LIMIT_TOTAL": "1000",
        }
    )
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, site_server):
    contexts = []

    def open_(width: int = 1280, *, javascript: bool = True, language: str = "nl") -> Page:
        context = browser.new_context(
            base_url=site_server.url,
            viewport={"width": width, "height": HEIGHT.get(width, 900)},
            java_script_enabled=javascript,
            locale="nl-NL" if language == "nl" else "en-GB",
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    yield open_
    errors = [error for context in contexts for page in context.pages for error in page.errors]
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def width(request) -> int:
    return request.param


def demo_email(who: str) -> str:
    return who if "@" in who else f"{who}@{DEMO_DOMAIN}"


@pytest.fixture
def login():
    def login_(page: Page, who: str, password: str = DEMO_PASSWORD) -> None:
        page.goto("/accounts/login/")
        page.locator("input[name=login]").fill(demo_email(who))
        page.locator("input[name=password]").fill(password)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state()
        assert "/accounts/login/" not in page.url, f"login of {who} failed: {page.url}"

    return login_


@pytest.fixture
def shot():
    folder = os.environ.get("BUURTKRACHT_SCREENSHOTS")

    def shot_(page: Page, name: str) -> Path | None:
        if not folder:
            return None
        path = (ROOT / folder) / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)
        return path

    return shot_
