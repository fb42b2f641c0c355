"""Journeys: a resident starts an initiative and a moderator publishes it; the form without JS.

(a) A new resident signs up, confirms the address by the mail link, writes an
    initiative with a photo, asks for people, a room and money, makes a vacature for the
    people, and submits it. The moderator opens the link in the mail, publishes it in the
    admin, and a logged-out visitor then finds it on its page and in the list.
(c) The whole initiative form with JavaScript switched off: errors next to the fields and
    in the summary, and what was typed stays after a bad submit.
"""

import re

from playwright.sync_api import Page, expect

from .journeys import (
    PASSWORD,
    PublishedInitiative,
    assert_fits,
    field,
    key_shot,
    png,
    remember_published,
    sign_up,
    staff_login,
    unique_word,
)

NEEDS = [
    # (kind, title, (extra field, value))
    ("Mensen", "Tuinvrijwilligers", ("Hoeveel mensen? (niet verplicht)", "3")),
    ("Ruimte", "Een schuur voor het gereedschap", None),
    ("Geld", "Zaden en gieters", ("Bedrag in euro (niet verplicht)", "250")),
]


def _heading(page: Page):
    return page.get_by_role("heading", level=1)


def _add_need(page: Page, kind: str, title: str, extra) -> None:
    page.get_by_role("link", name="Behoefte toevoegen").click()
    page.get_by_role("radio", name=kind, exact=True).check()
    field(page, "Wat is er nodig?").fill(title)
    if extra:
        page.get_by_label(extra[0]).fill(extra[1])
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De behoefte is opgeslagen.")).to_be_visible()


def resident_publishes_initiative(open_page, site_server, width: int, shot=None):
    """Journey (a); returns what the volunteer journey needs. ``shot``: save key pages."""

    def snap(page: Page, step: str) -> None:
        if shot is not None:
            key_shot(shot, page, f"journey-initiative-{step}-{width}")

    word = unique_word()
    email = f"{word.lower()}@example.org"
    title = f"Moestuin {word}"
    vacature_title = f"Tuinhulp {word}"

    # A resident signs up and confirms the address by the link in the mail.
    owner = open_page(width)
    sign_up(owner, site_server, email)
    assert_fits(owner)

    # Step 1 of the form: the basics; then the description and a photo.
    owner.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Initiatieven", exact=True
    ).click()
    owner.get_by_role("link", name="Start een initiatief").click()
    expect(_heading(owner)).to_have_text("Nieuw initiatief")
    field(owner, "Naam van het initiatief").fill(title)
    field(owner, "Korte samenvatting").fill("Buren kweken samen groente in het Westerpark.")
    field(owner, "Wijk").select_option(label="Westerpark")
    owner.get_by_role("checkbox", name="Groen", exact=True).check()
    owner.get_by_role("checkbox", name="Ontmoeting", exact=True).check()
    assert_fits(owner)
    owner.get_by_role("button", name="Opslaan en verder").click()
    expect(owner.get_by_text("Je initiatief is bewaard als concept.")).to_be_visible()
    expect(_heading(owner)).to_have_text(title)

    field(owner, "Beschrijving").fill(
        "Elke zaterdag werken we samen in de tuin. Iedereen mag meedoen."
    )
    owner.get_by_role("button", name="Opslaan en verder").click()
    expect(owner.get_by_text("Opgeslagen.")).to_be_visible()

    field(owner, "Foto").set_input_files(png())
    field(owner, "Wat staat er op de foto?").fill("Buren tussen de moestuinbakken")
    owner.get_by_role("button", name="Foto toevoegen").click()
    expect(owner.get_by_role("img", name="Buren tussen de moestuinbakken")).to_be_visible()
    owner.get_by_role("link", name="Klaar met foto's").click()

    # The needs: people, a room and money.
    expect(_heading(owner)).to_have_text(title)
    expect(owner.get_by_text("Status: Concept")).to_be_visible()
    for kind, need_title, extra in NEEDS:
        _add_need(owner, kind, need_title, extra)
    for kind, need_title, _extra in NEEDS:
        expect(owner.get_by_text(f"{kind}: {need_title} (Open)")).to_be_visible()
    manage_url = owner.url

    # A vacature for the people, linked to that need.
    owner.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Vrijwilligers", exact=True
    ).click()
    owner.get_by_role("link", name="Mijn vacatures beheren").click()
    owner.get_by_role("link", name="Nieuwe vacature").click()
    field(owner, "Bij welke behoefte aan mensen hoort dit?").select_option(
        label=f"{title}: Tuinvrijwilligers"
    )
    field(owner, "Titel").fill(vacature_title)
    field(owner, "Beschrijving").fill("Help mee met zaaien, wieden en oogsten.")
    owner.get_by_role("checkbox", name="Tuinieren", exact=True).check()
    owner.get_by_role("checkbox", name="zaterdag ochtend", exact=True).check()
    field(owner, "Wijk").select_option(label="Westerpark")
    owner.get_by_role("checkbox", name="Geschikt voor beginners", exact=True).check()
    owner.get_by_role("button", name="Opslaan").click()
    expect(owner.get_by_text("De vacature is opgeslagen.")).to_be_visible()
    expect(_heading(owner)).to_have_text(vacature_title)
    # Only the owners see it before the initiative is published.
    expect(owner.get_by_text("Nog niet openbaar.")).to_be_visible()
    vacature_url = owner.url.removeprefix(site_server.url)

    # Submit; a visitor does not see the concept yet.
    owner.goto(manage_url)
    owner.get_by_role("button", name="Indienen").click()
    expect(
        owner.get_by_text("Ingediend. Een moderator kijkt er zo snel mogelijk naar.", exact=True)
    ).to_be_visible()
    expect(owner.get_by_text("Status: Ingediend")).to_be_visible()
    public_url = owner.get_by_role("link", name="Bekijk een voorbeeld").get_attribute("href")
    visitor = open_page(width)
    assert visitor.goto(public_url).status == 404
    assert visitor.goto(vacature_url).status == 404
    visitor.goto(f"/zoeken/?q={word.lower()}")
    expect(visitor.get_by_text("0 resultaten gevonden")).to_be_visible()

    # The moderator follows the link in the mail and publishes it in the admin.
    mail = site_server.wait_for_mail(
        "moderator@demo.buurtkracht.nl", subject_contains=f"Nieuw initiatief ingediend: {title}"
    )
    admin_link = re.search(r"https?://\S+/admin/initiatieven-moderatie/\S*", mail.body)
    assert admin_link, mail.body
    moderator = open_page(width)
    staff_login(moderator, site_server, "moderator")
    moderator.goto(admin_link.group(0))
    expect(moderator.get_by_role("heading", name="Ingediende initiatieven")).to_be_visible()
    moderator.get_by_role("link", name=title).click()
    expect(moderator.get_by_text("Buren kweken samen groente in het Westerpark.")).to_be_visible()
    moderator.get_by_role("radio", name="Publiceren", exact=True).check()
    snap(moderator, "moderation")
    moderator.get_by_role("button", name="Besluit opslaan").click()
    expect(moderator.get_by_text("Gepubliceerd; de eigenaren krijgen een e-mail.")).to_be_visible()
    expect(moderator.get_by_role("link", name=title)).to_have_count(0)
    site_server.wait_for_mail(email, subject_contains=f"Je initiatief staat online: {title}")

    # Logged out, a visitor now sees the page with its three needs, and it is listed.
    assert visitor.goto(public_url).status == 200
    expect(_heading(visitor)).to_have_text(title)
    expect(visitor.get_by_text("Niet openbaar")).to_have_count(0)
    needs = visitor.get_by_role("region", name="Wat heeft dit initiatief nodig?")
    for kind, need_title, _extra in NEEDS:
        expect(needs.get_by_role("heading", name=f"{kind}: {need_title}")).to_be_visible()
    expect(needs.get_by_role("link", name=vacature_title)).to_be_visible()
    expect(visitor.get_by_role("img", name="Buren tussen de moestuinbakken")).to_be_visible()
    assert_fits(visitor)
    snap(visitor, "public")
    visitor.goto("/initiatieven/?sort=nieuw")
    expect(visitor.get_by_role("link", name=title)).to_be_visible()

    return PublishedInitiative(
        title=title,
        url=public_url,
        owner_email=email,
        password=PASSWORD,
        vacature_title=vacature_title,
        vacature_url=vacature_url,
    )


def test_journey_resident_publishes_initiative(open_page, site_server, width, shot):
    initiative = resident_publishes_initiative(open_page, site_server, width, shot=shot)
    remember_published(site_server, width, initiative)


def test_journey_initiative_form_without_javascript(open_page, login, width, shot):
    """Journey (c): every step of the form, with errors, and nothing typed gets lost."""
    page = open_page(width, javascript=False)
    login(page, "initiatiefnemer")
    title = f"Buurtkeuken {unique_word()}"

    page.goto("/initiatieven/mijn/")
    page.get_by_role("link", name="Start een initiatief").click()
    # A bad submit: no summary and no theme.
    field(page, "Naam van het initiatief").fill(title)
    field(page, "Wijk").select_option(label="De Baarsjes")
    page.get_by_role("radio", name="Wijkonderneming", exact=True).check()
    page.get_by_role("checkbox", name="Armoede", exact=True).check()
    page.get_by_role("button", name="Opslaan en verder").click()

    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text(
        "Er zijn 2 fouten. Pas deze aan en probeer het opnieuw."
    )
    expect(
        summary.get_by_role("link", name="Korte samenvatting: Dit is een verplicht veld.")
    ).to_be_visible()
    expect(summary.get_by_role("link", name="Thema's: Kies minstens één thema.")).to_be_visible()
    # Each error also stands next to its field, tied to it for screen readers.
    expect(field(page, "Korte samenvatting")).to_have_accessible_description(
        re.compile("Fout: Dit is een verplicht veld.")
    )
    themes = page.get_by_role("group", name=re.compile("^Thema's"))
    expect(themes.get_by_text("Kies minstens één thema.")).to_be_visible()
    # What was typed and chosen is still there.
    expect(field(page, "Naam van het initiatief")).to_have_value(title)
    expect(field(page, "Wijk").locator("option:checked")).to_have_text("De Baarsjes")
    expect(page.get_by_role("radio", name="Wijkonderneming", exact=True)).to_be_checked()
    expect(page.get_by_role("checkbox", name="Armoede", exact=True)).to_be_checked()
    # The summary's links lead to the fields.
    page.get_by_role("link", name="Korte samenvatting: Dit is een verplicht veld.").click()
    assert page.url.endswith("#id_summary")
    assert_fits(page)
    key_shot(shot, page, f"journey-initiative-form-errors-{width}")

    field(page, "Korte samenvatting").fill("Samen koken en eten voor weinig geld.")
    page.get_by_role("checkbox", name="Eten en koken", exact=True).check()
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_text("Je initiatief is bewaard als concept.")).to_be_visible()

    # Step 2: a bad coordinate keeps the description.
    field(page, "Beschrijving").fill("Elke dinsdag koken we met buren.")
    field(page, "Breedtegraad (niet verplicht)").fill("95")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("alert")).to_contain_text("Breedtegraad (niet verplicht):")
    expect(field(page, "Beschrijving")).to_have_value("Elke dinsdag koken we met buren.")
    expect(field(page, "Breedtegraad (niet verplicht)")).to_have_value("95")
    field(page, "Breedtegraad (niet verplicht)").fill("52.372")
    field(page, "Lengtegraad (niet verplicht)").fill("4.860")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()

    # Step 3, because it is a wijkonderneming: a bad KvK number.
    expect(_heading(page)).to_have_text(title)
    field(page, "Verdienmodel").fill("We verkopen maaltijden voor vijf euro.")
    field(page, "KvK-nummer (niet verplicht)").fill("1234")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("alert")).to_contain_text("KvK-nummer (niet verplicht):")
    expect(field(page, "Verdienmodel")).to_have_value("We verkopen maaltijden voor vijf euro.")
    field(page, "KvK-nummer (niet verplicht)").fill("12345678")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()

    # Step 4: a photo without a description is refused, the description is kept.
    field(page, "Wat staat er op de foto?").fill("Buren aan een lange tafel")
    page.get_by_role("button", name="Foto toevoegen").click()
    expect(page.get_by_role("alert")).to_contain_text("Foto: Dit is een verplicht veld.")
    expect(field(page, "Wat staat er op de foto?")).to_have_value("Buren aan een lange tafel")
    field(page, "Foto").set_input_files(png(colour=(200, 120, 40)))
    page.get_by_role("button", name="Foto toevoegen").click()
    expect(page.get_by_role("img", name="Buren aan een lange tafel")).to_be_visible()
    page.get_by_role("link", name="Klaar met foto's").click()

    # A need with a bad amount keeps its title.
    page.get_by_role("link", name="Behoefte toevoegen").click()
    page.get_by_role("radio", name="Geld", exact=True).check()
    field(page, "Wat is er nodig?").fill("Pannen en borden")
    field(page, "Bedrag in euro (niet verplicht)").fill("0")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Bedrag in euro (niet verplicht):")
    expect(field(page, "Wat is er nodig?")).to_have_value("Pannen en borden")
    expect(page.get_by_role("radio", name="Geld", exact=True)).to_be_checked()
    field(page, "Bedrag in euro (niet verplicht)").fill("180")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Geld: Pannen en borden (Open)")).to_be_visible()

    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_text("Status: Ingediend")).to_be_visible()
    assert_fits(page)
