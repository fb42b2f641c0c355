"""PDFs are made from templates without fetching anything, and can be read back."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile
from pypdf import PdfReader

from buurtkracht.core.images import clean_uploaded_image
from buurtkracht.core.pdf import qr_data_uri, render_pdf


def test_a_template_becomes_a_pdf_with_its_text(tmp_path, settings):
    template_dir = tmp_path / "templates"
    template_dir.mkdir()
    (template_dir / "doc.html").write_text(
        "<html><body><h1>Verklaring</h1><p>{{ hours }} uur</p>"
        '<img src="{{ qr }}" alt=""><img src="https://voorbeeld.nl/x.png" alt=""></body></html>'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [template_dir, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    pdf = render_pdf(
        "doc.html", {"hours": "12,5", "qr": qr_data_uri("https://buurtkracht.nl/v/ABC")}
    )
    assert pdf.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Verklaring" in text
    assert "12,5 uur" in text


def test_a_qr_code_is_an_svg_data_uri():
    uri = qr_data_uri("https://buurtkracht.nl/v/ABC")
    assert uri.startswith("data:image/svg+xml;base64,")


def test_a_damaged_upload_is_refused_even_after_weasyprint_made_pillow_lenient(monkeypatch):
    # Importing WeasyPrint sets this Pillow global; the upload check must not depend on it.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 80).convert("RGB").save(buffer, "PNG")
    damaged = SimpleUploadedFile("kapot.png", buffer.getvalue()[: buffer.tell() // 2])
    with pytest.raises(ValidationError) as error:
        clean_uploaded_image(damaged)
    assert error.value.code == "kapot"
