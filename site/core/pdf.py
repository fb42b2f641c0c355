"""PDF documents (certificates, schedules, table lists) from Django templates.

    from buurtkracht.core.pdf import render_pdf

    pdf_bytes = render_pdf("vrijwilligers/pdf/verklaring.html", {"verklaring": v})

The template is a complete HTML document with its print CSS in a <style> element. The
renderer fetches nothing from the network or the disk: images go in as ``data:`` URIs
(``qr_data_uri`` makes one for a QR code). Fonts come from the system (fontconfig;
`make test` installs DejaVu).
"""

import base64

import segno
from django.template.loader import render_to_string
from django.utils import translation
from PIL import ImageFile
from weasyprint import HTML
from weasyprint.urls import URLFetcher

# Importing WeasyPrint makes Pillow accept truncated images everywhere; uploads must
# still be refused when damaged (buurtkracht.core.images), so switch that back off.
ImageFile.LOAD_TRUNCATED_IMAGES = False


def render_pdf(template_name: str, context: dict, *, language: str | None = None) -> bytes:
    """Render ``template_name`` with ``context`` to PDF bytes."""
    with translation.override(language or translation.get_language() or "nl"):
        html = render_to_string(template_name, context)
    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=5)
    return HTML(string=html, url_fetcher=fetcher, base_url="data:,").write_pdf()


def qr_data_uri(text: str, *, scale: int = 4) -> str:
    """A QR code for ``text`` as an SVG ``data:`` URI, for PDFs and pages alike."""
    svg = segno.make(text, error="m").svg_inline(scale=scale, dark="#000", light="#fff")
    encoded = base64.b64encode(svg.encode()).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"
