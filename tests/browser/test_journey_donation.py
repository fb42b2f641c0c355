"""Journey: a visitor donates to an initiative; the progress bar on its page moves.

The visitor is not logged in. Checkout runs on the suite's local Stripe server (its
hosted page has real buttons); that server's webhook marks the donation paid, and the
initiative page shows the new total. Also done keyboard-only.
"""

import re
import uuid
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from .journeys import assert_fits, key_shot
from .test_journey_rooms import field_order, skip_to_content, tab_to

STAND = re.compile(r"€\s*([\d.]+,\d\d) van €\s*([\d.]+,\d\d) opgehaald")


@pytest.fixture
def checkout(stripe_server, site_server):
    """Webhooks of the local Stripe server go to the site under test."""
    stripe_server.set_webhook_url(site_server.url + "/doneren/stripe/webhook/")
    return stripe_server


def euros(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def goal_stand(page: Page) -> dict:
    """What the visitor reads at the first donation goal: raised, goal, bar, donors."""
    goal = page.locator(".bk-donatie-doel").first
    raised, target = STAND.search(
        goal.locator(".bk-donatie-doel__stand label").inner_text()
    ).groups()
    bar = goal.locator("progress")
    donors = re.search(r"(\d+) donateurs?", goal.locator(".bk-donatie-doel__stand").inner_text())
    return {
        "raised": euros(raised),
        "goal": euros(target),
        "bar": int(bar.get_attribute("value")),
        "bar_max": int(bar.get_attribute("max")),
        "donors": int(donors.group(1)),
    }


def find_initiative_with_goal(page: Page) -> str:
    """From the initiatives list, filtered on money, the first one that takes donations."""
    page.goto("/initiatieven/")
    page.get_by_label("Heeft nodig").select_option(label="Geld")
    page.get_by_role("button", name="Toon initiatieven").click()
    links = page.locator("main .bk-card__link")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs, "no initiative needs money"
    for href in hrefs:
        page.goto(href)
        if page.get_by_role("link", name="Doneer", exact=True).count():
            return href
    raise AssertionError("no initiative in the list takes donations")


def wait_until_paid(page: Page) -> None:
    """The return page waits for the webhook; the visitor refreshes it as it says."""
    for _ in range(20):
        if page.get_by_role("heading", name="Betaald – dank je wel!").count():
            return
        expect(page.get_by_role("heading", level=1)).to_have_text("We verwerken je donatie")
        page.wait_for_timeout(250)
        page.get_by_role("link", name="Vernieuw deze pagina").click()
    raise AssertionError("the donation was never marked paid")


def test_journey_visitor_donates_and_progress_moves(open_page, shot, width, checkout):
    token = uuid.uuid4().hex[:6]
    name, message = f"Buurvrouw {token}", f"Succes met de tuin! {token}"
    page = open_page(width)

    href = find_initiative_with_goal(page)
    before = goal_stand(page)
    assert before["bar"] == round(before["raised"] * 100)
    assert_fits(page)
    key_shot(shot, page, f"doneren-1-initiatief-{width}")
    page.get_by_role("link", name="Doneer", exact=True).first.click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Doneer aan")
    expect(page.get_by_role("note")).to_contain_text("Testmodus")
    page.get_by_label("€ 10").check()
    page.get_by_label("Je naam").fill(name)
    page.get_by_label("Laat mijn bedrag zien bij de donateurs").check()
    page.get_by_label("Bericht voor het initiatief (niet verplicht)").fill(message)
    page.get_by_label("Je e-mailadres").fill(f"donateur-{token}@example.org")
    assert_fits(page)
    key_shot(shot, page, f"doneren-2-formulier-{width}")
    page.get_by_role("button", name="Verder naar betalen").click()

    # The hosted checkout page of the local Stripe server.
    page.wait_for_url(re.compile(r"/checkout/cs_"))
    expect(page.locator("body")).to_contain_text("10,00")
    assert_fits(page)
    key_shot(shot, page, f"doneren-3-betalen-{width}")
    page.get_by_role("button", name=re.compile("^Betalen met iDEAL")).click()

    wait_until_paid(page)
    assert_fits(page)
    key_shot(shot, page, f"doneren-4-bedankt-{width}")
    page.get_by_role("link", name="Terug naar het initiatief").click()

    assert page.url.endswith(href)
    after = goal_stand(page)
    assert after["raised"] == before["raised"] + Decimal("10.00")
    assert after["bar"] == before["bar"] + 1000
    assert after["bar_max"] == before["bar_max"]
    assert after["donors"] == before["donors"] + 1
    donor = page.locator(".bk-donateur", has_text=name)
    expect(donor).to_contain_text("€ 10,00")
    expect(donor).to_contain_text(message)
    key_shot(shot, page, f"doneren-5-voortgang-{width}")


def test_journey_keyboard_only_donation(open_page, shot, width, checkout):
    token = uuid.uuid4().hex[:6]
    name = f"Buurman {token}"
    page = open_page(width)
    href = find_initiative_with_goal(page)

    page.goto(href)  # the start: the initiative page, by keyboard from here
    before = goal_stand(page)
    skip_to_content(page)
    tab_to(page, lambda stop: stop["tag"] == "a" and stop["text"] == "Doneer")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Doneer aan")
    skip_to_content(page)
    stops = tab_to(page, lambda stop: stop["name"] == "preset")
    assert stops[-1]["value"] == "500"
    for _ in range(3):  # € 10, € 25, Ander bedrag
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "anders"
    stops += tab_to(page, lambda stop: stop["name"] == "amount_other")
    page.keyboard.type("7,50")
    stops += tab_to(page, lambda stop: stop["name"] == "name")
    page.keyboard.type(name)
    stops += tab_to(page, lambda stop: stop["name"] == "show_amount")
    page.keyboard.press("Space")
    stops += tab_to(page, lambda stop: stop["name"] == "message")
    page.keyboard.type(f"Van de overkant {token}")
    stops += tab_to(page, lambda stop: stop["name"] == "email")
    page.keyboard.type(f"toetsenbord-{token}@example.org")
    stops += tab_to(page, lambda stop: stop["tag"] == "button")
    assert stops[-1]["text"] == "Verder naar betalen"
    assert field_order(stops) == [
        "preset",
        "amount_other",
        "name",
        "is_anonymous",
        "show_amount",
        "message",
        "email",
    ]
    assert page.get_by_label("Laat mijn bedrag zien bij de donateurs").is_checked()
    key_shot(shot, page, f"doneren-toetsenbord-formulier-{width}")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/checkout/cs_"))
    expect(page.locator("body")).to_contain_text("7,50")
    tab_to(page, lambda stop: stop["text"].startswith("Betalen met iDEAL"))
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/bedankt/"))
    for _ in range(20):  # the page asks to refresh it while the webhook is on its way (F5)
        if page.get_by_role("heading", name="Betaald – dank je wel!").count():
            break
        page.wait_for_timeout(250)
        page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Betaald – dank je wel!")
    assert_fits(page)
    tab_to(page, lambda stop: stop["text"] == "Terug naar het initiatief")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(re.escape(href) + "$"))
    after = goal_stand(page)
    assert after["raised"] == before["raised"] + Decimal("7.50")
    assert after["bar"] == before["bar"] + 750
    assert after["donors"] == before["donors"] + 1
    expect(page.locator(".bk-donateur", has_text=name)).to_contain_text("€ 7,50")
