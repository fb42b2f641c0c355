import io

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from buurtkracht.core.images import SafeImageField, clean_uploaded_image

GPS_IFD = ExifTags.IFD.GPSInfo


def encode(image, fmt, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def exif_with_gps(orientation=None):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefoonmerk"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 22.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (4.0, 51.0, 36.0)
    return exif


def upload(data: bytes, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def code_of(data, name="foto.jpg"):
    with pytest.raises(ValidationError) as error:
        clean_uploaded_image(upload(data, name))
    return error.value.code


@pytest.mark.parametrize(
    ("fmt", "name", "content_type"),
    [
        ("JPEG", "foto.jpg", "image/jpeg"),
        ("PNG", "plaatje.png", "image/png"),
        ("WEBP", "beeld.webp", "image/webp"),
    ],
)
def test_good_images_are_accepted_and_keep_their_format(fmt, name, content_type):
    data = encode(Image.new("RGB", (40, 30), "green"), fmt)
    cleaned = clean_uploaded_image(upload(data, name))
    assert cleaned.name == name
    assert cleaned.content_type == content_type
    with Image.open(io.BytesIO(cleaned.read())) as result:
        assert result.format == fmt
        assert result.size == (40, 30)


def test_a_jpeg_extension_becomes_jpg_and_a_wrong_extension_is_corrected():
    data = encode(Image.new("RGB", (10, 10)), "PNG")
    # A PNG named .jpg is still a PNG: it is stored as one.
    assert clean_uploaded_image(upload(data, "echt-png.jpg")).name == "echt-png.png"
    jpeg = encode(Image.new("RGB", (10, 10)), "JPEG")
    assert clean_uploaded_image(upload(jpeg, "foto.JPEG")).name == "foto.jpg"


def test_exif_and_gps_are_stripped_from_a_jpeg():
    data = encode(Image.new("RGB", (40, 30), "red"), "JPEG", exif=exif_with_gps())
    with Image.open(io.BytesIO(data)) as original:  # the test image really has a location
        assert original.getexif().get_ifd(GPS_IFD)[ExifTags.GPS.GPSLatitudeRef] == "N"

    cleaned = clean_uploaded_image(upload(data))
    raw = cleaned.read()
    with Image.open(io.BytesIO(raw)) as result:
        assert result.getexif().get_ifd(GPS_IFD) == {}
        assert dict(result.getexif()) == {}
        assert "exif" not in result.info
    assert b"Telefoonmerk" not in raw


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_exif_is_stripped_from_png_and_webp(fmt):
    data = encode(Image.new("RGB", (20, 20), "blue"), fmt, exif=exif_with_gps())
    with Image.open(io.BytesIO(data)) as original:
        assert original.getexif().get_ifd(GPS_IFD)
    raw = clean_uploaded_image(upload(data, f"x.{fmt.lower()}")).read()
    with Image.open(io.BytesIO(raw)) as result:
        assert result.getexif().get_ifd(GPS_IFD) == {}
    assert b"Telefoonmerk" not in raw


def test_png_text_chunks_are_dropped():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Mevrouw Jansen, Kinkerstraat 1")
    data = encode(Image.new("RGBA", (20, 20), (0, 0, 0, 0)), "PNG", pnginfo=info)
    raw = clean_uploaded_image(upload(data, "x.png")).read()
    assert b"Kinkerstraat" not in raw
    with Image.open(io.BytesIO(raw)) as result:
        assert result.mode == "RGBA"  # transparency survives


def test_orientation_is_applied_before_the_exif_goes():
    # Orientation 6: the camera held sideways; the picture must be turned upright.
    data = encode(Image.new("RGB", (40, 30), "red"), "JPEG", exif=exif_with_gps(orientation=6))
    cleaned = clean_uploaded_image(upload(data))
    assert (cleaned.width, cleaned.height) == (30, 40)
    with Image.open(io.BytesIO(cleaned.read())) as result:
        assert result.size == (30, 40)
        assert ExifTags.Base.Orientation not in result.getexif()


def test_a_text_file_renamed_to_jpg_is_refused():
    assert code_of(b"Dit is geen foto maar een tekstbestand.\n" * 10) == "soort"


def test_a_gif_is_refused_even_when_named_png():
    data = encode(Image.new("P", (10, 10)), "GIF")
    assert code_of(data, "plaatje.png") == "soort"
    assert code_of(data, "plaatje.gif") == "soort"


def test_an_svg_or_other_extension_is_refused():
    data = encode(Image.new("RGB", (10, 10)), "JPEG")
    assert code_of(data, "foto.svg") == "soort"
    assert code_of(data, "foto") == "soort"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_a_truncated_image_is_refused(fmt):
    noise = Image.effect_noise((200, 200), 80).convert("RGB")
    data = encode(noise, fmt)
    code = code_of(data[: len(data) // 2], f"kapot.{fmt.lower()}")
    assert code in {"kapot", "soort"}
    if fmt != "WEBP":  # a half WebP no longer looks like a WebP at all
        assert code == "kapot"


def test_an_empty_file_is_refused():
    assert code_of(b"") == "leeg"


def test_a_too_large_file_is_refused(settings):
    settings.MAX_IMAGE_UPLOAD_SIZE = 5 * 1024 * 1024
    data = encode(Image.effect_noise((2000, 2000), 100).convert("RGB"), "PNG")
    assert len(data) > 5 * 1024 * 1024
    with pytest.raises(ValidationError) as error:
        clean_uploaded_image(upload(data, "groot.png"))
    assert error.value.code == "te_groot"
    assert "5,0\xa0MB" in error.value.messages[0]


def test_a_file_without_a_size_is_measured_too(settings):
    settings.MAX_IMAGE_UPLOAD_SIZE = 1000
    data = encode(Image.effect_noise((100, 100), 100).convert("RGB"), "PNG")
    file = io.BytesIO(data)
    file.name = "groot.png"
    with pytest.raises(ValidationError) as error:
        clean_uploaded_image(file)
    assert error.value.code == "te_groot"


def test_a_decompression_bomb_is_refused():
    # 12000 x 12000 black pixels: a tiny file that would need 432 MB as RGB.
    data = encode(Image.new("1", (12000, 12000)), "PNG")
    assert len(data) < 100_000
    assert code_of(data, "bom.png") == "te_veel_pixels"


def test_our_own_pixel_limit_applies_below_pillows(settings):
    settings.MAX_IMAGE_PIXELS = 100
    assert code_of(encode(Image.new("RGB", (20, 20)), "JPEG")) == "te_veel_pixels"


class PhotoForm(forms.Form):
    photo = SafeImageField(label="Foto")


def test_safe_image_field_gives_the_cleaned_file():
    data = encode(Image.new("RGB", (40, 30)), "JPEG", exif=exif_with_gps())
    form = PhotoForm(data={}, files={"photo": upload(data)})
    assert form.is_valid(), form.errors
    with Image.open(io.BytesIO(form.cleaned_data["photo"].read())) as result:
        assert result.getexif().get_ifd(GPS_IFD) == {}


def test_safe_image_field_shows_the_dutch_error():
    form = PhotoForm(data={}, files={"photo": upload(b"geen foto", "foto.jpg")})
    assert not form.is_valid()
    assert form.errors.as_data()["photo"][0].code == "soort"
    assert "geen foto in JPEG, PNG of WebP" in form.errors["photo"][0]


def test_a_large_photo_is_scaled_down_to_the_longest_side(settings):
    settings.MAX_IMAGE_DIMENSION = 1280
    # A phone-like photo: noise makes the JPEG about as large as a real one.
    photo = Image.effect_noise((3000, 2000), 30).convert("RGB")
    original = encode(photo, "JPEG", quality=80)
    cleaned = clean_uploaded_image(upload(original))
    with Image.open(cleaned) as image:
        assert image.size == (1280, 853)
    assert (cleaned.width, cleaned.height) == (1280, 853)
    assert cleaned.size < len(original) / 3


def test_a_small_photo_keeps_its_size():
    photo = Image.new("RGB", (800, 600), "teal")
    cleaned = clean_uploaded_image(upload(encode(photo, "PNG"), "foto.png", "image/png"))
    with Image.open(cleaned) as image:
        assert image.size == (800, 600)
