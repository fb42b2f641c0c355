"""Uploads in the Wagtail admin go through the same check (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image
from wagtail.images import get_image_model

from tests.factories import UserFactory
from tests.site.core.test_images import GPS_IFD, encode, exif_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    return client


def gps_jpeg(name="telefoon.jpg"):
    data = encode(Image.new("RGB", (40, 30), "red"), "JPEG", exif=exif_with_gps(orientation=6))
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def stored_image_exif(image):
    with image.open_file() as file, Image.open(io.BytesIO(file.read())) as stored:
        return stored.getexif(), stored.size


def test_admin_upload_strips_the_location(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"), {"title": "Buurtfeest", "file": gps_jpeg()}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Buurtfeest")
    exif, size = stored_image_exif(image)
    assert exif.get_ifd(GPS_IFD) == {}
    assert ExifTags.Base.Make not in exif
    assert size == (30, 40)
    assert (image.width, image.height) == (30, 40)
    assert image.file_size == image.file.size


def test_admin_multiple_upload_strips_the_location(editor_client):
    response = editor_client.post(reverse("wagtailimages:add_multiple"), {"files[]": gps_jpeg()})
    assert response.status_code == 200
    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    exif, _size = stored_image_exif(image)
    assert exif.get_ifd(GPS_IFD) == {}


def test_admin_upload_refuses_a_renamed_text_file(editor_client):
    fake = SimpleUploadedFile("foto.jpg", b"geen foto " * 100, content_type="image/jpeg")
    response = editor_client.post(reverse("wagtailimages:add"), {"title": "Nep", "file": fake})
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Nep").exists()
