"""Safe image uploads: every uploaded image goes through `clean_uploaded_image`.

The file is decoded with Pillow (so a renamed text file, a truncated image or a
decompression bomb is refused), turned upright by its EXIF orientation and written
again without EXIF, XMP or text chunks: a phone photo's location never reaches the site.
A photo larger than `MAX_IMAGE_DIMENSION` pixels (longest side, default 1280) is scaled
down: a 12-megapixel phone photo of 3 MB becomes a few hundred KB, which an old phone on
a slow connection can load.

Use `SafeImageField` in forms, or call `clean_uploaded_image(file)` in a service.
`SafeWagtailImageForm` does the same for uploads in the Wagtail admin
(settings.WAGTAILIMAGES_IMAGE_FORM_BASE).
"""

import io
import warnings
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps
from wagtail.images.forms import BaseImageForm

# Pillow format name -> file extension we store.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
EXTENSIONS = {"jpg", "jpeg", "png", "webp"}
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
# Far more than any phone camera (a 50-megapixel photo is 8160x6120) and small
# enough to decode in memory.
DEFAULT_MAX_PIXELS = 60_000_000
# Wide enough for the widest place a photo is shown (the detail page at 1280 px).
DEFAULT_MAX_DIMENSION = 1280

MESSAGES = {
    "leeg": _("Het bestand is leeg. Kies een foto."),
    "te_groot": _("De foto is te groot (%(size)s). Kies een foto van maximaal %(max)s."),
    "soort": _(
        "Dit bestand is geen foto in JPEG, PNG of WebP. Kies een foto in een van die soorten."
    ),
    "kapot": _("Deze afbeelding is beschadigd of niet compleet. Kies een andere foto."),
    "te_veel_pixels": _(
        "Deze afbeelding is te groot in pixels. Maak hem kleiner en probeer het opnieuw."
    ),
}


def _max_bytes() -> int:
    return settings.MAX_IMAGE_UPLOAD_SIZE


def _max_dimension() -> int:
    return getattr(settings, "MAX_IMAGE_DIMENSION", DEFAULT_MAX_DIMENSION)


def _max_pixels() -> int:
    return getattr(settings, "MAX_IMAGE_PIXELS", DEFAULT_MAX_PIXELS)


def _read_limited(file, limit: int) -> bytes:
    """At most limit + 1 bytes, so an oversized file is noticed without reading all of it."""
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(limit + 1)
    if hasattr(file, "seek"):
        file.seek(0)
    return data


def clean_uploaded_image(file) -> ContentFile:
    """Check an uploaded image and return it re-encoded without metadata.

    `file` is an uploaded file (anything with read() and a name). Returns a ContentFile
    named after the upload with the extension of its real format, with `content_type`,
    `width` and `height` set. Raises ValidationError with a code from MESSAGES.
    Nothing is written to storage.
    """
    limit = _max_bytes()
    size = getattr(file, "size", None)
    if size is not None and size > limit:
        raise ValidationError(
            MESSAGES["te_groot"],
            code="te_groot",
            params={"size": filesizeformat(size), "max": filesizeformat(limit)},
        )
    data = _read_limited(file, limit)
    if not data:
        raise ValidationError(MESSAGES["leeg"], code="leeg")
    if len(data) > limit:
        raise ValidationError(
            MESSAGES["te_groot"],
            code="te_groot",
            params={"size": filesizeformat(len(data)), "max": filesizeformat(limit)},
        )

    name = PurePath(getattr(file, "name", "") or "afbeelding").name
    stem, _dot, extension = name.rpartition(".")
    if not stem or extension.lower() not in EXTENSIONS:
        raise ValidationError(MESSAGES["soort"], code="soort")

    # Pillow warns for images past its pixel limit; treat that as the bomb it may be.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ValidationError(MESSAGES["te_veel_pixels"], code="te_veel_pixels") from exc
        except (OSError, SyntaxError, ValueError) as exc:  # UnidentifiedImageError is an OSError
            raise ValidationError(MESSAGES["soort"], code="soort") from exc

        with image:
            if image.width * image.height > _max_pixels():
                raise ValidationError(MESSAGES["te_veel_pixels"], code="te_veel_pixels")
            image_format = image.format
            try:
                # load() decodes every pixel: a truncated or damaged file fails here, as
                # long as Pillow's global leniency is off (WeasyPrint turns it on when
                # imported).
                ImageFile.LOAD_TRUNCATED_IMAGES = False
                image.load()
                upright = ImageOps.exif_transpose(image)
                longest = _max_dimension()
                if max(upright.size) > longest:
                    upright = upright.copy() if upright is image else upright
                    upright.thumbnail((longest, longest), Image.Resampling.LANCZOS)
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                raise ValidationError(MESSAGES["te_veel_pixels"], code="te_veel_pixels") from exc
            except (OSError, SyntaxError, ValueError, EOFError) as exc:
                raise ValidationError(MESSAGES["kapot"], code="kapot") from exc
            cleaned = _encode(upright, image_format)

    safe_stem = get_valid_filename(stem)[:80] or "afbeelding"
    result = ContentFile(cleaned.getvalue(), name=f"{safe_stem}.{FORMATS[image_format]}")
    result.content_type = CONTENT_TYPES[image_format]
    result.width, result.height = upright.size
    return result


def _encode(image: Image.Image, image_format: str) -> io.BytesIO:
    """Write the pixels again in the same format, dropping every metadata block.

    Only the colour profile (ICC) is kept: without it colours shift, and it says nothing
    about the person.
    """
    icc_profile = image.info.get("icc_profile")
    # A fresh image carries no info, EXIF or XMP from the original.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    if image.mode == "P" and image.getpalette():
        clean.putpalette(image.getpalette())
        if "transparency" in image.info:
            clean.info["transparency"] = image.info["transparency"]
    options: dict = {}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if image_format == "JPEG":
        if clean.mode not in ("RGB", "L"):
            clean = clean.convert("RGB")
        options.update(quality=82, optimize=True, progressive=True)
    elif image_format == "WEBP":
        options.update(quality=82)
    elif image_format == "PNG":
        options.update(optimize=True)
        if "transparency" in clean.info:
            options["transparency"] = clean.info["transparency"]
    output = io.BytesIO()
    clean.save(output, format=image_format, **options)
    output.seek(0)
    return output


def validate_image_upload(file) -> None:
    """A validator for fields that keep the original file; prefer SafeImageField."""
    clean_uploaded_image(file)


class SafeImageField(forms.FileField):
    """A form field whose cleaned value is the checked, metadata-free image (a ContentFile)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        kwargs.setdefault(
            "help_text",
            _("JPEG, PNG of WebP, maximaal %(max)s.") % {"max": filesizeformat(_max_bytes())},
        )
        super().__init__(**kwargs)

    def to_python(self, data):
        file = super().to_python(data)
        if file is None:
            return None
        return clean_uploaded_image(file)


class SafeWagtailImageForm(BaseImageForm):
    """Wagtail's image form, with each new file checked and stripped like any other upload."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not file or "file" not in self.changed_data:
            return file
        return clean_uploaded_image(file)
