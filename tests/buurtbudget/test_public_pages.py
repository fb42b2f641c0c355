"""Public budget pages, accountability, the agenda, regiegroep pages and the export."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db.models import F
from django.urls import reverse

from initiatieven.buurtbudget import services
from initiatieven.buurtbudget.models import Aanvraag, AgendaPunt, Stem, Voorstel
from initiatieven.models import Initiatief
from tests.factories import MembershipFactory, UserFactory, buurt_in, wijk

from .factories import (
    AgendaPuntFactory,
    BudgetFactory,
    aanvraag,
    panel,
    panel_member,
    professional,
    text_of,
    today,
)

pytestmark = pytest.mark.django_db


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
    assert "12 dagen" in index and "nog geen besluiten" not in index


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

    BudgetFactory()
    result = granted()
    Initiatief.objects.filter(pk=result.initiatief_id).update(is_hidden=True)
    page = text_of(client.get(reverse("buurtbudget:buurt", args=[result.buurt.slug])))
    assert result.initiatief.title not in page
    assert f"Een initiatief in {result.buurt.name}" in page
