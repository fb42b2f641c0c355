import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_vacature_listing_leads_to_the_talentenbeurs(client):
    page = client.get("/vrijwilligers/").content.decode()
    assert f'href="{reverse("talentenbeurs:list")}"' in page
    assert client.get(reverse("talentenbeurs:list")).status_code == 200
