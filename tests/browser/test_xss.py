"""XSS payloads through every user text field; the rendered pages must run none of them.

`build_content()` (in xss_content.py) runs on the server's database
(``site_server.shell``) and enters the payloads of `xss_payloads` through the site's own
views, forms and services (Django's test client, logged in as the person who would type
them): initiative title, summary,
rich-text description, address, earning model, photo alt text, needs, updates and their
figure label, reports to moderators, donation goal, donor name and message, a report on
a donor's message, vacature texts, tags, address and organisation, a volunteer's
response, profile, hours note and an owner's decline note, room bookings (title,
purpose, a manager's reason), a buurtbudget application (plan, results, budget lines),
a panel comment, vote motivations (they become the public decision), the report on the
money spent, a Talentenbeurs table, a CMS page as Wagtail stores an editor's input, and
display names. The search box, the display name in the profile and a booking are also
typed through the real forms in Chromium; query parameters (names too) are echoed.

Each page is then opened in Chromium by the person who would see it (visitor, owner,
volunteer, room manager, fair organiser, panel, moderator and staff in the Wagtail
admin) in a context with ``bypass_csp=True``: our Content-Security-Policy would stop
inline script in production, so the check must catch broken escaping even when the CSP
would save us (and the Wagtail admin allows inline script). A page fails when a payload
called ``__xss(n)`` or opened a dialog, when the DOM holds an element or attribute a
payload could have made (event handler, javascript:/data: URL, srcdoc, script with a
payload), or when the expected marker text is not shown as text (so the field really is
on the page, escaped). What is stored must hold no markup either: the API, exports and
mails use it too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import time
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from .conftest import demo_email
from .server import DEMO_PASSWORD
from .xss_content import OUT_PREFIX, PASSWORD, TOTP_SECRET
from .xss_payloads import LONG, PAYLOADS, Payload, combined, short

# What the browser reports when a payload runs; installed before any page script.
INIT_SCRIPT = """
window.__xss = function (n) { window.__xssReport(String(n)); };
"""

# Elements and attributes that a payload could have created. Text-like attributes (a
# title, an input's value, an alt text) may hold payload text: there it is inert.
SCAN_SCRIPT = r"""
() => {
  const found = [];
  const URL_ATTRS = ["href", "src", "action", "formaction", "data", "xlink:href", "poster",
                     "background", "codebase", "dynsrc", "lowsrc", "ping"];
  const TEXT_ATTRS = ["value", "title", "alt", "placeholder", "label", "content",
                      "aria-label", "aria-description", "data-label"];
  const squash = (v) => v.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
  const describe = (el) => el.outerHTML.slice(0, 160);
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (tag === "script") {
      const type = (el.getAttribute("type") || "").toLowerCase();
      if (type !== "application/json" && /__xss|alert\(/.test(el.textContent)) {
        found.push("script: " + describe(el));
      }
    }
    if (tag === "style" && /__xss|javascript:/i.test(el.textContent)) {
      found.push("style: " + describe(el));
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith("on") && /__xss|alert|eval/.test(value)) {
        found.push(`event handler ${name}: ${describe(el)}`);
      } else if (URL_ATTRS.includes(name) && /^(javascript|vbscript|data:text\/html)/.test(squash(value))) {
        found.push(`${name} URL: ${describe(el)}`);
      } else if (name === "srcdoc") {
        found.push(`srcdoc: ${describe(el)}`);
      } else if (name === "style" && /__xss|expression\(|javascript:/i.test(value)) {
        found.push(`style attribute: ${describe(el)}`);
      } else if (name === "http-equiv" && /refresh/i.test(value)
                 && /javascript|__xss/i.test(el.getAttribute("content") || "")) {
        found.push(`meta refresh: ${describe(el)}`);
      } else if (!TEXT_ATTRS.includes(name) && !URL_ATTRS.includes(name)
                 && !name.startsWith("aria-") && /__xss\(/.test(value)) {
        found.push(`attribute ${name}: ${describe(el)}`);
      }
    }
  }
  return found;
}
"""


# --- the browser side -----------------------------------------------------------------------


def totp_now(secret: str = TOTP_SECRET) -> str:
    counter = int(time.time()) // 30
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


@dataclass
class Visitor:
    """A browser context with the CSP switched off, reporting every payload that runs."""

    page: Page
    hits: list = field(default_factory=list)
    errors: list = field(default_factory=list)


@pytest.fixture(scope="module")
def content(site_server):
    output = site_server.shell(
        "from tests.browser.xss_content import build_content; build_content()"
    )
    line = next(line for line in output.splitlines() if line.startswith(OUT_PREFIX))
    data = json.loads(line[len(OUT_PREFIX) :])
    assert not data["errors"], data["errors"]
    return data


def test_what_residents_type_is_stored_without_markup(content):
    assert not content["stored_markup"], "\n".join(content["stored_markup"])


@pytest.fixture
def visit(browser: Browser, site_server):
    contexts = []

    def open_(who: str | None = None) -> Visitor:
        context = browser.new_context(
            base_url=site_server.url, bypass_csp=True, viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        visitor = Visitor(page=context.new_page())
        context.expose_binding(
            "__xssReport", lambda source, n: visitor.hits.append((source["frame"].url, n))
        )
        context.add_init_script(INIT_SCRIPT)
        page = visitor.page
        page.on(
            "dialog",
            lambda dialog: (
                visitor.hits.append((page.url, f"dialog {dialog.message}")),
                dialog.dismiss(),
            ),
        )
        page.on("pageerror", lambda error: visitor.errors.append(str(error)))
        if who:
            # Our own people have our password; the demo accounts the demo password.
            email, password = (who, PASSWORD) if "@" in who else (demo_email(who), DEMO_PASSWORD)
            page.goto("/accounts/login/")
            page.locator("input[name=login]").fill(email)
            page.locator("input[name=password]").fill(password)
            page.locator("main form button[type=submit]").first.click()
            page.wait_for_load_state()
            if "/2fa/" in page.url:
                # A code from the end of its 30 s period may arrive in the next one.
                if (left := 30 - time.time() % 30) < 3:
                    time.sleep(left + 0.2)
                page.locator("input[name=code]").fill(totp_now())
                page.locator("main form button[type=submit]").first.click()
                page.wait_for_load_state()
            assert "/accounts/" not in page.url, f"login of {who} failed: {page.url}"
        return visitor

    yield open_
    for context in contexts:
        context.close()


def assert_safe(visitor: Visitor, path: str, *expected: str, status: int = 200) -> None:
    """Open ``path``; no payload may run or leave markup; ``expected`` shows as text."""
    page = visitor.page
    response = page.goto(path)
    assert response is not None and response.status == status, (
        f"{path}: {response and response.status}"
    )
    assert urlsplit(page.url).path == urlsplit(path).path, f"{path} went to {page.url}"
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # onerror/onbegin/ontoggle handlers fire just after load
    check_page(visitor, path, *expected)


def check_page(visitor: Visitor, where: str, *expected: str) -> None:
    page = visitor.page
    found = page.evaluate(SCAN_SCRIPT)
    for frame in page.frames[1:]:
        found += [f"in a frame: {item}" for item in frame.evaluate(SCAN_SCRIPT)]
    assert not visitor.hits, f"{where}: payloads ran: {visitor.hits}"
    assert not found, f"{where}: markup from payloads in the page:\n" + "\n".join(found)
    text = page.evaluate("document.body.textContent")
    missing = [item for item in expected if item not in text]
    assert not missing, f"{where}: not shown as text: {missing}"


# Text every page with a short field (a title, a name) shows: the quote breakout, inert.
TITLE = 'xss32 " autofocus onfocus="__xss(32)" x="'
# A long field after the plain-text cleaner: template syntax and a script-string breakout.
LONG_TEXT = "{{ 7*7 }} {% debug %}"


def search_groups(limit: int = 190) -> list[list[Payload]]:
    groups: list[list[Payload]] = [[]]
    for payload in PAYLOADS:
        if groups[-1] and len(" ".join(p.text for p in [*groups[-1], payload])) > limit:
            groups.append([])
        groups[-1].append(payload)
    return groups


def test_public_pages_run_no_payload(visit, content):
    visitor = visit()
    slug = content["slug"]
    pages = [
        (f"/initiatieven/{slug}/", [TITLE, LONG_TEXT, "xss38", "xss34 ';__xss(34);//"]),
        ("/initiatieven/", [TITLE]),
        ("/", []),
        (f"/doneren/doel/{content['doel']}/", [LONG_TEXT]),
        (f"/vrijwilligers/{content['vacatures'][0]}/", [TITLE, LONG_TEXT]),
        (f"/vrijwilligers/{content['vacatures'][1]}/", [TITLE]),
        ("/vrijwilligers/", [TITLE]),
        (f"/ruimtes/14/?week={content['week']}", [TITLE]),
        (f"/buurtbudget/wijk/{content['wijk']}/", [LONG_TEXT]),
        ("/zoeken/?q=Zwaluwstaart", ["Zwaluwstaart"]),
        ("/zoeken/?q=Kwikstaart", ["Kwikstaart"]),
        (content["cms"], [TITLE, LONG_TEXT]),
        (f"/talentenbeurs/{content['beurs']}/", []),
        ("/sociale-kaart/", []),
        (f"/sociale-kaart/{content['wijk']}/", []),
        ("/en/initiatieven/" + slug + "/", [TITLE, LONG_TEXT]),
    ]
    for path, expected in pages:
        assert_safe(visitor, path, *expected)
    # What people type into a search box comes back on the results page and in links.
    # The search page cuts a query at 200 characters: a few payloads per search.
    for group in search_groups():
        query = " ".join(payload.text for payload in group)
        assert_safe(visitor, f"/zoeken/?q={quote(query)}", group[0].marker)
    # Longer than the cut (and than most fields), within what a URL may hold.
    assert_safe(visitor, f"/zoeken/?q={quote(LONG.text[-1200:])}")
    assert_safe(visitor, f"/vrijwilligers/?q={quote(short(limit=120))}")
    assert not visitor.errors, visitor.errors


def test_query_parameters_come_back_inert(visit, content):
    """Filters, dates and unknown parameters (names too) echoed in forms and links."""
    visitor = visit()
    value = quote(short((5, 32, 33), limit=120))
    name = quote('x"><img src=x onerror=__xss(5)>')
    pages = [
        f"/zoeken/?q=buurt&type={value}&thema={value}&postcode={value}&distance_km={value}"
        f"&{name}={value}&page=999",
        f"/zoeken/?q=Zwaluwstaart&{name}={value}&sort={value}",
        f"/initiatieven/?wijk={value}&thema={value}&soort={value}&behoefte={value}&sort={value}",
        f"/vrijwilligers/?q={value}&wijk={value}&skill={value}&theme={value}&when={value}"
        f"&suits={value}",
        f"/ruimtes/?date={value}&start={value}&end={value}&people={value}&wijk={value}",
        f"/ruimtes/14/?week={value}",
        f"/buurtbudget/wijk/{content['wijk']}/?jaar={value}",
        f"/sociale-kaart/?q={value}&{name}={value}",
        f"/accounts/login/?next={quote('javascript:__xss(31)')}",
        f"/accounts/signup/?next={value}",
    ]
    for path in pages:
        response = visitor.page.goto(path)
        assert response is not None and response.status < 500, path
        visitor.page.wait_for_load_state("load")
        check_page(visitor, path)
    # With a session the booking form takes its first values from the query string.
    owner = visit("xss-eigenaar@example.org")
    assert_safe(owner, f"/ruimtes/14/boeken/?date={value}&start={value}&end={value}")
    assert not visitor.errors and not owner.errors, visitor.errors + owner.errors


def test_search_box_and_suggestions_typed_in_the_browser(visit, content):
    visitor = visit()
    page = visitor.page
    page.goto("/")
    box = page.locator("#bk-search-q")
    box.fill("Zwaluws")  # suggestions come from the API and are built in the page
    page.locator("#bk-search-q-suggesties [role=option]").first.wait_for()
    check_page(visitor, "suggestions", TITLE)
    box.fill(short((5, 32, 2), limit=120))
    box.press("Enter")
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)
    check_page(visitor, "search typed in the box", "xss05", "xss02")
    assert not visitor.errors, visitor.errors


def test_api_answers_json_with_the_text_as_data(visit, content):
    visitor = visit()
    for path in (
        f"/api/v1/initiatieven/{content['slug']}",
        f"/api/v1/vacatures/{content['vacatures'][0]}",
        "/api/v1/zoeken?q=Zwaluwstaart",
        "/api/v1/zoeken/suggesties?q=Zwaluws",
    ):
        response = visitor.page.request.get(path)
        assert response.status == 200, path
        assert response.headers["content-type"].startswith("application/json"), path
        assert response.headers.get("x-content-type-options") == "nosniff", path
        assert "xss32" in response.text(), path


def test_owner_volunteer_manager_panel_and_moderator_pages_run_no_payload(
    visit, content, site_server
):
    slug, aanvraag, bookings = content["slug"], content["aanvraag"], content["bookings"]

    # The volunteer types a display name through the profile form; the owner sees it.
    volunteer = visit("xss-vrijwilliger@example.org")
    page = volunteer.page
    page.goto("/account/")
    page.locator("input[name=display_name]").fill(short((5, 33), limit=80))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    for path, expected in [
        ("/account/", []),
        ("/vrijwilligers/profiel/", []),
        ("/vrijwilligers/mijn/", [TITLE, "xss00"]),
        ("/vrijwilligers/voor-jou/", []),
    ]:
        assert_safe(volunteer, path, *expected)

    owner = visit("xss-eigenaar@example.org")
    for path, expected in [
        ("/initiatieven/mijn/", [TITLE]),
        (f"/initiatieven/{slug}/beheer/", [TITLE]),
        (f"/initiatieven/{slug}/bewerken/basis/", []),
        (f"/initiatieven/{slug}/bewerken/beschrijving/", []),
        (f"/initiatieven/{slug}/bewerken/onderneming/", []),
        (f"/initiatieven/{slug}/bewerken/fotos/", []),
        (f"/initiatieven/{slug}/updates/nieuw/", []),
        ("/vrijwilligers/beheer/", [LONG_TEXT, "xss05"]),
        (f"/vrijwilligers/{content['vacatures'][0]}/bewerken/", []),
        (f"/vrijwilligers/{content['vacatures'][0]}/vrijwilligers/", []),
        ("/ruimtes/mijn-boekingen/", [TITLE]),
        (f"/ruimtes/boekingen/{bookings['declined']}/", [TITLE, "xss01"]),
        ("/buurtbudget/aanvragen/", []),
        (f"/talentenbeurs/{content['beurs']}/tafels/{content['tafel']}/", [TITLE]),
        (f"/buurtbudget/aanvragen/{aanvraag}/", [LONG_TEXT]),
        ("/account/", []),
    ]:
        assert_safe(owner, path, *expected)

    # A booking typed through the real form: the confirmation repeats it in hidden fields.
    page = owner.page
    page.goto(f"/ruimtes/14/boeken/?date={content['free_day']}&start=19:00")
    page.locator("input[name=end]").fill("21:00")
    page.locator("input[name=title]").fill(short(limit=118))
    page.locator("textarea[name=purpose]").fill(combined((5, 7, 20, 32, 33, 34), limit=1900))
    page.locator("input[name=expected_people]").fill("5")
    page.locator("input[name=booker_type][value=bewoners]").check()
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    check_page(owner, "booking confirmation", TITLE)

    manager = visit("bewoner")
    for path, expected in [
        ("/ruimtes/beheer/", [TITLE]),
        (f"/ruimtes/beheer/aanvragen/{bookings['requested']}/", [TITLE, LONG_TEXT]),
    ]:
        assert_safe(manager, path, *expected)

    organiser = visit("professional")
    assert_safe(organiser, f"/talentenbeurs/{content['beurs']}/organisatie/", TITLE)

    panel = visit("inspiratieteam")
    for path, expected in [
        (f"/buurtbudget/aanvragen/{aanvraag}/", [LONG_TEXT, TITLE]),
        (f"/buurtbudget/wijk/{content['wijk']}/panel/", []),
    ]:
        assert_safe(panel, path, *expected)

    # The Wagtail admin allows inline script (its editor needs it): escaping is all there is.
    moderator = visit("xss-moderator@example.org")
    for path, expected in [
        ("/admin/initiatieven-moderatie/", ["Kwikstaart"]),
        (f"/admin/initiatieven-moderatie/{content['submitted']}/", [LONG_TEXT]),
        ("/admin/initiatieven-moderatie/meldingen/", []),
        *[
            (f"/admin/initiatieven-moderatie/meldingen/{pk}/", [LONG_TEXT])
            for pk in content["meldingen"]
        ],
        ("/admin/donaties/meldingen/", []),
        (f"/admin/donaties/meldingen/{content['bericht_melding']}/", [LONG_TEXT]),
    ]:
        assert_safe(moderator, path, *expected)

    # Staff lists and edit forms in the Wagtail admin show the same texts.
    admin = visit("xss-beheer@example.org")
    vacature = content["vacatures"][0]
    for path, expected in [
        ("/admin/vrijwilligers_vacatures/", [TITLE]),
        (f"/admin/vrijwilligers_vacatures/edit/{vacature}/", []),
        (f"/admin/vrijwilligers_vacatures/inspect/{vacature}/", [TITLE]),
        ("/admin/aanvraag/", []),
        (f"/admin/aanvraag/edit/{aanvraag}/", []),
        (f"/admin/aanvraag/inspect/{aanvraag}/", [LONG_TEXT]),
        ("/admin/donaties/", []),
        (f"/admin/pages/search/?q={quote(short(limit=120))}", []),
        (f"/admin/vrijwilligers_vacatures/?q={quote(short(limit=120))}", []),
    ]:
        assert_safe(admin, path, *expected)

    for visitor in (volunteer, owner, manager, organiser, panel, moderator, admin):
        assert not visitor.errors, visitor.errors
