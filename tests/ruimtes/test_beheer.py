"""Managers: the queue of their own locations, decisions, editing, occupancy."""

import csv
import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from ruimtes import services
from ruimtes.models import Boeking, BookerType, Locatie
from tests.factories import UserFactory, totp_enable
from tests.ruimtes.factories import BoekingFactory, LocatieFactory, RuimteFactory, at, next_monday

pytestmark = pytest.mark.django_db

WED = next_monday() + timedelta(days=2)


@pytest.fixture
def setup():
    manager, other = UserFactory(display_name="Ingrid"), UserFactory()
    mine = RuimteFactory(locatie=LocatieFactory(name="De Tagerijn", managers=[manager]))
    theirs = RuimteFactory(locatie=LocatieFactory(name="De Horizon", managers=[other]))
    request_mine = BoekingFactory(
        ruimte=mine, status=Boeking.Status.AANGEVRAAGD, title="Mijn aanvraag"
    )
    request_theirs = BoekingFactory(
        ruimte=theirs, status=Boeking.Status.AANGEVRAAGD, title="Andere aanvraag"
    )
    return manager, mine, request_mine, request_theirs


def test_queue_shows_only_own_locations(client, setup):
    manager, _mine, _request_mine, _request_theirs = setup
    client.force_login(manager)
    text = client.get("/ruimtes/beheer/").content.decode()
    assert "Mijn aanvraag" in text and "Andere aanvraag" not in text


def test_non_manager_gets_403(client, setup):
    client.force_login(UserFactory())
    assert client.get("/ruimtes/beheer/").status_code == 403


def test_other_locations_are_403(client, setup):
    manager, _mine, _request_mine, request_theirs = setup
    client.force_login(manager)
    other_locatie = request_theirs.ruimte.locatie
    assert client.get(f"/ruimtes/beheer/aanvragen/{request_theirs.pk}/").status_code == 403
    assert (
        client.post(
            f"/ruimtes/beheer/aanvragen/{request_theirs.pk}/", {"action": "goedkeuren"}
        ).status_code
        == 403
    )
    assert client.get(f"/ruimtes/beheer/locaties/{other_locatie.pk}/").status_code == 403
    assert client.get(f"/ruimtes/beheer/locaties/{other_locatie.pk}/bezetting/").status_code == 403
    assert client.get(f"/ruimtes/beheer/ruimtes/{request_theirs.ruimte.pk}/").status_code == 403
    assert Boeking.objects.get(pk=request_theirs.pk).status == Boeking.Status.AANGEVRAAGD


def test_approve_and_decline_with_reason(client, setup):
    manager, mine, request_mine, _request_theirs = setup
    client.force_login(manager)
    response = client.post(
        f"/ruimtes/beheer/aanvragen/{request_mine.pk}/", {"action": "goedkeuren"}
    )
    assert response.status_code == 302
    assert Boeking.objects.get(pk=request_mine.pk).status == Boeking.Status.BEVESTIGD
    second = BoekingFactory(ruimte=mine, status=Boeking.Status.AANGEVRAAGD, starts_at=at(WED, 15))
    missing_reason = client.post(
        f"/ruimtes/beheer/aanvragen/{second.pk}/", {"action": "afwijzen", "reason": ""}
    )
    assert "Schrijf kort waarom" in missing_reason.content.decode()
    client.post(
        f"/ruimtes/beheer/aanvragen/{second.pk}/", {"action": "afwijzen", "reason": "Al vol"}
    )
    second.refresh_from_db()
    assert (second.status, second.decision_reason) == (Boeking.Status.AFGEWEZEN, "Al vol")


def test_manager_edits_location_hours_and_closures(client, setup):
    manager, mine, _request_mine, _request_theirs = setup
    locatie = mine.locatie
    client.force_login(manager)
    page = BeautifulSoup(
        client.get(f"/ruimtes/beheer/locaties/{locatie.pk}/").content, "html.parser"
    )
    data = {
        i["name"]: i.get("value", "")
        for i in page.select("form input")
        if i.get("type") != "checkbox"
    }
    for select in page.select("form select"):
        chosen = select.select_one("option[selected]")
        data[select["name"]] = chosen["value"] if chosen else ""
    data.update(
        {
            "description": "Een warm huis",
            "reserve_percent": "20",
            "sluiting-0-starts_on": "2027-01-01",
            "sluiting-0-ends_on": "2027-01-01",
            "sluiting-0-reason": "Nieuwjaarsdag",
            "uren-7-weekday": "",
        }
    )
    response = client.post(f"/ruimtes/beheer/locaties/{locatie.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    locatie = Locatie.objects.get(pk=locatie.pk)
    assert (locatie.description, locatie.reserve_percent) == ("Een warm huis", 20)
    assert [s.reason for s in locatie.sluitingen.all()] == ["Nieuwjaarsdag"]


def test_occupancy_page_table_chart_and_csv(client, setup):
    manager, mine, _request_mine, _request_theirs = setup
    client.force_login(manager)
    BoekingFactory(ruimte=mine, starts_at=at(WED, 10), ends_at=at(WED, 14))
    response = client.get(
        f"/ruimtes/beheer/locaties/{mine.locatie.pk}/bezetting/", {"week": WED.isoformat()}
    )
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("svg[role=img] title") is not None
    assert "style=" not in response.content.decode()
    row = page.select("table tbody tr")[0]
    # 7 days x 14 hours = 98 open hours; 4 booked by a resident initiative.
    assert [c.get_text(strip=True) for c in row.select("td")][:3] == ["98,0", "4,0", "0,0"]
    export = client.get(
        f"/ruimtes/beheer/locaties/{mine.locatie.pk}/bezetting.csv", {"week": WED.isoformat()}
    )
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[1][3:6] == ["98.00", "4.00", "4.00"]
    assert rows[-1][1] == "" and rows[-1][3] == "98.00"  # the location total (one room)
    assert page.select_one("tfoot th").get_text(strip=True) == "Hele locatie"


def test_beheer_can_list_and_add_locations_in_the_admin(client):
    staff = UserFactory(groups=["beheer"])
    totp_enable(staff)  # the admin asks staff for two-step login
    client.force_login(staff)
    assert client.get("/admin/ruimtes_locaties/").status_code == 200
    assert client.get("/admin/ruimtes_ruimtes/new/").status_code == 200
    assert client.get("/admin/ruimtes_fotos/new/").status_code == 200
    client.force_login(UserFactory(groups=["moderator"]))
    assert client.get("/admin/ruimtes_locaties/").status_code in (302, 403)


def test_manager_approves_a_whole_series_in_one_go(
    client, setup, django_capture_on_commit_callbacks
):
    manager, mine, _request_mine, _request_theirs = setup
    mine.locatie.approval_required = True
    mine.locatie.save()
    booker = UserFactory()
    monday = next_monday(2)
    with django_capture_on_commit_callbacks(execute=True):
        serie, plan = services.serie_create(
            ruimte=mine,
            booker=booker,
            starts_at=at(monday, 19),
            ends_at=at(monday, 21),
            interval_weeks=1,
            until=monday + timedelta(weeks=2),
            title="Buurtkoor",
            expected_people=8,
            booker_type=BookerType.BEWONERSINITIATIEF,
        )
    dates = list(serie.boekingen.order_by("starts_at"))
    assert [b.status for b in dates] == [Boeking.Status.AANGEVRAAGD] * 3
    # Someone else got the last Monday confirmed meanwhile: that date waits on its own.
    BoekingFactory(ruimte=mine, starts_at=at(monday + timedelta(weeks=2), 20))
    client.force_login(manager)

    page = client.get(f"/ruimtes/beheer/aanvragen/{dates[0].pk}/").content.decode()
    assert "Keur de reeks goed (3 datums)" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/ruimtes/beheer/aanvragen/{dates[0].pk}/", {"action": "reeks_goedkeuren"}, follow=True
        )
    assert "2 datums van de reeks zijn goedgekeurd." in response.content.decode()
    assert [Boeking.objects.get(pk=b.pk).status for b in dates] == [
        Boeking.Status.BEVESTIGD,
        Boeking.Status.BEVESTIGD,
        Boeking.Status.AANGEVRAAGD,
    ]
    assert [m.to for m in mail.outbox] == [[booker.email]]
    assert "Dat geldt voor 2 datums van de reeks" in mail.outbox[0].body
    # Another location's manager cannot approve this series.
    client.force_login(UserFactory())
    response = client.post(
        f"/ruimtes/beheer/aanvragen/{dates[2].pk}/", {"action": "reeks_goedkeuren"}
    )
    assert response.status_code == 403
