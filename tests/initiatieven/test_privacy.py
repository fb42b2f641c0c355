"""The initiatieven part of the data export and of account deletion."""

import pytest

from buurtkracht.accounts.privacy import anonymiser_registry, export_registry
from initiatieven import services
from initiatieven.models import Eigenaar, Initiatief, Melding, Update, Volger
from tests.factories import UserFactory
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db


def _run(registry, user):
    return dict(registry)["initiatieven"](user)


def test_export_and_deletion():
    user, other = UserFactory(), UserFactory()
    own = InitiatiefFactory(owners=[user, other], title="Buurtkamer")
    services.update_create(initiatief=own, user=user, text="Open op vrijdag")
    followed = InitiatiefFactory(title="Moestuin")
    services.volger_follow(initiatief=followed, user=user)
    services.melding_create(initiatief=followed, reporter=user, reason="Foto klopt niet")

    data = _run(export_registry, user)
    assert [e["titel"] for e in data["eigenaar_van"]] == ["Buurtkamer"]
    assert data["updates"][0]["tekst"] == "Open op vrijdag"
    assert [v["initiatief"] for v in data["volgt"]] == ["Moestuin"]
    assert data["meldingen"][0]["reden"] == "Foto klopt niet"

    _run(anonymiser_registry, user)
    assert Initiatief.objects.filter(pk=own.pk).exists()
    assert list(Eigenaar.objects.filter(initiatief=own).values_list("user", flat=True)) == [
        other.pk
    ]
    assert not Volger.objects.filter(user=user).exists()
    assert Melding.objects.get().reporter is None
    assert Update.objects.get().author is None
