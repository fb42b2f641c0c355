"""Needs, updates with figures (impact), follow and the daily digest."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from initiatieven import services
from initiatieven.models import Behoefte, Cijfer, Volger
from initiatieven.services.activiteit import Figure
from tests.factories import UserFactory
from tests.initiatieven.factories import InitiatiefFactory
from tests.initiatieven.images import png_upload

pytestmark = pytest.mark.django_db


def _need(initiatief, owner, **extra):
    values = {"kind": "geld", "title": "Zaden en potgrond"} | extra
    return services.behoefte_save(initiatief=initiatief, user=owner, **values)


@pytest.mark.parametrize("amount", ["0", "-5", "12.345", "abc", "NaN"])
def test_need_amount_must_be_positive_with_two_decimals(amount):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    with pytest.raises(ValidationError) as error:
        _need(initiatief, owner, amount_wanted=amount)
    assert error.value.error_dict["amount_wanted"][0].code == "amount_invalid"
    assert not Behoefte.objects.exists()


def test_need_amount_is_stored_exactly():
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    need = _need(initiatief, owner, amount_wanted="249,95")
    need.refresh_from_db()
    assert need.amount_wanted == Decimal("249.95")


def test_need_form_page_and_fulfilled_status(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(owner)
    client.post(
        reverse("initiatieven:behoefte_create", args=[initiatief.slug]),
        {"kind": "ruimte", "title": "Een keuken op woensdag", "status": "open"},
    )
    need = Behoefte.objects.get()
    assert need.kind == "ruimte"
    client.post(
        reverse("initiatieven:behoefte_edit", args=[initiatief.slug, need.pk]),
        {"kind": "ruimte", "title": "Een keuken op woensdag", "status": "vervuld"},
    )
    need.refresh_from_db()
    assert need.status == "vervuld" and need.fulfilled_at is not None


def test_non_owner_cannot_add_a_need(client):
    initiatief = InitiatiefFactory()
    client.force_login(UserFactory())
    response = client.post(
        reverse("initiatieven:behoefte_create", args=[initiatief.slug]),
        {"kind": "ruimte", "title": "x", "status": "open"},
    )
    assert response.status_code == 403
    assert not Behoefte.objects.exists()


def test_updates_figures_add_up_to_impact(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(owner)
    url = reverse("initiatieven:update_create", args=[initiatief.slug])
    client.post(
        url,
        {
            "text": "Eerste oogst!",
            "bereikt": "30",
            "maaltijden": "12",
            "image_1": png_upload(),
            "alt_1": "Kratten met sla",
            "image_2": png_upload(),
            "alt_2": "Buren bij de kas",
        },
    )
    response = client.post(url, {"text": "Foto zonder uitleg", "image_1": png_upload()})
    assert "Schrijf kort wat er op de foto staat." in response.content.decode()
    client.post(
        url,
        {
            "text": "Reparatiemiddag",
            "bereikt": "10",
            "anders_label": "fietsen gemaakt",
            "anders_value": "4",
        },
    )
    response = client.post(url, {"text": "Zonder label", "anders_value": "3"})
    assert response.status_code == 200  # refused: a custom figure needs a label
    response = client.post(url, {"text": "Te veel", "uren": "99999999999"})
    assert response.status_code == 200  # refused, not a database error
    assert initiatief.updates.count() == 2
    body = client.get(initiatief.get_absolute_url()).content.decode()
    assert "<strong>40</strong> Mensen bereikt" in body
    assert "<strong>12</strong> Maaltijden geserveerd" in body
    assert "<strong>4</strong> fietsen gemaakt" in body
    assert body.index("Reparatiemiddag") < body.index("Eerste oogst!")  # newest first
    assert 'alt="Kratten met sla"' in body and 'alt="Buren bij de kas"' in body


@pytest.mark.parametrize("value", [0, -3, 10**10])
def test_figure_must_be_positive_and_sane(value):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    with pytest.raises(ValidationError) as error:
        services.update_create(
            initiatief=initiatief, user=owner, text="x", figures=[Figure(kind="uren", value=value)]
        )
    assert error.value.code == "figure_positive"
    assert not Cijfer.objects.exists()
    assert not initiatief.updates.exists()


def _follow(initiatief, user):
    volger = services.volger_follow(initiatief=initiatief, user=user)
    Volger.objects.filter(pk=volger.pk).update(digest_sent_until="2020-01-01T00:00Z")
    return volger


def test_digest_is_one_mail_with_several_updates(commit, mailoutbox):
    owner, follower = UserFactory(), UserFactory()
    first = InitiatiefFactory(owners=[owner], title="Moestuin")
    second = InitiatiefFactory(owners=[owner], title="Buurtkamer")
    _follow(first, follower)
    _follow(second, follower)
    services.update_create(initiatief=first, user=owner, text="Tomaten geplant")
    services.update_create(
        initiatief=first, user=owner, text="Oogstfeest", figures=[Figure(kind="bereikt", value=50)]
    )
    services.update_create(initiatief=second, user=owner, text="Nieuwe koffiemachine")
    with commit():
        assert services.digest_send() == 1
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [follower.email]
    for text in ("Tomaten geplant", "Oogstfeest", "50 Mensen bereikt", "Nieuwe koffiemachine"):
        assert text in mail.body
    # Nothing new: nothing sent.
    with commit():
        assert services.digest_send() == 0
    assert len(mailoutbox) == 1


def test_digest_skips_hidden_updates_and_follows_nothing_new(commit, mailoutbox):
    owner, follower = UserFactory(), UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    _follow(initiatief, follower)
    update = services.update_create(initiatief=initiatief, user=owner, text="Verborgen nieuws")
    update.is_hidden = True
    update.save()
    with commit():
        assert services.digest_send() == 0
    assert mailoutbox == []


def test_digest_command_and_unfollow_link(client, commit, mailoutbox):
    owner, follower = UserFactory(), UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    _follow(initiatief, follower)
    services.update_create(initiatief=initiatief, user=owner, text="Nieuws")
    with commit():
        call_command("send_initiatief_digest", stdout=io.StringIO())
    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "niet-meer-volgen" in line)
    path = link[link.index("/", link.index("://") + 3) :].strip()
    assert client.get(path).status_code == 200  # asks first (mail scanners open links)
    assert Volger.objects.filter(user=follower).exists()
    response = client.post(path)
    assert response.status_code == 200
    assert not Volger.objects.filter(user=follower).exists()
    # A tampered link does nothing.
    assert client.post(path[:-3] + "xyz/").status_code == 404


def test_follow_and_unfollow_buttons(client):
    initiatief = InitiatiefFactory()
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("initiatieven:follow", args=[initiatief.slug]))
    assert Volger.objects.filter(user=user, initiatief=initiatief).exists()
    assert "Niet meer volgen" in client.get(initiatief.get_absolute_url()).content.decode()
    assert initiatief.title in client.get(reverse("initiatieven:mine")).content.decode()
    client.post(reverse("initiatieven:follow", args=[initiatief.slug]), {"action": "unfollow"})
    assert not Volger.objects.exists()


def test_owner_deletes_an_update_and_its_figures(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    update = services.update_create(
        initiatief=initiatief, user=owner, text="Dubbel", figures=[Figure(kind="uren", value=5)]
    )
    client.force_login(UserFactory())
    url = reverse("initiatieven:update_delete", args=[initiatief.slug, update.pk])
    assert client.post(url).status_code == 403
    client.force_login(owner)
    client.post(url)
    assert not initiatief.updates.exists() and not Cijfer.objects.exists()
