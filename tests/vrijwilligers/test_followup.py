"""'Is het gelukt?': mails two weeks after acceptance with a signed link; answers count."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from tests.vrijwilligers.factories import ReactieFactory, VacatureFactory, accepted
from vrijwilligers.followup import followup_token, followups_send, match_figures
from vrijwilligers.models import Reactie

pytestmark = pytest.mark.django_db


def test_followup_mail_link_records_answer_without_login(
    client, django_capture_on_commit_callbacks
):
    vacature = VacatureFactory()
    old = accepted(ReactieFactory(vacature=vacature), days_ago=15)
    accepted(ReactieFactory(vacature=VacatureFactory()), days_ago=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert followups_send() == 1
    assert followups_send() == 0  # once only
    to_volunteer = next(m for m in mail.outbox if m.to == [old.volunteer.email])
    assert any(m.to == [vacature.owner.email] for m in mail.outbox)
    url = re.search(r"http\S+/gelukt/\S+/", to_volunteer.body).group(0)
    path = url.split("127.0.0.1:8000", 1)[-1]
    assert client.get(path).status_code == 200
    response = client.post(path, {"outcome": "ja"})
    assert "opgeslagen" in response.content.decode()
    old.refresh_from_db()
    assert old.outcome_volunteer == "ja" and old.outcome_owner == ""
    assert match_figures()["gelukt"] == 1
    assert match_figures()["matches"] == 2
    owner_path = reverse("vrijwilligers:gelukt", args=[followup_token(old, "o")])
    client.post(owner_path, {"outcome": "nee"})
    old.refresh_from_db()
    assert old.outcome_owner == "nee"
    figures = match_figures()
    assert (figures["gelukt"], figures["niet_gelukt"]) == (0, 1)
    assert ">1<" in client.get(reverse("vrijwilligers:stats")).content.decode()


def test_forged_link_and_bad_answer_are_refused(client):
    reactie = accepted(ReactieFactory(), days_ago=15)
    token = followup_token(reactie, "v")
    forged = token[:-2] + ("aa" if not token.endswith("aa") else "bb")
    assert client.get(reverse("vrijwilligers:gelukt", args=[forged])).status_code == 400
    assert (
        client.post(
            reverse("vrijwilligers:gelukt", args=[token]), {"outcome": "misschien"}
        ).status_code
        == 400
    )
    reactie.refresh_from_db()
    assert reactie.outcome_volunteer == ""


def test_commands_run(django_capture_on_commit_callbacks):
    accepted(ReactieFactory(), days_ago=20)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_gelukt_followups")
    assert Reactie.objects.filter(followup_sent_at__isnull=False).count() == 1
    call_command("close_expired_vacatures")
