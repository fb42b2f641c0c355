"""iCal feeds parsed back with icalendar; the reminder command; the token page."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from buurtkracht.accounts.models import ApiToken
from buurtkracht.api_auth import token_hash
from ruimtes.models import Agenda, Boeking
from tests.factories import UserFactory
from tests.ruimtes.factories import BoekingFactory, RuimteFactory, at, next_monday

pytestmark = pytest.mark.django_db

WED = next_monday() + timedelta(days=2)


def events(response) -> list:
    assert response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_room_feed_shows_confirmed_bookings_private_titles_as_bezet(client):
    ruimte = RuimteFactory()
    BoekingFactory(
        ruimte=ruimte, starts_at=at(WED, 10), title="Open repetitie", title_is_public=True
    )
    BoekingFactory(ruimte=ruimte, starts_at=at(WED, 13), title="Schuldhulp")
    BoekingFactory(
        ruimte=ruimte, starts_at=at(WED, 16), title="Nog niet", status=Boeking.Status.AANGEVRAAGD
    )
    found = events(client.get(f"/ruimtes/{ruimte.pk}/agenda.ics"))
    assert [str(e["SUMMARY"]) for e in found] == ["Open repetitie", "Bezet"]
    assert found[0].decoded("DTSTART") == at(WED, 10)
    assert found[0].decoded("DTEND") == at(WED, 12)
    assert "Schuldhulp" not in client.get(f"/ruimtes/{ruimte.pk}/agenda.ics").content.decode()


def test_personal_feed_behind_a_secret_that_can_be_reset(client):
    user = UserFactory()
    BoekingFactory(booker=user, starts_at=at(WED, 10), title="Mijn taalles")
    BoekingFactory(starts_at=at(WED, 14), title="Van een ander")
    client.force_login(user)
    client.get("/ruimtes/mijn-boekingen/")
    old = Agenda.objects.get(user=user).token
    client.logout()
    found = events(client.get(f"/ruimtes/agenda/{old}.ics"))
    assert [str(e["SUMMARY"]) for e in found] == ["Mijn taalles"]
    client.force_login(user)
    client.post("/ruimtes/agenda/nieuw-adres/")
    new = Agenda.objects.get(user=user).token
    assert new != old
    assert client.get(f"/ruimtes/agenda/{old}.ics").status_code == 404
    assert client.get(f"/ruimtes/agenda/{new}.ics").status_code == 200


def test_reminder_command_sends_each_reminder_once(django_capture_on_commit_callbacks):
    soon = BoekingFactory(starts_at=timezone.now() + timedelta(hours=3))
    BoekingFactory(starts_at=timezone.now() + timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_boeking_reminders")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_boeking_reminders")
    assert [m.to for m in mail.outbox] == [[soon.booker.email]]
    assert Boeking.objects.get(pk=soon.pk).reminder_sent_at is not None


def test_account_page_shows_new_token_once_and_stores_only_its_hash(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/account/api-sleutel/", {"action": "maken"})
    assert response.status_code == 200
    token = response.content.decode().split('id="api-sleutel">')[1].split("<")[0]
    assert ApiToken.objects.get(user=user).token_hash == token_hash(token)
    assert token not in client.get("/account/").content.decode()
    client.post("/account/api-sleutel/", {"action": "verwijderen"})
    assert not ApiToken.objects.filter(user=user).exists()


def test_need_page_lists_confirmed_bookings():
    from initiatieven import needs
    from tests.initiatieven.factories import BehoefteFactory

    need = BehoefteFactory(kind="ruimte", title="Een zaal")
    BoekingFactory(behoefte=need, starts_at=at(WED, 10))
    BoekingFactory(behoefte=need, starts_at=at(WED, 14), status=Boeking.Status.AANGEVRAAGD)
    links = needs.links_for([need])[need.pk]
    assert len(links) == 1 and date.fromisoformat(str(WED)).strftime("%d-%m-%Y") in links[0].detail
