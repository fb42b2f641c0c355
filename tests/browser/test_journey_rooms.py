"""Journey: an initiative owner books a room for a weekly meeting; the centre manager approves
the whole series at once.

Also done keyboard-only and with JavaScript off. Every booking is a two-week series in
the Vergaderkamer of De Tagerijn on Fridays, each journey at its own hour, so the
journeys of one session never overlap. De Tagerijn asks approval for every booking
while this module runs (the demo centre confirms bookings of residents at once).

The keyboard helpers (`tab_to`, `focused`, `skip_to_content`) are shared
with the donation journey.
"""

import re
import time
import uuid
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from .journeys import assert_fits, key_shot

ROOM = "Vergaderkamer"
LOCATION = "De Tagerijn"
OWNER = "initiatiefnemer"
MANAGER = "beheerder"
OWNER_EMAIL = "initiatiefnemer@demo.buurtkracht.nl"
# One Friday hour per journey and width, so no two bookings of a session overlap.
HOURS = {
    ("muis", 375): 9,
    ("muis", 1280): 10,
    ("toetsenbord", 375): 11,
    ("toetsenbord", 1280): 12,
    ("zonder-js", 375): 13,
    ("zonder-js", 1280): 14,
}
DUTCH_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
DUTCH_DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


# --- helpers shared with the donation journey --------------------------------------------

FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
  return {
    tag: el.tagName.toLowerCase(), name: el.getAttribute('name') || '', id: el.id,
    type: el.getAttribute('type') || '', value: el.value === undefined ? '' : String(el.value),
    text: (el.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 120),
    label: label.replace(/\\s+/g, ' ').trim(),
    ring: Boolean(outline || shadow), shown: box.width > 0 && box.height > 0,
    inMain: Boolean(el.closest('main')),
  };
}"""


def focused(page: Page) -> dict | None:
    """What has the keyboard focus, and whether a focus ring is drawn around it."""
    return page.evaluate(FOCUSED_JS)


def tab_to(page: Page, match, *, limit: int = 120, backwards: bool = False) -> list[dict]:
    """Press Tab (or Shift+Tab) until ``match(focused)`` holds; returns every stop on the way.

    Fails when a stop has no visible focus ring or cannot be seen, or when the target is
    not reached within ``limit`` presses (unreachable, or a keyboard trap).
    """
    stops = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        info = focused(page)
        assert info is not None, (
            f"Focus left the page after {[s['text'] or s['name'] for s in stops]}"
        )
        assert info["shown"], f"Focus is on something that cannot be seen: {info}"
        assert info["ring"], f"No visible focus ring on {info}"
        stops.append(info)
        if match(info):
            return stops
    raise AssertionError(f"Not reached by keyboard in {limit} presses; stops: {stops[-15:]}")


def field_order(stops: list[dict]) -> list[str]:
    """The form field names in the order the focus visited them (repeats folded)."""
    names = []
    for stop in stops:
        is_field = stop["name"] and stop["tag"] in ("input", "select", "textarea")
        if is_field and (not names or names[-1] != stop["name"]):
            names.append(stop["name"])
    return names


def skip_to_content(page: Page) -> None:
    """The first Tab on a page reaches the skip link; Enter moves on to the content."""
    first = tab_to(page, lambda stop: True)[0]
    assert first["text"] == "Naar de inhoud", f"first Tab stop is not the skip link: {first}"
    page.keyboard.press("Enter")


def type_date(page: Page, day: date) -> None:
    """Type a date into the focused date input, in the order of its segments.

    Chromium orders the segments by its own language, so try month first, then day first.
    """
    for order in (("%m", "%d"), ("%d", "%m")):
        page.keyboard.type(day.strftime(order[0]) + day.strftime(order[1]) + day.strftime("%Y"))
        if page.evaluate("document.activeElement.value") == day.isoformat():
            return
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
    raise AssertionError(f"Could not type {day} into {focused(page)}")


def wait_for_mail_with(site_server, to: str, *, subject: str, text: str, timeout: float = 10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for mail in site_server.mails(to):
            if subject in mail.subject and text in mail.body:
                return mail
        time.sleep(0.1)
    raise AssertionError(f"No mail to {to} about {text!r} with {subject!r} in the subject")


# --- set-up ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def approval_required(site_server):
    """De Tagerijn asks approval for every booking while these journeys run."""
    code = (
        "from ruimtes.models import Locatie;"
        "Locatie.objects.filter(slug='de-tagerijn').update(approval_required={})"
    )
    site_server.shell(code.format(True))
    yield
    site_server.shell(code.format(False))


def first_friday() -> date:
    """A Friday at least two weeks ahead whose series (that day and a week later) misses
    the Christmas closure."""
    day = date.today() + timedelta(days=14)
    day += timedelta(days=(4 - day.weekday()) % 7)
    while any(date(d.year, 12, 24) <= d <= date(d.year, 12, 27) for d in (day, day + timedelta(7))):
        day += timedelta(weeks=2)
    return day


def dutch(day: date) -> str:
    return f"{DUTCH_DAYS[day.weekday()]} {day.day} {DUTCH_MONTHS[day.month - 1]}"


def title_for(journey: str, width: int) -> str:
    return f"Buurtoverleg {journey} {width} {uuid.uuid4().hex[:6]}"


def my_bookings(page: Page, title: str):
    page.goto("/ruimtes/mijn-boekingen/")
    return page.locator("table").first.locator("tr", has_text=title)


# --- journeys ----------------------------------------------------------------------------


def test_journey_owner_books_weekly_meeting_and_manager_approves(
    open_page, login, shot, width, site_server, approval_required
):
    friday, hour = first_friday(), HOURS[("muis", width)]
    title = title_for("muis", width)
    owner = open_page(width)
    login(owner, OWNER)

    # The owner looks for a free room on Friday, in the finder.
    owner.goto("/ruimtes/")
    owner.get_by_label("Datum").fill(friday.isoformat())
    owner.get_by_label("Van").fill(f"{hour:02d}:00")
    owner.get_by_label("Tot").fill(f"{hour + 1:02d}:00")
    owner.get_by_label("Aantal mensen").fill("8")
    owner.get_by_label("Wijk").select_option(label="De Baarsjes")
    owner.get_by_role("button", name="Zoek vrije ruimtes").click()
    expect(owner.get_by_role("heading", name=re.compile(r"\d+ vrije ruimtes?"))).to_be_visible()
    assert_fits(owner)
    key_shot(shot, owner, f"kamer-1-zoeken-{width}")
    card = owner.locator(".bk-card", has_text=LOCATION).filter(has_text=ROOM)
    card.get_by_role("link", name=f"Boek {ROOM}").click()

    # Step 1: the form comes with the day and hours of the search.
    expect(owner.get_by_role("heading", level=1)).to_have_text(f"{ROOM} boeken")
    expect(owner.locator("#id_date")).to_have_value(friday.isoformat())
    expect(owner.locator("#id_start")).to_have_value(f"{hour:02d}:00")
    owner.locator("#id_title").fill(title)
    owner.get_by_label("Titel openbaar tonen").check()
    owner.get_by_label("Waarvoor gebruik je de ruimte?").fill(
        "Overleg met de buren over de klushulp."
    )
    owner.get_by_label("Verwacht aantal mensen").fill("8")
    owner.get_by_label("Elke week").check()
    owner.get_by_label("Herhalen tot en met").fill((friday + timedelta(days=7)).isoformat())
    assert_fits(owner)
    key_shot(shot, owner, f"kamer-2-formulier-{width}")
    owner.get_by_role("button", name="Verder").click()

    # Step 2: both Fridays are free; the owner books them.
    expect(owner.get_by_role("heading", level=1)).to_have_text("Controleer je boeking")
    expect(owner.get_by_text("2 datums zijn vrij.")).to_be_visible()
    rows = owner.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="ja")).to_have_count(2)
    assert_fits(owner)
    key_shot(shot, owner, f"kamer-3-controleren-{width}")
    owner.get_by_role("button", name="Boek de vrije datums").click()

    expect(owner.locator(".bk-messages")).to_contain_text("2 datums geboekt, 0 overgeslagen.")
    mine = owner.locator("table").first.locator("tr", has_text=title)
    expect(mine).to_have_count(2)
    expect(mine.filter(has_text="Aangevraagd")).to_have_count(2)
    assert_fits(owner)
    key_shot(shot, owner, f"kamer-4-aangevraagd-{width}")
    wait_for_mail_with(site_server, f"{MANAGER}@demo.buurtkracht.nl", subject="", text=title)

    # The manager of De Tagerijn finds the request in the queue and approves the series.
    manager = open_page(width)
    login(manager, MANAGER)
    manager.goto("/ruimtes/")
    manager.get_by_role("link", name="Beheer van ruimtes").click()
    requests = manager.locator("table tr", has_text=title)
    expect(requests).to_have_count(2)
    assert_fits(manager)
    key_shot(shot, manager, f"kamer-5-aanvragen-{width}")
    manager.locator("table tr", has_text=title).first.get_by_role("link", name=title).click()
    expect(manager.get_by_role("heading", level=1)).to_have_text("Aanvraag beoordelen")
    expect(manager.locator("dl")).to_contain_text(f"{ROOM}, {LOCATION}")
    expect(manager.locator("dl")).to_contain_text(dutch(friday))
    expect(manager.get_by_text("hoort bij een reeks met 2 aangevraagde datums")).to_be_visible()
    assert_fits(manager)
    key_shot(shot, manager, f"kamer-6-beoordelen-{width}")
    manager.get_by_role("button", name="Keur de reeks goed (2 datums)").click()
    expect(manager.locator(".bk-messages")).to_contain_text(
        "2 datums van de reeks zijn goedgekeurd."
    )
    expect(manager.locator("table tr", has_text=title)).to_have_count(0)

    # The owner sees both dates confirmed, and has the mail.
    mine = my_bookings(owner, title)
    expect(mine).to_have_count(2)
    expect(mine.filter(has_text="Bevestigd")).to_have_count(2)
    key_shot(shot, owner, f"kamer-7-bevestigd-{width}")
    mail = wait_for_mail_with(site_server, OWNER_EMAIL, subject="goedgekeurd", text=title)
    assert "Dat geldt voor 2 datums van de reeks" in mail.body


def test_journey_keyboard_only_room_booking(
    open_page, login, shot, width, site_server, approval_required
):
    friday, hour = first_friday(), HOURS[("toetsenbord", width)]
    title = title_for("toetsenbord", width)
    page = open_page(width)
    login(page, OWNER)
    page.goto(
        f"/ruimtes/?date={friday.isoformat()}&start={hour:02d}:00&end={hour + 1:02d}:00&people=6"
    )

    # Skip link first; then straight into the content.
    skip_to_content(page)
    stops = tab_to(
        page,
        lambda f: (
            f["text"] == f"Boek {ROOM}"
            and LOCATION in page.evaluate("document.activeElement.closest('.bk-card').innerText")
        ),
    )
    assert all(stop["inMain"] for stop in stops), "the skip link did not skip the header"
    # The finder's fields come before the results, in reading order.
    assert field_order(stops)[:4] == ["date", "start", "end", "people"]
    page.keyboard.press("Enter")

    # Step 1 by keyboard: every field in reading order, then the button.
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{ROOM} boeken")
    skip_to_content(page)
    stops = tab_to(page, lambda f: f["name"] == "title")
    page.keyboard.type(title)
    stops += tab_to(page, lambda f: f["name"] == "title_is_public")
    page.keyboard.press("Space")
    stops += tab_to(page, lambda f: f["name"] == "purpose")
    page.keyboard.type("Vergadering van de vrijwilligers.")
    stops += tab_to(page, lambda f: f["name"] == "expected_people")
    page.keyboard.press("Control+A")
    page.keyboard.type("6")
    stops += tab_to(page, lambda f: f["name"] == "repeat")
    assert page.evaluate("document.activeElement.value") == "0"
    page.keyboard.press("ArrowDown")  # "Elke week"
    assert page.evaluate("document.activeElement.value") == "1"
    stops += tab_to(page, lambda f: f["name"] == "until")
    type_date(page, friday + timedelta(days=7))
    stops += tab_to(page, lambda f: f["tag"] == "button")
    assert stops[-1]["text"] == "Verder"
    assert field_order(stops) == [
        "date",
        "start",
        "end",
        "title",
        "title_is_public",
        "purpose",
        "expected_people",
        "booker_type",
        "behoefte",
        "repeat",
        "until",
    ]
    key_shot(shot, page, f"kamer-toetsenbord-formulier-{width}")
    page.keyboard.press("Enter")

    # Step 2: the summary; Tab to the booking button and press it.
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleer je boeking")
    expect(page.get_by_text("2 datums zijn vrij.")).to_be_visible()
    expect(page.locator("dl")).to_contain_text(dutch(friday))
    expect(page.locator("dl")).to_contain_text(f"{hour:02d}:00-{hour + 1:02d}:00")
    skip_to_content(page)
    tab_to(page, lambda f: f["text"] == "Boek de vrije datums")
    key_shot(shot, page, f"kamer-toetsenbord-controleren-{width}")
    page.keyboard.press("Enter")

    expect(page.locator(".bk-messages")).to_contain_text("2 datums geboekt, 0 overgeslagen.")
    mine = page.locator("table").first.locator("tr", has_text=title)
    expect(mine).to_have_count(2)
    expect(mine.filter(has_text="Aangevraagd")).to_have_count(2)
    assert_fits(page)
    # And on by keyboard: the booking's own page opens from the list.
    skip_to_content(page)
    tab_to(page, lambda f: f["text"] == title)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("dl")).to_contain_text("Deze boeking hoort bij een reeks.")


def test_journey_room_booking_without_javascript(
    open_page, login, shot, width, site_server, approval_required
):
    friday, hour = first_friday(), HOURS[("zonder-js", width)]
    title = title_for("zonder-js", width)
    page = open_page(width, javascript=False)
    login(page, OWNER)
    page.goto("/ruimtes/")
    page.get_by_role("link", name=ROOM).first.click()
    # The room's week, then on to the week of the first Friday by its links.
    expect(page.get_by_role("heading", level=1)).to_contain_text(ROOM)
    assert_fits(page)
    for _ in range(8):
        slot = page.get_by_role("link", name=re.compile(f"boek {dutch(friday)} {hour:02d}:00$"))
        if slot.count():
            break
        page.get_by_role("link", name="Volgende week").click()
    key_shot(shot, page, f"kamer-zonder-js-week-{width}")
    slot.click()

    expect(page.locator("#id_date")).to_have_value(friday.isoformat())
    expect(page.locator("#id_start")).to_have_value(f"{hour:02d}:00")
    expect(page.locator("#id_end")).to_have_value(f"{hour + 1:02d}:00")
    # A mistake first: a series without an end date is refused, and nothing typed is lost.
    page.locator("#id_title").fill(title)
    page.get_by_label("Elke week").check()
    page.get_by_role("button", name="Verder").click()
    expect(page.locator(".bk-error-summary, [role=alert]").first).to_contain_text(
        "Kies tot wanneer je wilt herhalen."
    )
    expect(page.locator("#id_title")).to_have_value(title)
    page.get_by_label("Herhalen tot en met").fill((friday + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Verder").click()

    expect(page.get_by_text("2 datums zijn vrij.")).to_be_visible()
    # "Wijzigen" goes back to the form with everything filled in.
    page.get_by_role("button", name="Wijzigen").click()
    expect(page.locator("#id_title")).to_have_value(title)
    expect(page.get_by_label("Elke week")).to_be_checked()
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("button", name="Boek de vrije datums").click()

    expect(page.locator(".bk-messages")).to_contain_text("2 datums geboekt, 0 overgeslagen.")
    mine = page.locator("table").first.locator("tr", has_text=title)
    expect(mine).to_have_count(2)
    expect(mine.filter(has_text="Aangevraagd")).to_have_count(2)
    assert_fits(page)
    key_shot(shot, page, f"kamer-zonder-js-aangevraagd-{width}")
