"""The CSV export for district staff: offer and demand per wijk and theme.

Written like every export (``buurtkracht.core.spreadsheet``): ``;``, UTF-8 with a byte
order mark, and text that could run as a formula gets a leading apostrophe.
"""

from __future__ import annotations

from django.http import HttpResponse

from buurtkracht.core.spreadsheet import csv_response, spreadsheet_text
from search.kaart.queries import WijkKaart
from search.kaart.registry import NEED_KINDS

HEADER = [
    "wijk",
    "thema",
    "aanbod initiatieven",
    "aanbod wijkondernemingen",
    "aanbod totaal",
    *[f"vraag open behoeften {kind}" for kind in NEED_KINDS],
    "vraag open vacatures",
    "vraag zoekvragen zonder resultaat",
    "vraag totaal",
    "conclusie",
]


def kaart_csv(kaarten: list[WijkKaart], filename: str) -> HttpResponse:
    """One row per wijk and theme (plus "zonder thema"); numbers as plain integers."""
    response, writer = csv_response(filename)
    writer.writerow(HEADER)
    for kaart in kaarten:
        for row in kaart.rows:
            writer.writerow(
                [
                    spreadsheet_text(kaart.wijk.name),
                    spreadsheet_text(row.label),
                    row.initiatieven,
                    row.wijkondernemingen,
                    row.offer,
                    *[row.needs.get(kind, 0) for kind in NEED_KINDS],
                    row.vacatures,
                    row.zoekvragen,
                    row.demand,
                    spreadsheet_text(row.status_label),
                ]
            )
    return response
