import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from initiatieven.buurtbudget import services
from initiatieven.buurtbudget.models import Aanvraag, Reactie, Stem
from tests.factories import UserFactory, buurt_in, wijk
from tests.initiatieven.factories import InitiatiefFactory

from .factories import (
    BudgetFactory,
    RondeFactory,
    aanvraag,
    form_data,
    panel,
    panel_member,
    text_of,
    today,
)

pytestmark = pytest.mark.django_db


# --- applying -----------------------------------------------------------------------------


def test_owner_applies_with_lines_that_add_up(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    ronde = RondeFactory()
    client.force_login(owner)
    url = reverse("buurtbudget:aanvraag_create", args=[initiatief.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, form_data(ronde))
    aanvraag_obj = Aanvraag.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("buurtbudget:aanvraag", args=[aanvraag_obj.pk])
    assert aanvraag_obj.amount == Decimal("750.50")
    assert sorted(r.amount for r in aanvraag_obj.regels.all()) == [
        Decimal("250.50"),
        Decimal("500"),
    ]


def test_the_only_open_round_is_chosen_already(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    ronde = RondeFactory()
    client.force_login(owner)
    response = client.get(reverse("buurtbudget:aanvraag_create", args=[initiatief.slug]))
    options = BeautifulSoup(response.content, "html.parser").select("#id_ronde option")
    assert [(o["value"], o.get_text()) for o in options] == [(str(ronde.pk), ronde.title)]


def test_lines_that_do_not_add_up_are_refused_and_kept(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(owner)
    response = client.post(
        reverse("buurtbudget:aanvraag_create", args=[initiatief.slug]),
        form_data(RondeFactory(), amount="800"),
    )
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("#error-summary").get_text()
    assert "tellen niet op tot het gevraagde bedrag" in summary
    assert "tellen niet op" in soup.select_one("#id_amount-error").get_text()
    assert soup.select_one("#id_regels-1-description")["value"] == "Huur keuken"
    assert soup.select_one("#id_amount")["value"] == "800"
    assert not Aanvraag.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"amount": "12.345", "regels-0-amount": "12.345"}, "twee cijfers achter de komma"),
        ({"amount": "-5"}, "hoger is dan 0"),
        ({"regels-0-description": "", "regels-1-description": ""}, "waarvoor dit bedrag is"),
        ({"prioriteit": ""}, "agendapunt van de buurt of een prioriteit"),
    ],
)
def test_bad_input_is_refused(client, overrides, message):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(owner)
    response = client.post(
        reverse("buurtbudget:aanvraag_create", args=[initiatief.slug]),
        form_data(RondeFactory(), **overrides),
    )
    assert response.status_code == 400
    assert message in text_of(response)
    assert not Aanvraag.objects.exists()


def test_above_round_maximum_is_refused(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(owner)
    response = client.post(
        reverse("buurtbudget:aanvraag_create", args=[initiatief.slug]),
        form_data(
            RondeFactory(max_amount=Decimal("700")),
        ),
    )
    assert response.status_code == 400
    assert "hoger dan het maximum" in text_of(response)


def test_closed_round_cannot_be_chosen(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    closed = RondeFactory(closes_on=today() - datetime.timedelta(days=1))
    client.force_login(owner)
    url = reverse("buurtbudget:aanvraag_create", args=[initiatief.slug])
    assert "geen ronde open" in text_of(client.get(url))
    response = client.post(url, form_data(closed))
    assert response.status_code == 400
    assert "geen ronde open" in text_of(response)
    assert not Aanvraag.objects.exists()


def test_applying_for_someone_elses_initiative_is_403(client):
    initiatief = InitiatiefFactory()
    client.force_login(UserFactory())
    url = reverse("buurtbudget:aanvraag_create", args=[initiatief.slug])
    assert client.get(url).status_code == 403
    assert client.post(url, form_data(RondeFactory())).status_code == 403
    assert not Aanvraag.objects.exists()


# --- panel --------------------------------------------------------------------------------


def test_panel_of_another_wijk_gets_403(client):
    result = aanvraag()
    client.force_login(panel_member(wijk("Westerpark")))
    assert client.get(reverse("buurtbudget:panel", args=["de-baarsjes"])).status_code == 403
    assert client.get(reverse("buurtbudget:aanvraag", args=[result.pk])).status_code == 403
    response = client.post(
        reverse("buurtbudget:aanvraag_vote", args=[result.pk]),
        {"choice": "voor", "motivation": "x"},
    )
    assert response.status_code == 403
    assert not Stem.objects.exists()


def test_panel_sees_applications_of_every_buurt_in_the_wijk(client):
    baarsjes = wijk("De Baarsjes")
    first = aanvraag(initiatief=None)
    owner = UserFactory()
    second = aanvraag(
        owner=owner, initiatief=InitiatiefFactory(owners=[owner], buurt=buurt_in(baarsjes, 1))
    )
    elsewhere_owner = UserFactory()
    aanvraag(
        owner=elsewhere_owner,
        initiatief=InitiatiefFactory(owners=[elsewhere_owner], wijk=wijk("Westerpark")),
    )
    client.force_login(panel_member(baarsjes))
    page = text_of(client.get(reverse("buurtbudget:panel", args=[baarsjes.slug])))
    assert first.initiatief.title in page and second.initiatief.title in page
    assert "Westerpark" not in page


def test_votes_hidden_until_own_vote(client):
    BudgetFactory()
    a, b, _c = panel(3)
    result = aanvraag()
    services.stem_cast(user=a, aanvraag=result, choice="tegen", motivation="Geheime reden")
    client.force_login(b)
    url = reverse("buurtbudget:aanvraag", args=[result.pk])
    page = text_of(client.get(url))
    assert "Geheime reden" not in page
    assert "nadat je zelf hebt gestemd" in page
    response = client.post(
        reverse("buurtbudget:aanvraag_vote", args=[result.pk]),
        {"choice": "voor", "motivation": "Goed voor de buurt"},
    )
    assert response.status_code == 302
    page = text_of(client.get(url))
    assert "Geheime reden" in page and "Goed voor de buurt" in page


def test_owner_in_panel_cannot_vote_or_read_discussion(client):
    member_owner = panel_member()
    result = aanvraag(owner=member_owner)
    other = panel_member()
    services.reactie_create(user=other, aanvraag=result, text="Alleen voor het panel")
    client.force_login(member_owner)
    page = client.get(reverse("buurtbudget:aanvraag", args=[result.pk]))
    assert "Alleen voor het panel" not in text_of(page)
    assert b'name="choice"' not in page.content
    response = client.post(
        reverse("buurtbudget:aanvraag_vote", args=[result.pk]),
        {"choice": "voor", "motivation": "x"},
    )
    assert response.status_code == 400
    assert "eigenaar van dit initiatief" in text_of(response)
    assert not Stem.objects.exists()


def test_comments_only_for_the_panel(client):
    owner = UserFactory()
    result = aanvraag(owner=owner)
    member = panel_member()
    client.force_login(member)
    client.post(reverse("buurtbudget:aanvraag_comment", args=[result.pk]), {"text": "Te duur?"})
    assert Reactie.objects.get().text == "Te duur?"
    url = reverse("buurtbudget:aanvraag", args=[result.pk])
    assert "Te duur?" in text_of(client.get(url))
    client.force_login(owner)
    owner_page = client.get(url)
    assert owner_page.status_code == 200
    assert "Te duur?" not in text_of(owner_page)
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    assert (
        client.post(
            reverse("buurtbudget:aanvraag_comment", args=[result.pk]), {"text": "x"}
        ).status_code
        == 302
    )
    assert Reactie.objects.count() == 1


def test_vote_twice_refused_in_view(client):
    member = panel_member()
    result = aanvraag()
    client.force_login(member)
    url = reverse("buurtbudget:aanvraag_vote", args=[result.pk])
    client.post(url, {"choice": "voor", "motivation": "ja"})
    response = client.post(url, {"choice": "tegen", "motivation": "nee"})
    assert response.status_code == 400
    assert list(Stem.objects.values_list("choice", flat=True)) == ["voor"]


def test_conflict_declaration_blocks_voting(client):
    member = panel_member()
    result = aanvraag()
    client.force_login(member)
    client.post(reverse("buurtbudget:aanvraag_conflict", args=[result.pk]), {"reason": "Familie"})
    page = client.get(reverse("buurtbudget:aanvraag", args=[result.pk]))
    assert b'name="choice"' not in page.content
    assert "belang hebt" in text_of(page)


def test_every_mistake_shows_at_once(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(owner)
    response = client.post(
        reverse("buurtbudget:aanvraag_create", args=[initiatief.slug]),
        form_data(RondeFactory(), plan="", amount="900"),
    )
    summary = BeautifulSoup(response.content, "html.parser").select_one("#error-summary").get_text()
    assert "Plan" in summary and "tellen niet op" in summary
