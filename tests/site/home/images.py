"""Test images built with Pillow."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model


def jpeg_bytes(size=(64, 48), color="red") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


def make_image(title="Foto"):
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(jpeg_bytes()), name="foto.jpg")
    )
