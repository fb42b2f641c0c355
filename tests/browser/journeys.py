"""Steps the browser journeys share: sign up, staff log-in with two-step login, checks.

- ``unique_word()``: a word no demo text contains, for titles and e-mail addresses.
- ``field(page, label)``: the input with that label, "(verplicht)" or not.
- ``sign_up(page, site_server, email)``: allauth's sign-up, then the link in the mail.
- ``staff_login(page, site_server, who)``: logs in an account that does admin work
  (moderator, beheerder, ...). The first time it sets up two-step login on the page a
  staff member gets (reading the secret from it), later it enters a fresh code, and
  within one test session it reuses the session cookie like a browser that stays logged
  in (a TOTP code may be used only once).
- ``assert_fits(page)``: no horizontal scrolling (the 375 px check).
- ``png(...)``: a small PNG for upload fields. ``key_shot(shot, page, name)``: the
  ``shot`` fixture, then the file is made smaller (a palette PNG).
- ``published_initiative(...)``: the initiative of the first journey (a resident's
  initiative with a vacature, published by the moderator), per width; made at once if
  that journey did not run in this session.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import re
import struct
import time
import uuid
from dataclasses import dataclass

from PIL import Image
from playwright.sync_api import Locator, Page, expect

from .server import DEMO_PASSWORD

PASSWORD = "Zonnebloem-Westerpark-2026"
SYLLABLES = ["ba", "de", "fi", "go", "ku", "la", "me", "ni", "po", "ru", "sa", "te", "vo", "wi"]


def unique_word() -> str:
    """A pronounceable word like "Kurasevo", different every call."""
    number = uuid.uuid4().int
    parts = []
    for _ in range(4):
        number, index = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[index])
    return "".join(parts).capitalize()


def field(page: Page | Locator, label: str) -> Locator:
    """The input labelled ``label`` (the label may end in "(verplicht)")."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def assert_fits(page: Page) -> None:
    """The page does not scroll sideways (a layout that breaks at 375 px does)."""
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, (
        f"{page.url} scrolls sideways: {scroll_width} > {inner_width}"
    )


def png(width: int = 96, height: int = 64, colour=(46, 125, 50)) -> dict:
    """An upload for ``set_input_files``: a small PNG."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return {"name": "foto.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def key_shot(shot, page: Page, name: str) -> None:
    """Save a screenshot (when asked for) as a palette PNG, so docs/screenshots stays small."""
    path = shot(page, name)
    if path is None:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


# --- accounts ---------------------------------------------------------------------------
def sign_up(page: Page, site_server, email: str, password: str = PASSWORD) -> None:
    """Sign up at /accounts/signup/ and confirm the address by the link in the mail."""
    page.goto("/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Registreren")
    field(page, "E-mail").fill(email)
    field(page, "Wachtwoord").fill(password)
    field(page, "Wachtwoord (bevestigen)").fill(password)
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verifieer je e-mailadres")
    mail = site_server.wait_for_mail(email, subject_contains="Bevestig je e-mailadres")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.body)
    assert link, mail.body
    page.goto(link.group(0))
    page.get_by_role("button", name="Bevestig").click()
    expect(page.get_by_text(f"Je hebt het e-mailadres {email} bevestigd")).to_be_visible()
    account = page.get_by_role("navigation", name="Je account")
    expect(account.get_by_role("link", name="Mijn account")).to_be_visible()


def totp_code(secret: str, at: float | None = None) -> str:
    """The six-digit code an authenticator app shows for ``secret`` (RFC 6238)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


_secrets: dict[tuple[str, str], str] = {}  # (site url, e-mail) -> TOTP secret
_cookies: dict[tuple[str, str], list] = {}  # (site url, e-mail) -> session cookies
_last_counter: dict[tuple[str, str], int] = {}  # the last 30 s period whose code we used


def _fresh_code(key: tuple[str, str]) -> str:
    """A code not used before: wait for the next period when this one's code was used."""
    counter = int(time.time() // 30)
    if _last_counter.get(key) == counter:
        time.sleep(30 - time.time() % 30 + 0.2)
        counter = int(time.time() // 30)
    _last_counter[key] = counter
    return totp_code(_secrets[key])


def _stored_secret(site_server, email: str) -> str:
    """The secret of an authenticator set up earlier (the site never shows it again)."""
    output = site_server.shell(
        "from allauth.mfa.adapter import get_adapter\n"
        "from allauth.mfa.models import Authenticator\n"
        f"a = Authenticator.objects.get(user__email={email!r}, type='totp')\n"
        "print(get_adapter().decrypt(a.data['secret']))"
    )
    return output.strip().splitlines()[-1]


def staff_login(page: Page, site_server, who: str, password: str = DEMO_PASSWORD) -> None:
    """Log in someone who does admin work and pass the two-step login the admin asks for."""
    email = who if "@" in who else f"{who}@demo.buurtkracht.nl"
    key = (site_server.url, email)
    if key in _cookies:
        page.context.add_cookies(_cookies[key])
        page.goto("/account/")
        if "/accounts/login/" not in page.url:
            return
        page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    if "/accounts/2fa/authenticate/" in page.url:
        if key not in _secrets:
            _secrets[key] = _stored_secret(site_server, email)
        for _attempt in range(2):
            field(page, "Code").fill(_fresh_code(key))
            page.get_by_role("button", name="Aanmelden").click()
            page.wait_for_load_state()
            if "/accounts/2fa/" not in page.url:
                break
            # Another test may have used this period's code: the next one is fresh.
            _last_counter[key] = int(time.time() // 30)
        assert "/accounts/2fa/" not in page.url, f"two-step login of {who} failed"
    assert "/accounts/login/" not in page.url, f"login of {who} failed: {page.url}"
    # The admin sends a staff member without two-step login to set it up first.
    page.goto("/admin/")
    if "/accounts/reauthenticate/" in page.url:
        field(page, "Wachtwoord").fill(password)
        page.get_by_role("button", name="Bevestig").click()
    if "/accounts/2fa/totp/activate/" in page.url:
        _secrets[key] = page.get_by_label("Authenticator geheim").input_value()
        field(page, "Authenticator code").fill(_fresh_code(key))
        page.get_by_role("button", name="Activeer").click()
        expect(page.get_by_text("Authenticator-app geactiveerd.")).to_be_visible()
    _cookies[key] = page.context.cookies()


# --- the first journey's initiative, for the journeys that follow it --------------------
@dataclass
class PublishedInitiative:
    title: str
    url: str  # path of the public page
    owner_email: str
    password: str
    vacature_title: str
    vacature_url: str  # path of the vacature page


_published: dict[tuple[str, int], PublishedInitiative] = {}


def remember_published(site_server, width: int, initiative: PublishedInitiative) -> None:
    _published[(site_server.url, width)] = initiative


def published_initiative(open_page, site_server, width: int) -> PublishedInitiative:
    """The initiative journey (a) published at this width; made now if it did not run."""
    key = (site_server.url, width)
    if key not in _published:
        from .test_journey_initiative import resident_publishes_initiative

        remember_published(
            site_server, width, resident_publishes_initiative(open_page, site_server, width)
        )
    return _published[key]
