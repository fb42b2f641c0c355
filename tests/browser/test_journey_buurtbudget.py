"""Journey: the inspiratieteam votes on a buurtbudget application; the decision goes public.

An initiative owner applies for a small grant for an initiative in De Baarsjes. Its
inspiratieteam has three members in the demo (the chair, a member and a resident); the
round's quorum is three, so the third vote decides: two for and one against grants it.
The wijk's public buurtbudget page then shows the decision with the panel's reasons,
and the owner gets the mail. Each run uses its own amount and texts.
"""

import re
import uuid
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from .journeys import assert_fits, key_shot

OWNER = "initiatiefnemer"
INITIATIVE = "Fietsenmakerij Mercatorplein"
WIJK = "De Baarsjes"
PANEL = [
    ("inspiratieteam", "Voor"),  # the chair
    ("inspiratieteam-lid", "Voor"),
    ("bewoner", "Tegen"),
]


def dutch_euros(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + ",00"


def apply(page: Page, *, amount: int, plan: str) -> str:
    """The owner applies from "Mijn aanvragen"; returns the application's address."""
    page.goto("/buurtbudget/aanvragen/")
    page.get_by_role("link", name=f"Buurtbudget aanvragen voor {INITIATIVE}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Buurtbudget aanvragen voor {INITIATIVE}"
    )
    page.get_by_label("Prioriteit van het stadsdeel").select_option(index=1)
    page.get_by_label("Plan").fill(plan)
    page.get_by_label("Verwachte resultaten").fill("Twintig buren maken hun fiets zelf.")
    page.get_by_label("Wanneer is de activiteit klaar?").fill(
        (date.today() + timedelta(days=60)).isoformat()
    )
    page.get_by_label("Gevraagd bedrag (euro)").fill(str(amount))
    line = page.locator(".bb-line").first
    line.get_by_label("Waarvoor?").fill("Gereedschap en onderdelen")
    line.get_by_label("Bedrag (euro)").fill(str(amount))
    assert_fits(page)
    page.get_by_role("button", name="Aanvraag indienen").click()
    expect(page.locator(".bk-messages")).to_contain_text("Je aanvraag is ingediend.")
    expect(page.get_by_text("Ingediend", exact=True)).to_be_visible()
    return page.url


def vote(page: Page, *, amount: int, choice: str, motivation: str) -> None:
    """A panel member finds the application from the wijk page and votes."""
    page.goto("/buurtbudget/")
    page.get_by_role("link", name=WIJK, exact=True).click()
    page.get_by_role("link", name="Naar het inspiratieteam").click()
    assert_fits(page)
    row = page.locator("tr", has_text=INITIATIVE).filter(has_text=f"€ {dutch_euros(amount)}")
    expect(row).to_contain_text("nog niet gestemd")
    row.get_by_role("link", name=INITIATIVE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Aanvraag voor {INITIATIVE}")
    expect(
        page.get_by_text("Je ziet de stemmen van anderen nadat je zelf hebt gestemd.")
    ).to_be_visible()
    page.get_by_label(choice, exact=True).check()
    page.get_by_label("Motivatie").fill(motivation)
    assert_fits(page)
    page.get_by_role("button", name="Stem uitbrengen").click()
    expect(page.locator(".bk-messages")).to_contain_text("Je stem is opgeslagen.")


def test_journey_panel_votes_and_decision_is_public(open_page, login, shot, width, site_server):
    token = uuid.uuid4().hex[:6]
    # Its own amount per width (the panel's list tells the two applications apart by it).
    amount = (400 if width < 1000 else 800) + int(token, 16) % 300
    plan = f"Een fietsenwerkplaats op zaterdag, met buren die helpen ({token})."

    owner = open_page(width)
    login(owner, OWNER)
    application_url = apply(owner, amount=amount, plan=plan)
    key_shot(shot, owner, f"buurtbudget-1-aanvraag-{width}")

    reasons = {}
    for index, (member, choice) in enumerate(PANEL):
        page = open_page(width)
        login(page, member)
        reasons[member] = f"{choice} omdat het de buurt helpt ({member} {token})."
        vote(page, amount=amount, choice=choice, motivation=reasons[member])
        if index == 0:
            key_shot(shot, page, f"buurtbudget-2-gestemd-{width}")
        if index < len(PANEL) - 1:
            # Not decided yet: the member now sees the votes so far, the quorum is not met.
            expect(page.get_by_text(f"{index + 1} stem")).to_be_visible()
            expect(page.get_by_text(reasons[member])).to_be_visible()
        else:
            besluit = page.locator("section", has=page.get_by_role("heading", name="Besluit"))
            expect(besluit).to_contain_text("Toegekend op")
            expect(besluit).to_contain_text("2 voor, 1 tegen, 0 onthouding.")
            key_shot(shot, page, f"buurtbudget-3-besluit-{width}")

    # Anyone can read the decision on the wijk's buurtbudget page, with the reasons for it.
    visitor = open_page(width)
    visitor.goto("/buurtbudget/")
    visitor.get_by_role("link", name=WIJK, exact=True).click()
    decision = visitor.locator(".bb-decision", has_text=reasons["inspiratieteam"])
    expect(decision).to_have_count(1)
    expect(decision.get_by_role("heading")).to_have_text(INITIATIVE)
    expect(decision).to_contain_text("Toegekend")
    expect(decision).to_contain_text(f"€ {dutch_euros(amount)}")
    expect(decision).to_contain_text("2 voor, 1 tegen, 0 onthouding.")
    expect(decision).to_contain_text(reasons["inspiratieteam-lid"])
    # The reasons of the losing side and the names of the members stay private.
    expect(decision).not_to_contain_text(reasons["bewoner"])
    expect(decision).not_to_contain_text("Mohamed")
    assert_fits(visitor)
    key_shot(shot, visitor, f"buurtbudget-4-openbaar-{width}")

    # The owner reads the decision on the application and in the mail.
    owner.goto(application_url)
    expect(
        owner.locator("section", has=owner.get_by_role("heading", name="Besluit"))
    ).to_contain_text("Toegekend op")
    mail = site_server.wait_for_mail(
        f"{OWNER}@demo.buurtkracht.nl", subject_contains=f"{INITIATIVE} is toegekend"
    )
    assert re.search(r"toegekend", mail.body, re.IGNORECASE)
