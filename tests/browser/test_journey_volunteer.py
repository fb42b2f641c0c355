"""Journey (b): a volunteer finds the new initiative through search and responds to its
vacature; the owner accepts from the link in the mail; the volunteer sees the outcome.

The initiative is the one journey (a) published at the same width (made here when that
journey did not run in this session).
"""

import re

from playwright.sync_api import expect

from .journeys import assert_fits, field, key_shot, published_initiative

VOLUNTEER = "bewoner@demo.buurtkracht.nl"
VOLUNTEER_NAME = "Fatima (bewoner)"


def test_journey_volunteer_responds_owner_accepts(open_page, site_server, login, width, shot):
    initiative = published_initiative(open_page, site_server, width)
    word = initiative.title.split()[-1]

    # The volunteer searches the site for the initiative's name.
    volunteer = open_page(width)
    login(volunteer, "bewoner")
    volunteer.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Zoeken", exact=True
    ).click()
    field(volunteer, "Waar zoek je naar?").fill(word.lower())
    volunteer.locator("main").get_by_role("button", name="Zoek", exact=True).click()
    expect(volunteer.get_by_role("heading", level=1)).to_have_text(
        f"Zoekresultaten voor ‘{word.lower()}’"
    )
    results = volunteer.get_by_role("region", name="Resultaten")
    expect(results.get_by_role("link", name=initiative.title)).to_be_visible()
    expect(results.get_by_role("link", name=initiative.vacature_title)).to_be_visible()
    assert_fits(volunteer)
    key_shot(shot, volunteer, f"journey-volunteer-search-{width}")

    # The vacature's page; the volunteer responds.
    results.get_by_role("link", name=initiative.vacature_title).click()
    expect(volunteer.get_by_role("heading", level=1)).to_have_text(initiative.vacature_title)
    expect(volunteer.get_by_role("link", name=initiative.title)).to_be_visible()
    expect(volunteer.get_by_text("Nog niet openbaar.")).to_have_count(0)
    field(volunteer, "Je bericht").fill("Ik tuinier graag en kan op zaterdagochtend.")
    volunteer.get_by_role("button", name="Reageer op deze vacature").click()
    expect(
        volunteer.get_by_text("Je reactie is verstuurd. Je hoort het via de mail.")
    ).to_be_visible()
    expect(volunteer.get_by_text("Je hebt gereageerd. Status: Nieuw.")).to_be_visible()
    assert_fits(volunteer)

    # The owner opens the link in the mail, logs in and accepts.
    mail = site_server.wait_for_mail(
        initiative.owner_email, subject_contains=f"Nieuwe reactie op {initiative.vacature_title}"
    )
    assert "Ik tuinier graag en kan op zaterdagochtend." in mail.body
    assert VOLUNTEER not in mail.body  # the address only after accepting
    link = re.search(r"https?://\S+/vrijwilligers/beheer/", mail.body)
    assert link, mail.body
    owner = open_page(width)
    owner.goto(link.group(0))
    field(owner, "E-mail").fill(initiative.owner_email)
    field(owner, "Wachtwoord").fill(initiative.password)
    owner.locator("main form button[type=submit]").first.click()
    expect(owner.get_by_role("heading", level=1)).to_have_text("Mijn vacatures")
    expect(owner.get_by_text(f"{VOLUNTEER_NAME} · Nieuw")).to_be_visible()
    expect(owner.get_by_text("Ik tuinier graag en kan op zaterdagochtend.")).to_be_visible()
    owner.get_by_role("button", name="Accepteren").click()
    expect(
        owner.get_by_text("Geaccepteerd. Jullie krijgen allebei elkaars contactgegevens per mail.")
    ).to_be_visible()
    expect(owner.get_by_text(f"{VOLUNTEER_NAME} · Geaccepteerd")).to_be_visible()
    expect(owner.get_by_text(f"E-mail: {VOLUNTEER}")).to_be_visible()
    assert_fits(owner)
    key_shot(shot, owner, f"journey-volunteer-accepted-{width}")

    # The volunteer hears it by mail and sees it on "Mijn reacties".
    mail = site_server.wait_for_mail(
        VOLUNTEER, subject_contains=f"Je bent welkom bij {initiative.vacature_title}"
    )
    assert initiative.owner_email in mail.body
    volunteer.get_by_role("link", name="Vrijwilligers", exact=True).first.click()
    volunteer.get_by_role("link", name="Mijn reacties en uren").click()
    expect(volunteer.get_by_role("heading", level=1)).to_have_text("Mijn reacties en uren")
    entry = volunteer.get_by_role("article").filter(
        has=volunteer.get_by_role("heading", name=initiative.vacature_title)
    )
    expect(entry).to_contain_text("Geaccepteerd")
    expect(volunteer.get_by_role("link", name=initiative.owner_email)).to_have_count(1)
    assert_fits(volunteer)
