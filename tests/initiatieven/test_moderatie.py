"""Reports, the moderators' admin queues, contact messages and co-owner invitations."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from initiatieven import services
from initiatieven.models import Bericht, Eigenaar, Initiatief, Melding
from tests.factories import UserFactory
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db


def test_anyone_can_report_an_initiative(client):
    initiatief = InitiatiefFactory()
    response = client.post(
        reverse("initiatieven:report", args=[initiatief.slug]), {"reason": "Dit is reclame."}
    )
    assert response.status_code == 302
    melding = Melding.objects.get()
    assert melding.reporter is None and melding.update is None
    assert melding.status == Melding.Status.OPEN


def test_report_an_update_then_moderator_hides_it(client, moderator, commit, mailoutbox):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    update = services.update_create(initiatief=initiatief, user=owner, text="Scheldwoorden")
    client.force_login(UserFactory())
    client.post(
        reverse("initiatieven:report", args=[initiatief.slug]),
        {"reason": "Kwetsend", "update": update.pk},
    )
    melding = Melding.objects.get()
    assert melding.update == update
    client.force_login(moderator)
    queue = client.get(reverse("initiatieven_moderatie:reports"))
    assert queue.status_code == 200 and initiatief.title in queue.content.decode()
    with commit():
        response = client.post(
            reverse("initiatieven_moderatie:report_decide", args=[melding.pk]),
            {"decision": "hide", "reason": "Kwetsende taal mag niet."},
        )
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.is_hidden
    assert Melding.objects.get().status == Melding.Status.VERBORGEN
    assert mailoutbox[-1].to == [owner.email]
    assert "Kwetsende taal mag niet." in mailoutbox[-1].body
    assert "Scheldwoorden" not in client.get(initiatief.get_absolute_url()).content.decode()


def test_moderator_keeps_a_reported_initiative(moderator):
    initiatief = InitiatiefFactory()
    melding = services.melding_create(initiatief=initiatief, reporter=None, reason="Twijfel")
    services.melding_decide(melding=melding, moderator=moderator, hide=False, reason="Klopt wel.")
    initiatief.refresh_from_db()
    assert initiatief.is_public
    with pytest.raises(ValidationError):
        services.melding_decide(melding=melding, moderator=moderator, hide=True, reason="x")


def test_moderation_admin_is_for_moderators_only(client, moderator):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner], status=Initiatief.Status.INGEDIEND)
    melding_url = reverse("initiatieven_moderatie:decide", args=[initiatief.pk])
    client.force_login(owner)
    assert client.get(reverse("initiatieven_moderatie:index")).status_code in (302, 403)
    assert client.post(melding_url, {"decision": "publish"}).status_code in (302, 403)
    assert Initiatief.objects.get().status == Initiatief.Status.INGEDIEND
    client.force_login(moderator)
    index = client.get(reverse("initiatieven_moderatie:index"), {"kind": "initiatief"})
    assert initiatief.title in index.content.decode()
    other_kind = client.get(reverse("initiatieven_moderatie:index"), {"kind": "wijkonderneming"})
    assert initiatief.title not in other_kind.content.decode()
    assert initiatief.summary in client.get(melding_url).content.decode()
    response = client.post(melding_url, {"decision": "reject", "reason": ""})
    assert response.status_code == 200  # a rejection needs a reason
    client.post(melding_url, {"decision": "publish"})
    assert Initiatief.objects.get().status == Initiatief.Status.GEPUBLICEERD


def test_contact_mails_owners_without_showing_sender(client, commit, mailoutbox):
    owner, sender = UserFactory(), UserFactory(display_name="Fatima")
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(sender)
    with commit():
        response = client.post(
            reverse("initiatieven:contact", args=[initiatief.slug]),
            {"message": "Ik wil graag helpen koken."},
        )
    assert response.status_code == 302
    assert Bericht.objects.get().message == "Ik wil graag helpen koken."
    mail = mailoutbox[-1]
    assert mail.to == [owner.email]
    assert "Ik wil graag helpen koken." in mail.body
    assert mail.extra_headers["Reply-To"] == sender.email
    assert sender.email not in client.get(initiatief.get_absolute_url()).content.decode()


def test_contact_needs_login(client):
    initiatief = InitiatiefFactory()
    response = client.get(reverse("initiatieven:contact", args=[initiatief.slug]))
    assert response.status_code == 302 and "login" in response.url


def test_co_owner_invitation_by_email(client, commit, mailoutbox):
    owner = UserFactory()
    invitee = UserFactory(email="buurvrouw@voorbeeld.nl")
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(owner)
    with commit():
        client.post(
            reverse("initiatieven:invite", args=[initiatief.slug]),
            {"email": "buurvrouw@voorbeeld.nl"},
        )
    mail = mailoutbox[-1]
    assert mail.to == ["buurvrouw@voorbeeld.nl"]
    link = next(line for line in mail.body.splitlines() if "/uitnodiging/" in line)
    path = link[link.index("/", link.index("://") + 3) :].strip()
    # Someone else cannot use the link.
    client.force_login(UserFactory())
    assert client.post(path).status_code == 403
    client.force_login(invitee)
    response = client.post(path)
    assert response.url == reverse("initiatieven:manage", args=[initiatief.slug])
    assert Eigenaar.objects.filter(initiatief=initiatief, user=invitee).exists()
    # The co-owner may now edit; the link works once.
    services.initiatief_update(initiatief=initiatief, user=invitee, title="Samen beter")
    client.post(path)
    assert Eigenaar.objects.filter(initiatief=initiatief).count() == 2


def test_non_owner_cannot_invite():
    with pytest.raises(PermissionDenied):
        services.uitnodiging_create(
            initiatief=InitiatiefFactory(), user=UserFactory(), email="x@voorbeeld.nl"
        )


def test_contact_is_limited_per_day():
    initiatief = InitiatiefFactory()
    sender = UserFactory()
    for _ in range(services.moderatie.MESSAGES_PER_DAY):
        services.bericht_send(initiatief=initiatief, sender=sender, message="Hallo")
    with pytest.raises(ValidationError) as error:
        services.bericht_send(initiatief=initiatief, sender=sender, message="Nog een")
    assert error.value.code == "too_many_messages"
    assert Bericht.objects.count() == services.moderatie.MESSAGES_PER_DAY


def test_pages_in_english(client):
    initiatief = InitiatiefFactory()
    assert (
        "What does this initiative need?"
        in client.get(f"/en/initiatieven/{initiatief.slug}/").content.decode()
    )
    assert client.get("/en/initiatieven/").status_code == 200


def test_owner_removes_co_owner_but_not_the_last(client):
    owner, co_owner = UserFactory(), UserFactory()
    initiatief = InitiatiefFactory(owners=[owner, co_owner])
    client.force_login(owner)
    row = Eigenaar.objects.get(user=co_owner)
    client.post(reverse("initiatieven:owner_remove", args=[initiatief.slug, row.pk]))
    assert list(initiatief.owners.all()) == [owner]
    with pytest.raises(ValidationError) as error:
        services.eigenaar_remove(initiatief=initiatief, user=owner, owner=owner)
    assert error.value.code == "last_owner"
    # The removed co-owner can no longer edit.
    with pytest.raises(PermissionDenied):
        services.initiatief_update(initiatief=initiatief, user=co_owner, title="x")
