import json

import pytest
from django.core.exceptions import ValidationError

from buurtkracht.accounts.services import user_delete
from tests.factories import UserFactory, totp_enable
from vrijwilligers.talentenbeurs import queries
from vrijwilligers.talentenbeurs.models import Deelnemer, Gesprek, Talentenbeurs

from .factories import DeelnemerFactory, TafelFactory, TalentenbeursFactory

pytestmark = pytest.mark.django_db


def test_export_holds_my_registration_and_conversations(client):
    beurs = TalentenbeursFactory(title="Talentenbeurs Oost")
    me = DeelnemerFactory(beurs=beurs, talents=["naaien"])
    other = DeelnemerFactory(beurs=beurs, talents=["vervoer"])
    tafel = TafelFactory(beurs=beurs, organisation="Atelier West")
    Gesprek.objects.create(
        beurs=beurs, deelnemer=me, tafel=tafel, slot=2, score=70, outcome="stage"
    )
    Gesprek.objects.create(beurs=beurs, deelnemer=other, tafel=tafel, slot=1, score=70)
    client.force_login(me.user)

    data = json.loads(client.get("/account/mijn-gegevens.json").content)["talentenbeurs"]

    [deelname] = data["deelnames"]
    assert deelname["talentenbeurs"] == "Talentenbeurs Oost"
    assert deelname["talenten"] == ["naaien"]
    assert deelname["gesprekken"] == [{"ronde": 3, "tafel": "Atelier West", "uitkomst": "stage"}]
    assert "vervoer" not in json.dumps(data)


def test_deleting_an_account_keeps_the_figures_without_the_person():
    beurs = TalentenbeursFactory()
    deelnemer = DeelnemerFactory(beurs=beurs, talents=["koken"])
    tafel = TafelFactory(beurs=beurs)
    Gesprek.objects.create(
        beurs=beurs, deelnemer=deelnemer, tafel=tafel, slot=0, score=70, outcome="baan"
    )
    user_delete(user=deelnemer.user)
    user_delete(user=tafel.contact)

    deelnemer.refresh_from_db()
    assert deelnemer.user is None
    assert deelnemer.talents == []
    assert deelnemer.name == "Oud-deelnemer"
    tafel.refresh_from_db()
    assert tafel.contact is None
    assert queries.beurs_report(beurs)["matched"] == 1


@pytest.mark.parametrize(
    ("field", "value"), [("max_per_resident", 0), ("max_per_resident", 500), ("slot_count", 0)]
)
def test_absurd_event_settings_are_refused(field, value):
    beurs = TalentenbeursFactory.build(**{field: value})
    with pytest.raises(ValidationError) as error:
        beurs.full_clean()
    assert "Kies 1 tot" in " ".join(error.value.messages)


def test_beheer_manages_events_in_the_admin(client):
    beheer = UserFactory(groups=["beheer"])
    totp_enable(beheer)
    client.force_login(beheer)
    beurs = TalentenbeursFactory(title="Talentenbeurs Noord")
    listing = client.get("/admin/talentenbeurzen/")
    assert listing.status_code == 200
    assert "Talentenbeurs Noord" in listing.content.decode()
    assert client.get(f"/admin/talentenbeurzen/edit/{beurs.pk}/").status_code == 200
    assert Talentenbeurs.objects.count() == 1
    assert not Deelnemer.objects.exists()
