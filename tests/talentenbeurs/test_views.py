import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import UserFactory
from vrijwilligers.talentenbeurs.models import Deelnemer, Gesprek, Tafel

from .factories import DeelnemerFactory, TafelFactory, TalentenbeursFactory

pytestmark = pytest.mark.django_db


def url(name, beurs, **kwargs):
    return reverse(f"talentenbeurs:{name}", kwargs={"slug": beurs.slug} | kwargs)


def test_info_page_shows_organisations_but_no_resident_data(client):
    beurs = TalentenbeursFactory(location="Buurthuis De Horizon")
    contact = UserFactory(email="contact@bedrijf.nl")
    TafelFactory(beurs=beurs, organisation="Bakkerij Bol", contact=contact, offer_kinds=["stage"])
    resident = DeelnemerFactory(beurs=beurs, user=UserFactory(display_name="Fatimazahra"))

    response = client.get(url("detail", beurs))

    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    assert "Bakkerij Bol" in text
    assert "Stage" in text
    assert "Buurthuis De Horizon" in text
    assert resident.user.display_name not in text
    assert "contact@bedrijf.nl" not in text
    assert client.get(reverse("talentenbeurs:list")).status_code == 200


def test_resident_registers_through_the_form(client):
    beurs = TalentenbeursFactory(slot_count=4)
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        url("register", beurs),
        {"talents": ["koken", "naaien"], "wishes": ["stage"], "slots": ["1", "2"]},
    )
    assert response.status_code == 302
    deelnemer = Deelnemer.objects.get(user=user)
    assert deelnemer.slots == [1, 2]
    assert deelnemer.talents == ["koken", "naaien"]

    again = client.post(url("register", beurs), {"talents": ["koken"], "slots": ["0"]})
    assert again.status_code == 200
    assert "Je bent al aangemeld" in again.content.decode()
    assert Deelnemer.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"talents": ["toveren"], "slots": ["0"]}, "Kies talenten uit de lijst."),
        ({"talents": ["koken"], "slots": ["9"]}, "Kies alleen gespreksrondes van deze"),
        ({"talents": ["koken"], "wishes": ["loterij"], "slots": ["1"]}, "Kies wensen uit de lijst"),
        ({"talents": ["koken"]}, "Kies minstens één gespreksronde"),
    ],
)
def test_bad_registration_shows_a_dutch_message_and_keeps_input(client, data, message):
    beurs = TalentenbeursFactory(slot_count=4)
    client.force_login(UserFactory())
    response = client.post(url("register", beurs), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "utrecht-form-field--invalid" in page
    assert message in page
    soup = BeautifulSoup(page, "html.parser")
    checked = {box["value"] for box in soup.select("input[name=talents][checked]")}
    assert checked == ({"koken"} if "koken" in data["talents"] else set())
    assert not Deelnemer.objects.exists()


def test_unverified_resident_gets_403_and_anonymous_goes_to_login(client):
    beurs = TalentenbeursFactory()
    assert client.get(url("register", beurs)).status_code == 302
    client.force_login(UserFactory(verified=False))
    response = client.get(url("register", beurs))
    assert response.status_code == 403
    assert "Bevestig eerst je e-mailadres" in response.content.decode()
    response = client.post(url("tafel_register", beurs), {"organisation": "X"})
    assert response.status_code == 403
    assert not Tafel.objects.exists()


def test_organisation_registers_a_table(client):
    beurs = TalentenbeursFactory(slot_count=3)
    contact = UserFactory()
    client.force_login(contact)
    response = client.post(
        url("tafel_register", beurs),
        {
            "organisation": "Stichting <b>Kijkduin</b>",
            "offer_kinds": ["vrijwilligerswerk"],
            "sought_talents": ["tuinieren"],
            "slots": ["0", "1", "2"],
        },
    )
    tafel = Tafel.objects.get()
    assert response.status_code == 302
    assert tafel.organisation == "Stichting Kijkduin"
    assert tafel.contact == contact
    assert client.get(url("tafel", beurs, pk=tafel.pk)).status_code == 200


def test_organiser_only_actions_give_403_to_others(client):
    beurs = TalentenbeursFactory()
    tafel = TafelFactory(beurs=beurs)
    gesprek = Gesprek.objects.create(
        beurs=beurs, deelnemer=DeelnemerFactory(beurs=beurs), tafel=tafel, slot=0, score=40
    )
    client.force_login(UserFactory())
    assert client.get(url("dashboard", beurs)).status_code == 403
    assert client.post(url("schedule_run", beurs)).status_code == 403
    response = client.post(
        url("outcome_record", beurs, pk=gesprek.pk), {f"g{gesprek.pk}-outcome": "baan"}
    )
    assert response.status_code == 403
    assert client.get(url("tafel", beurs, pk=tafel.pk)).status_code == 403
    gesprek.refresh_from_db()
    assert gesprek.outcome == ""


def test_organiser_runs_schedule_records_outcome_and_sees_report(client):
    organiser = UserFactory()
    beurs = TalentenbeursFactory()
    beurs.organisers.add(organiser)
    tafel = TafelFactory(beurs=beurs, organisation="Wijkonderneming Mode & Ambacht")
    DeelnemerFactory(beurs=beurs)
    client.force_login(organiser)

    response = client.post(url("schedule_run", beurs))
    assert response.status_code == 302
    gesprek = Gesprek.objects.get()

    response = client.post(
        url("outcome_record", beurs, pk=gesprek.pk), {f"g{gesprek.pk}-outcome": "baan"}
    )
    assert response.status_code == 302
    gesprek.refresh_from_db()
    assert gesprek.outcome == "baan"

    bad = client.post(url("outcome_record", beurs, pk=gesprek.pk), {f"g{gesprek.pk}-outcome": "x"})
    assert bad.status_code == 302
    gesprek.refresh_from_db()
    assert gesprek.outcome == "baan"

    missing = client.post(url("outcome_record", beurs, pk=gesprek.pk + 999), {})
    assert missing.status_code == 404

    page = client.get(url("dashboard", beurs)).content.decode()
    assert "1 van de 1 aanwezigen (100%)" in page
    assert tafel.organisation.replace("&", "&amp;") in page

    again = client.post(url("schedule_run", beurs), follow=True)
    assert "Er zijn al uitkomsten vastgelegd" in again.content.decode()
    assert Gesprek.objects.get().pk == gesprek.pk


def test_personal_schedule_pdf_has_table_names_and_times(client):
    beurs = TalentenbeursFactory(slot_count=4, slot_minutes=15)
    beurs.organisers.add(organiser := UserFactory())
    TafelFactory(beurs=beurs, organisation="Bibliotheek West")
    TafelFactory(beurs=beurs, organisation="Zorgcentrum De Boeg")
    deelnemer = DeelnemerFactory(beurs=beurs, slots=[1, 2])
    client.force_login(organiser)
    client.post(url("schedule_run", beurs))

    client.force_login(deelnemer.user)
    page = client.get(url("my_schedule", beurs)).content.decode()
    assert "Bibliotheek West" in page
    response = client.get(url("my_schedule_pdf", beurs))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Bibliotheek West" in text
    assert "Zorgcentrum De Boeg" in text
    assert "13:15" in text and "13:30" in text and "13:45" in text
    assert "13:00" not in text  # slot 0: not present


def test_table_list_pdf_for_its_contact(client):
    beurs = TalentenbeursFactory()
    tafel = TafelFactory(beurs=beurs, organisation="Scouting Westerpark")
    deelnemer = DeelnemerFactory(beurs=beurs, user=UserFactory(display_name="Yusuf"))
    Gesprek.objects.create(beurs=beurs, deelnemer=deelnemer, tafel=tafel, slot=1, score=80)
    client.force_login(tafel.contact)
    page = client.get(url("tafel", beurs, pk=tafel.pk)).content.decode()
    assert "Yusuf" in page
    assert deelnemer.user.email not in page
    assert "<select" not in page  # only organisers record outcomes
    response = client.get(url("tafel_pdf", beurs, pk=tafel.pk))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Scouting Westerpark" in text
    assert "Yusuf" in text
    assert "13:10" in text


def _event_with(residents: int, tables: int):
    organiser = UserFactory()
    beurs = TalentenbeursFactory(slot_count=4, max_per_resident=2)
    beurs.organisers.add(organiser)
    for i in range(tables):
        TafelFactory(beurs=beurs, organisation=f"Tafel {i}")
    for _ in range(residents):
        DeelnemerFactory(beurs=beurs)
    DeelnemerFactory(beurs=beurs, talents=["muziek"], wishes=["opleiding"])  # fits nowhere
    return beurs, organiser


def test_organiser_pages_use_a_constant_number_of_queries(client):
    small, organiser_small = _event_with(2, 1)
    large, organiser_large = _event_with(12, 4)
    counts = []
    for beurs, organiser in ((small, organiser_small), (large, organiser_large)):
        client.force_login(organiser)
        client.post(url("schedule_run", beurs))
        tafel = beurs.tafels.first()
        client.get(url("dashboard", beurs))  # warm the site-wide caches
        with CaptureQueriesContext(connection) as dashboard:
            assert client.get(url("dashboard", beurs)).status_code == 200
        with CaptureQueriesContext(connection) as table_page:
            assert client.get(url("tafel", beurs, pk=tafel.pk)).status_code == 200
        counts.append((len(dashboard), len(table_page)))
    assert counts[0] == counts[1]


def test_dashboard_lists_residents_without_a_talk_and_prints_all_tables(client):
    beurs, organiser = _event_with(2, 2)
    client.force_login(organiser)
    client.post(url("schedule_run", beurs))
    lonely = Deelnemer.objects.get(talents=["muziek"])
    page = BeautifulSoup(client.get(url("dashboard", beurs)).content, "html.parser")
    section = page.find(id="zonder-kop").parent
    assert lonely.user.display_name in section.get_text()
    assert len(section.find_all("li")) == 1

    response = client.get(url("tafels_pdf", beurs))
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2
    assert "Tafel 0" in reader.pages[0].extract_text()
    assert "Tafel 1" in reader.pages[1].extract_text()

    client.force_login(UserFactory())
    assert client.get(url("tafels_pdf", beurs)).status_code == 403
