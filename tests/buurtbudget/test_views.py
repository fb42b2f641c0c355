import csv
import datetime
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db.models import F
from django.urls import reverse

from initiatieven.buurtbudget import services
from initiatieven.buurtbudget.models import Aanvraag, AgendaPunt, Reactie, Stem, Voorstel
from initiatieven.models import Prioriteit
from tests.factories import MembershipFactory, UserFactory, buurt_in, wijk
from tests.initiatieven.factories import InitiatiefFactory

from .factories import (
    AgendaPuntFactory,
    BudgetFactory,
    RondeFactory,
    aanvraag,
    panel,
    panel_member,
    professional,
    today,
)

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def form_data(ronde, **overrides):
    data = {
        "ronde": ronde.pk,
        "prioriteit": Prioriteit.objects.get(code="armoede").pk,
        "agendapunt": "",
        "plan": "Wekelijks samen koken.",
        "expected_results": "Buren leren elkaar kennen.",
        "activity_ends_on": (today() + datetime.timedelta(days=60)).isoformat(),
        "amount": "750.50",
        "regels-TOTAL_FORMS": "3",
        "regels-INITIAL_FORMS": "0",
        "regels-MIN_NUM_FORMS": "0",
        "regels-MAX_NUM_FORMS": "12",
        "regels-0-description": "Boodschappen",
        "regels-0-amount": "500",
        "regels-1-description": "Huur keuken",
        "regels-1-amount": "250.50",
        "regels-2-description": "",
        "regels-2-amount": "",
    }
    data.update(overrides)
    return data


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


# --- public pages -------------------------------------------------------------------------


def granted(amount="1000.00", days=0):
    result = aanvraag(amount=amount)
    for member in panel(3) if not Stem.objects.exists() else list_panel():
        services.stem_cast(user=member, aanvraag=result, choice="voor", motivation="Sterk plan")
    Aanvraag.objects.filter(pk=result.pk).update(
        submitted_at=F("decided_at") - datetime.timedelta(days=days)
    )
    result.refresh_from_db()
    return result


def list_panel():
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(memberships__role="inspiratieteam"))


def test_public_buurt_and_wijk_pages_show_totals_and_decisions(client):
    budget = BudgetFactory(amount=Decimal("40000.00"), small_percent=30)
    AgendaPuntFactory(buurt=budget.buurt, title="Te weinig groen")
    result = granted(amount="2500.00", days=12)
    buurt_page = text_of(client.get(reverse("buurtbudget:buurt", args=[budget.buurt.slug])))
    assert "40.000,00" in buurt_page
    assert "2.500,00" in buurt_page  # granted
    assert "37.500,00" in buurt_page  # remaining
    assert "12 dagen" in buurt_page
    assert "Sterk plan" in buurt_page
    assert "Te weinig groen" in buurt_page
    assert result.initiatief.title in buurt_page
    wijk_page = text_of(client.get(reverse("buurtbudget:wijk", args=["de-baarsjes"])))
    assert "37.500,00" in wijk_page and "Sterk plan" in wijk_page
    index = text_of(client.get(reverse("buurtbudget:index")))
    assert "De Baarsjes" in index and "37.500,00" in index


def test_public_pages_hide_personal_data_and_open_applications(client):
    BudgetFactory()
    owner = UserFactory()
    result = aanvraag(owner=owner)
    page = client.get(reverse("buurtbudget:buurt", args=[result.buurt.slug]))
    assert page.status_code == 200
    assert result.initiatief.title not in text_of(page)
    assert owner.email not in page.content.decode()


def test_bad_year_parameter_never_fails(client):
    assert client.get(reverse("buurtbudget:index") + "?jaar=abc").status_code == 200
    assert (
        client.get(reverse("buurtbudget:wijk", args=["de-baarsjes"]) + "?jaar=99999").status_code
        == 200
    )


# --- accountability -----------------------------------------------------------------------


def test_overdue_report_flagged_on_panel_page(client):
    BudgetFactory()
    result = granted()
    Aanvraag.objects.filter(pk=result.pk).update(report_due_on=today() - datetime.timedelta(days=1))
    client.force_login(panel_member())
    page = text_of(client.get(reverse("buurtbudget:panel", args=["de-baarsjes"])))
    assert "verantwoording te laat" in page.lower()


def test_owner_files_report_and_flag_goes(client):
    BudgetFactory()
    result = granted()
    Aanvraag.objects.filter(pk=result.pk).update(report_due_on=today() - datetime.timedelta(days=1))
    owner = result.initiatief.owners.get()
    client.force_login(owner)
    url = reverse("buurtbudget:verantwoording", args=[result.pk])
    bad = client.post(url, {"spent": "10.999", "result": ""})
    assert bad.status_code == 400
    response = client.post(
        url, {"spent": "980.00", "result": "25 buren kwamen", "story": "", "figures": "25"}
    )
    assert response.status_code == 302
    result.refresh_from_db()
    assert result.verantwoording.spent == Decimal("980.00")
    client.force_login(panel_member())
    page = text_of(client.get(reverse("buurtbudget:panel", args=["de-baarsjes"])))
    assert "te laat" not in page


def test_someone_else_cannot_file_the_report(client):
    BudgetFactory()
    result = granted()
    client.force_login(UserFactory())
    assert client.get(reverse("buurtbudget:verantwoording", args=[result.pk])).status_code == 403


# --- agenda and regiegroep ----------------------------------------------------------------


def test_buurtcoordinator_keeps_the_agenda(client):
    buurt = buurt_in(wijk("De Baarsjes"))
    url = reverse("buurtbudget:agenda", args=[buurt.slug])
    client.force_login(professional(wijk("Westerpark")))
    assert client.get(url).status_code == 403
    client.force_login(professional())
    response = client.post(url, {"kind": "probleem", "title": "Zwerfafval", "description": ""})
    assert response.status_code == 302
    punt = AgendaPunt.objects.get()
    assert (punt.buurt, punt.title) == (buurt, "Zwerfafval")
    client.post(reverse("buurtbudget:agenda_toggle", args=[punt.pk]))
    punt.refresh_from_db()
    assert punt.is_active is False
    assert "Zwerfafval" not in text_of(client.get(reverse("buurtbudget:buurt", args=[buurt.slug])))


def test_regiegroep_proposal_and_review_through_pages(client):
    budget = BudgetFactory()
    member = UserFactory()
    MembershipFactory(user=member, role="regiegroep", buurt=budget.buurt)
    client.force_login(member)
    url = reverse("buurtbudget:voorstel_create", args=[budget.buurt.slug])
    data = {
        "title": "Buurtfeest",
        "description": "Een feest voor iedereen.",
        "agendapunt": "",
        "amount": "3000",
        "regels-TOTAL_FORMS": "2",
        "regels-INITIAL_FORMS": "0",
        "regels-0-description": "Tent",
        "regels-0-amount": "2000",
        "regels-1-description": "Muziek",
        "regels-1-amount": "999",
    }
    assert client.post(url, data).status_code == 400
    data["regels-1-amount"] = "1000"
    response = client.post(url, data)
    voorstel = Voorstel.objects.get()
    assert response.status_code == 302
    detail = reverse("buurtbudget:voorstel", args=[voorstel.pk])
    assert client.post(detail, {"decision": "akkoord", "reason": "ok"}).status_code == 403
    buurt_url = reverse("buurtbudget:buurt", args=[budget.buurt.slug])
    assert "Buurtfeest" in text_of(client.get(buurt_url))
    client.logout()
    assert client.get(detail).status_code == 302  # not public before review
    assert "Buurtfeest" not in text_of(client.get(buurt_url))
    client.force_login(professional())
    wijk_url = reverse("buurtbudget:wijk", args=[budget.buurt.wijk.slug])
    assert "Buurtfeest" in text_of(client.get(wijk_url))
    response = client.post(
        detail, {"decision": "niet_akkoord", "reason": "Valt onder bestaand contract."}
    )
    assert response.status_code == 302
    voorstel.refresh_from_db()
    assert voorstel.status == Voorstel.Status.NIET_AKKOORD
    client.logout()
    page = text_of(client.get(reverse("buurtbudget:buurt", args=[budget.buurt.slug])))
    assert "Valt onder bestaand contract." in page


# --- export -------------------------------------------------------------------------------


def test_csv_export_for_beheer_escapes_formulas(client):
    BudgetFactory()
    result = granted()
    Aanvraag.objects.filter(pk=result.pk).update(decision_motivation='=HYPERLINK("x")')
    from initiatieven.models import Initiatief

    Initiatief.objects.filter(pk=result.initiatief_id).update(title="@SUM(A1)")
    url = reverse("buurtbudget:export") + f"?wijk={result.wijk_id}&year={result.ronde.year}"
    client.force_login(panel_member())
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(groups=["beheer"]))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "soort"
    assert rows[1][2] == "'@SUM(A1)"
    assert rows[1][8] == '\'=HYPERLINK("x")'
    assert rows[1][3] == "1000.00"
    bad = client.get(reverse("buurtbudget:export") + "?wijk=abc&year=x")
    assert bad.status_code == 400


def test_hidden_initiative_is_not_named_on_public_pages(client):
    from initiatieven.models import Initiatief

    BudgetFactory()
    result = granted()
    Initiatief.objects.filter(pk=result.initiatief_id).update(is_hidden=True)
    page = text_of(client.get(reverse("buurtbudget:buurt", args=[result.buurt.slug])))
    assert result.initiatief.title not in page
    assert f"Een initiatief in {result.buurt.name}" in page


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
