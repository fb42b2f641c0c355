"""'Mijn gegevens' and account deletion."""

import pytest

from buurtkracht.accounts.privacy import anonymiser_registry, export_registry
from tests.vrijwilligers.factories import ProfielFactory, ReactieFactory, VacatureFactory
from vrijwilligers.models import Profiel, Reactie, Vacature

pytestmark = pytest.mark.django_db


def run(registry, user):
    return dict(registry)["vrijwilligers"](user)


def test_export_holds_profile_and_reacties():
    profiel = ProfielFactory(availability_mask=0b1)
    ReactieFactory(volunteer=profiel.user, message="Ik help mee")
    data = run(export_registry, profiel.user)
    assert data["profiel"]["skills"] == ["koken"]
    assert data["profiel"]["availability"] == ["ma-ochtend"]
    assert data["reacties"][0]["message"] == "Ik help mee"


def test_deletion_removes_profile_and_reacties_and_closes_own_organisation_vacature():
    profiel = ProfielFactory()
    ReactieFactory(volunteer=profiel.user)
    own = VacatureFactory(owner=profiel.user)
    run(anonymiser_registry, profiel.user)
    assert not Profiel.objects.exists() and not Reactie.objects.exists()
    own.refresh_from_db()
    assert own.owner is None and own.status == Vacature.Status.GESLOTEN
