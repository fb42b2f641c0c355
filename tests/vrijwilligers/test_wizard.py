"""'Wat kan ik doen?': steps without an account, suggestions, then a profile after login."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, buurt_in, wijk
from tests.initiatieven.factories import InitiatiefFactory
from tests.ruimtes.factories import LocatieFactory, RuimteFactory
from tests.vrijwilligers.factories import VacatureFactory, postcode
from vrijwilligers.models import Profiel

pytestmark = pytest.mark.django_db


def answer_all(client, postcode_value="1057"):
    steps = [
        ("leuk", {"themes": ["groen"]}),
        ("kunnen", {"skills": ["tuinieren"]}),
        ("wanneer", {"availability": ["za-ochtend"]}),
        ("waar", {"postcode": postcode_value}),
        ("nodig", {"needs": ["beginner", "hulp"]}),
    ]
    response = None
    for step, data in steps:
        response = client.post(reverse("vrijwilligers:wizard_step", args=[step]), data)
        assert response.status_code == 302
    return response


def test_wizard_gives_vacatures_initiatieven_and_a_warm_referral(client):
    westerpark = wijk("Westerpark")
    postcode("1057", buurt_in(westerpark))
    VacatureFactory(title="Buurttuin wieden", skills=["tuinieren"], wijk=westerpark,
                    buurt=buurt_in(westerpark), availability_mask=1 << 15)  # fmt: skip
    VacatureFactory(title="Boekhouding", skills=["administratie"])
    InitiatiefFactory(title="Geveltuinen Westerpark", wijk=westerpark, themes=["groen"])
    InitiatiefFactory(title="Taalcafé Baarsjes", themes=["taal"])
    InitiatiefFactory(title="Concept-tuin", wijk=westerpark, themes=["groen"], status="concept")
    zaal = RuimteFactory(
        name="Tuinkamer", locatie=LocatieFactory(name="De Horizon", wijk=westerpark)
    )
    RuimteFactory(
        name="Grote zaal", locatie=LocatieFactory(name="Elders", wijk=wijk("De Baarsjes"))
    )
    RuimteFactory(name="Opslag", is_bookable=False, locatie=zaal.locatie)

    assert client.get(reverse("vrijwilligers:wizard")).status_code == 200
    response = answer_all(client)
    assert response.url == reverse("vrijwilligers:wizard_result")
    page = client.get(response.url).content.decode()
    assert page.index("Buurttuin wieden") < page.index("Boekhouding")
    assert "1 van 1 vaardigheid, beschikbaar op zaterdagochtend" in page
    assert "Geveltuinen Westerpark" in page
    assert "Taalcafé Baarsjes" not in page and "Concept-tuin" not in page
    assert "Sociaal Loket" in page
    # Rooms to book in the wijk, not elsewhere, and not those that cannot be booked.
    assert f'href="{zaal.get_absolute_url()}">Tuinkamer</a>, De Horizon' in page
    assert "Grote zaal" not in page and "Opslag" not in page


def test_answers_become_a_profile_after_login(client):
    postcode("1057", buurt_in(wijk("Westerpark")))
    answer_all(client)
    save_url = reverse("vrijwilligers:wizard_save")
    assert client.get(save_url).status_code == 302  # to the login page
    user = UserFactory()
    client.force_login(user)
    assert client.get(save_url).status_code == 200
    assert client.post(save_url).url == reverse("vrijwilligers:voor_jou")
    profiel = Profiel.objects.get(user=user)
    assert profiel.skills == ["tuinieren"] and profiel.postcode == "1057"
    assert profiel.is_beginner and not profiel.contactable
    assert [t.code for t in profiel.themes.all()] == ["groen"]


def test_unknown_step_is_404_and_bad_slot_is_refused(client):
    assert client.get(reverse("vrijwilligers:wizard_step", args=["vliegen"])).status_code == 404
    response = client.post(
        reverse("vrijwilligers:wizard_step", args=["wanneer"]), {"availability": ["ma-nacht"]}
    )
    assert response.status_code == 200 and "ma-nacht" in response.content.decode()


def test_unknown_postcode_is_told_at_its_step(client):
    response = client.post(
        reverse("vrijwilligers:wizard_step", args=["waar"]), {"postcode": "9999"}
    )
    assert response.status_code == 200
    assert "Deze postcode kennen we niet" in response.content.decode()
    assert "9999" in response.content.decode()  # what was typed stays
