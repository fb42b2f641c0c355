"""CSV downloads that open straight away in a spreadsheet (Excel with Dutch settings).

One way for every export: separated by ``;``, UTF-8 with a byte order mark (Excel reads
UTF-8 only with one), never stored in a shared cache. Text that would start a formula
(``= + - @``, a tab or a carriage return) gets a leading apostrophe, so a resident-typed
name cannot run in the spreadsheet of the staff member who opens it (OWASP "CSV
injection"). Numbers go in as they are.
"""

import csv

from django.http import HttpResponse

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value) -> str:
    """``value`` as text a spreadsheet shows as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_response(filename: str):
    """A download response and a ``csv.writer`` on it; the byte order mark is written."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write(BOM)
    return response, csv.writer(response, delimiter=";")
