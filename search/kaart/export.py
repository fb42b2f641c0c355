"""The CSV export for district staff: offer and demand per wijk and theme.

Semicolon-separated, UTF-8 with a byte order mark, so Excel with Dutch settings opens it
straight away. A cell that starts with = + - @ (or a tab or carriage return) would run as
a formula in a spreadsheet: it gets a leading apostrophe (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io

from search.kaart.queries import WijkKaart
from search.kaart.registry import NEED_KINDS

BOM = "\ufeff"
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")

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


def neutralise(value) -> str:
    text = str(value)
    return f"'{text}" if text.startswith(DANGEROUS_START) else text


def kaart_csv(kaarten: list[WijkKaart]) -> str:
    """One row per wijk and theme (plus "zonder thema"); numbers as plain integers."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for kaart in kaarten:
        for row in kaart.rows:
            writer.writerow(
                [
                    neutralise(kaart.wijk.name),
                    neutralise(row.label),
                    row.initiatieven,
                    row.wijkondernemingen,
                    row.offer,
                    *[row.needs.get(kind, 0) for kind in NEED_KINDS],
                    row.vacatures,
                    row.zoekvragen,
                    row.demand,
                    neutralise(row.status_label),
                ]
            )
    return BOM + out.getvalue()
