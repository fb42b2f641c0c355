import csv
import io

import pytest
from django.urls import reverse

from buurtkracht.accounts.models import Role
from buurtkracht.areas.models import Buurt, Wijk
from buurtkracht.core.spreadsheet import spreadsheet_text as neutralise
from tests.factories import MembershipFactory, UserFactory
from tests.initiatieven.factories import InitiatiefFactory
from tests.kaart.data import known_set

pytestmark = pytest.mark.django_db


def _rows(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def _professional(wijk):
    user = UserFactory()
    MembershipFactory(user=user, role=Role.PROFESSIONAL, wijk=wijk)
    return user


def test_professional_downloads_the_wijk_csv(client):
    data = known_set()
    client.force_login(_professional(data["baarsjes"]))
    response = client.get(reverse("sociale_kaart:wijk_export", args=["de-baarsjes"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="sociale-kaart-de-baarsjes.csv"' in response["Content-Disposition"]
    rows = _rows(response)
    header = rows[0]
    assert header[:5] == [
        "wijk",
        "thema",
        "aanbod initiatieven",
        "aanbod wijkondernemingen",
        "aanbod totaal",
    ]
    by_theme = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert len(by_theme) == 13  # 12 themes and "zonder thema"
    taal = by_theme["Taal"]
    assert taal["wijk"] == "De Baarsjes"
    assert (taal["aanbod totaal"], taal["vraag open behoeften geld"]) == ("1", "1")
    assert (taal["vraag open vacatures"], taal["vraag zoekvragen zonder resultaat"]) == ("1", "2")
    assert (taal["vraag totaal"], taal["conclusie"]) == ("5", "Witte vlek: meer vraag dan aanbod")
    assert by_theme["Groen"]["aanbod wijkondernemingen"] == "1"


def test_the_all_wijken_csv_holds_only_the_wijken_you_work_in(client):
    data = known_set()
    client.force_login(_professional(data["westerpark"]))
    rows = _rows(client.get(reverse("sociale_kaart:export")))
    assert {row[0] for row in rows[1:]} == {"Westerpark"}

    client.force_login(UserFactory(groups=["beheer"]))
    rows = _rows(client.get(reverse("sociale_kaart:export")))
    assert {row[0] for row in rows[1:]} == set(Wijk.objects.values_list("name", flat=True))


def test_residents_get_403_and_visitors_the_login_page(client):
    data = known_set()
    wijk_url = reverse("sociale_kaart:wijk_export", args=["de-baarsjes"])
    all_url = reverse("sociale_kaart:export")

    response = client.get(wijk_url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

    client.force_login(UserFactory())
    assert client.get(wijk_url).status_code == 403
    assert client.get(all_url).status_code == 403

    client.force_login(_professional(data["westerpark"]))  # another wijk
    assert client.get(wijk_url).status_code == 403

    member = UserFactory()
    MembershipFactory(user=member, role=Role.INSPIRATIETEAM, wijk=data["baarsjes"])
    client.force_login(member)
    assert client.get(wijk_url).status_code == 403


def test_cells_that_could_run_as_a_formula_are_neutralised(client):
    wijk = Wijk.objects.create(
        name='=HYPERLINK("http://x.nl","klik")', slug="formule", latitude=52.3, longitude=4.8
    )
    Buurt.objects.create(wijk=wijk, name="B", slug="formule-b", latitude=52.3, longitude=4.8)
    InitiatiefFactory(wijk=wijk, buurt=None, themes=["taal"])
    client.force_login(UserFactory(groups=["beheer"]))
    rows = _rows(client.get(reverse("sociale_kaart:wijk_export", args=["formule"])))

    assert {row[0] for row in rows[1:]} == {'\'=HYPERLINK("http://x.nl","klik")'}
    for value in ("=1+1", "+31", "-2", "@SUM(A1)", "\tx"):
        assert neutralise(value) == "'" + value
    assert neutralise("Taal") == "Taal"
    assert neutralise(3) == "3"
