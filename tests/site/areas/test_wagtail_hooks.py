import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from buurtkracht.areas.models import Buurt
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("name", "text"), [("wijk", "Bos en Lommer"), ("buurt", "Kolenkitbuurt"), ("postcode", "1053")]
)
def test_admin_lists_areas(admin_client, name, text):
    response = admin_client.get(reverse(f"{name}:index"))
    assert response.status_code == 200
    assert text in response.content.decode()


def test_admin_can_mark_a_buurt_as_focusgebied(admin_client):
    buurt = Buurt.objects.get(slug="erasmuspark")
    assert not buurt.is_focusgebied
    response = admin_client.post(
        reverse("buurt:edit", args=[buurt.pk]),
        {
            "name": buurt.name,
            "slug": buurt.slug,
            "wijk": buurt.wijk_id,
            "is_focusgebied": "on",
            "latitude": "52.376400",
            "longitude": "4.842100",
        },
    )
    assert response.status_code == 302
    buurt.refresh_from_db()
    assert buurt.is_focusgebied


def test_a_resident_cannot_reach_the_areas_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse("buurt:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]
