import pytest
from django.urls import reverse

from initiatieven.models import Initiatief
from tests.factories import UserFactory
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db


def test_an_owner_of_a_published_initiatief_finds_the_way_to_the_buurtbudget(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(owner)
    page = client.get(reverse("initiatieven:manage", args=[initiatief.slug])).content.decode()
    assert f'href="/buurtbudget/aanvragen/nieuw/{initiatief.slug}/"' in page


def test_a_concept_has_no_buurtbudget_link_yet(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner], status=Initiatief.Status.CONCEPT)
    client.force_login(owner)
    page = client.get(reverse("initiatieven:manage", args=[initiatief.slug])).content.decode()
    assert "/buurtbudget/aanvragen/nieuw/" not in page
