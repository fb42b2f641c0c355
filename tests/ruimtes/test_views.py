"""Pages: finder, week view, two-step booking, my bookings, cancelling."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from ruimtes.models import Boeking, Voorziening
from tests.factories import UserFactory
from tests.ruimtes.factories import (
    BoekingFactory,
    LocatieFactory,
    RuimteFactory,
    SluitingFactory,
    at,
    next_monday,
)

pytestmark = pytest.mark.django_db

MON = next_monday()
WED = MON + timedelta(days=2)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_finder_lists_only_rooms_free_big_enough_and_equipped(client):
    beamer = Voorziening.objects.get(code="beamer")
    free = RuimteFactory(name="Vrije zaal", capacity=30)
    free.voorzieningen.add(beamer)
    taken = RuimteFactory(name="Bezette zaal", capacity=30)
    taken.voorzieningen.add(beamer)
    BoekingFactory(ruimte=taken, starts_at=at(WED, 19))
    RuimteFactory(name="Kleine kamer", capacity=4).voorzieningen.add(beamer)
    RuimteFactory(name="Zonder beamer", capacity=30)
    closed = RuimteFactory(name="Gesloten zaal", capacity=30)
    closed.voorzieningen.add(beamer)
    SluitingFactory(locatie=closed.locatie, starts_on=WED, ends_on=WED)
    response = client.get(
        "/ruimtes/",
        {
            "date": WED.isoformat(),
            "start": "19:00",
            "end": "21:00",
            "people": 10,
            "voorzieningen": beamer.pk,
        },
    )
    names = [h.get_text(strip=True) for h in soup(response).select(".bk-card__title")]
    assert names == ["Vrije zaal"]


def test_finder_bad_input_shows_errors_not_500(client):
    response = client.get(
        "/ruimtes/", {"date": "morgen", "start": "25:00", "end": "", "people": "0"}
    )
    assert response.status_code == 200
    assert soup(response).select_one(".bk-error-summary, [role=alert]") is not None


def test_week_view_is_an_accessible_table_with_text_states(client):
    ruimte = RuimteFactory(locatie=LocatieFactory(hours=[(d, "09:00", "12:00") for d in range(7)]))
    BoekingFactory(
        ruimte=ruimte,
        starts_at=at(WED, 10),
        ends_at=at(WED, 11),
        title="Yoga",
        title_is_public=True,
    )
    BoekingFactory(ruimte=ruimte, starts_at=at(WED, 11), ends_at=at(WED, 12), title="Privé")
    response = client.get(f"/ruimtes/{ruimte.pk}/", {"week": WED.isoformat()})
    page = soup(response)
    table = page.select_one("table.bk-ruimte-week")
    assert table.caption is not None
    assert len(table.select("thead th[scope=col]")) == 8
    assert [th.get_text(strip=True) for th in table.select("tbody th[scope=row]")] == [
        "09:00",
        "10:00",
        "11:00",
    ]
    wednesday = [row.select("td")[2].get_text(" ", strip=True) for row in table.select("tbody tr")]
    assert wednesday[0].startswith("vrij")
    assert wednesday[1] == "bezet : Yoga"
    assert wednesday[2] == "bezet"
    assert "Privé" not in response.content.decode()
    links = [a["href"] for a in page.select(".bk-ruimte-weeknav a")]
    assert f"?week={(MON - timedelta(weeks=1)).isoformat()}#week-kop" in links
    assert f"?week={(MON + timedelta(weeks=1)).isoformat()}#week-kop" in links
    free_link = table.select("tbody tr")[0].select("td")[2].a["href"]
    assert free_link == f"/ruimtes/{ruimte.pk}/boeken/?date={WED.isoformat()}&start=09:00"


def test_unknown_room_is_404(client):
    assert client.get("/ruimtes/999999/").status_code == 404


def _form_data(**overrides):
    data = {
        "date": WED.isoformat(),
        "start": "10:00",
        "end": "12:00",
        "title": "Naaicafé",
        "purpose": "Samen kleding repareren",
        "expected_people": "8",
        "booker_type": "bewoners",
        "repeat": "0",
        "until": "",
        "behoefte": "",
    }
    data.update(overrides)
    return data


def test_booking_in_two_steps(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    ruimte = RuimteFactory()
    client.force_login(user)
    first = client.get(f"/ruimtes/{ruimte.pk}/boeken/", {"date": WED.isoformat(), "start": "10:00"})
    assert soup(first).select_one("input[name=end]")["value"] == "11:00"
    check = client.post(f"/ruimtes/{ruimte.pk}/boeken/", _form_data(step="controleren"))
    assert check.status_code == 200
    assert "Controleer je boeking" in check.content.decode()
    assert not Boeking.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/ruimtes/{ruimte.pk}/boeken/", _form_data(step="bevestigen"))
    boeking = Boeking.objects.get()
    assert done.status_code == 302 and done["Location"] == f"/ruimtes/boekingen/{boeking.pk}/"
    assert (boeking.booker, boeking.status, boeking.starts_at) == (
        user,
        Boeking.Status.BEVESTIGD,
        at(WED, 10),
    )
    assert mail.outbox[-1].to == [user.email]


def test_booking_form_keeps_input_and_shows_rule_error(client):
    client.force_login(UserFactory())
    ruimte = RuimteFactory(capacity=5)
    response = client.post(
        f"/ruimtes/{ruimte.pk}/boeken/", _form_data(step="bevestigen", expected_people="9")
    )
    page = soup(response)
    assert "hoogstens 5 mensen" in page.select_one("#id_expected_people-error").get_text()
    assert page.select_one("input[name=title]")["value"] == "Naaicafé"
    assert not Boeking.objects.exists()


def test_booking_needs_login_and_verified_email(client):
    ruimte = RuimteFactory()
    assert client.get(f"/ruimtes/{ruimte.pk}/boeken/").status_code == 302
    client.force_login(UserFactory(verified=False))
    response = client.get(f"/ruimtes/{ruimte.pk}/boeken/")
    assert response.status_code == 302 and response["Location"] == "/accounts/email/"
    assert (
        client.post(f"/ruimtes/{ruimte.pk}/boeken/", _form_data(step="bevestigen")).status_code
        == 302
    )
    assert not Boeking.objects.exists()


def test_series_with_conflicts_shows_them_and_books_the_rest(client):
    ruimte = RuimteFactory()
    BoekingFactory(ruimte=ruimte, starts_at=at(WED + timedelta(weeks=1), 10))
    SluitingFactory(
        locatie=ruimte.locatie,
        starts_on=WED + timedelta(weeks=2),
        ends_on=WED + timedelta(weeks=2),
        reason="Verbouwing",
    )
    client.force_login(UserFactory())
    data = _form_data(repeat="1", until=(WED + timedelta(weeks=3)).isoformat())
    check = client.post(f"/ruimtes/{ruimte.pk}/boeken/", {**data, "step": "controleren"})
    text = soup(check).get_text(" ")
    assert "Deze ruimte is dan al geboekt" in text
    assert "Verbouwing" in text
    client.post(f"/ruimtes/{ruimte.pk}/boeken/", {**data, "step": "bevestigen"})
    mine = Boeking.objects.filter(serie__isnull=False).order_by("starts_at")
    assert [b.starts_at for b in mine] == [at(WED, 10), at(WED + timedelta(weeks=3), 10)]


def test_cancel_own_booking_and_the_rest_of_a_series(client):
    user = UserFactory()
    ruimte = RuimteFactory()
    client.force_login(user)
    data = _form_data(repeat="1", until=(WED + timedelta(weeks=3)).isoformat(), step="bevestigen")
    client.post(f"/ruimtes/{ruimte.pk}/boeken/", data)
    series = list(Boeking.objects.order_by("starts_at"))
    assert len(series) == 4
    client.post(f"/ruimtes/boekingen/{series[0].pk}/annuleren/", {"scope": "een"})
    client.post(
        f"/ruimtes/boekingen/{series[2].pk}/annuleren/", {"scope": "rest", "reason": "Zomerstop"}
    )
    statuses = [b.status for b in Boeking.objects.order_by("starts_at")]
    assert statuses == ["geannuleerd", "bevestigd", "geannuleerd", "geannuleerd"]


def test_other_users_booking_is_403(client):
    boeking = BoekingFactory()
    client.force_login(UserFactory())
    assert client.get(f"/ruimtes/boekingen/{boeking.pk}/").status_code == 403
    assert client.post(f"/ruimtes/boekingen/{boeking.pk}/annuleren/").status_code == 403
    assert Boeking.objects.get().status == Boeking.Status.BEVESTIGD


def test_room_page_shows_hours_closures_and_map_link(client):
    locatie = LocatieFactory(
        hours=[(0, "09:00", "17:00")], latitude="52.366700", longitude="4.856000"
    )
    ruimte = RuimteFactory(locatie=locatie)
    SluitingFactory(locatie=locatie, starts_on=WED, ends_on=WED, reason="Schilderwerk")
    text = client.get(f"/ruimtes/{ruimte.pk}/").content.decode()
    assert "maandag: 09:00-17:00" in text
    assert "Schilderwerk" in text
    assert "openstreetmap.org/?mlat=52.366700" in text


def test_privacy_export_and_delete(client):
    from buurtkracht.accounts.privacy import anonymiser_registry, export_registry

    user = UserFactory()
    BoekingFactory(booker=user, title="Mijn feestje")
    exporter = dict(iter(export_registry))["ruimtes"]
    assert exporter(user)[0]["titel"] == "Mijn feestje"
    dict(iter(anonymiser_registry))["ruimtes"](user)
    assert not Boeking.objects.filter(booker=user).exists()


def test_week_view_in_the_spring_dst_week(client):
    ruimte = RuimteFactory(locatie=LocatieFactory(hours=[(6, "01:00", "05:00")]))
    response = client.get(f"/ruimtes/{ruimte.pk}/", {"week": "2027-03-24"})
    rows = soup(response).select("table.bk-ruimte-week tbody tr")
    sunday = {
        row.th.get_text(strip=True): row.select("td")[6].get_text(" ", strip=True) for row in rows
    }
    assert sunday["02:00"] == "bestaat niet"
    assert sunday["01:00"].startswith("vrij") and sunday["03:00"].startswith("vrij")


def test_finder_query_count_does_not_grow_with_rooms(client, django_assert_max_num_queries):
    for _ in range(6):
        RuimteFactory().voorzieningen.add(Voorziening.objects.get(code="wifi"))
    with django_assert_max_num_queries(12):
        response = client.get(
            "/ruimtes/", {"date": WED.isoformat(), "start": "19:00", "end": "21:00", "people": 2}
        )
    assert len(soup(response).select(".bk-card__title")) == 6


def test_wijk_section_lists_locations_of_that_wijk():
    from ruimtes.queries import wijk_section

    ruimte = RuimteFactory(name="Huiskamer")
    context = wijk_section(wijk=ruimte.locatie.wijk, request=None)
    assert [r.name for loc in context["locaties"] for r in loc.ruimtes.all()] == ["Huiskamer"]
    assert context["url"].endswith(f"?wijk={ruimte.locatie.wijk.pk}")


def test_pages_in_english(client):
    ruimte = RuimteFactory()
    assert "Find a room" in client.get("/en/ruimtes/").content.decode()
    assert "When is the room free?" in client.get(f"/en/ruimtes/{ruimte.pk}/").content.decode()
