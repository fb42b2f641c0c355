"""Writes for areas: loading a district's wijken, buurten and postcodes from a CSV file.

The CSV has one row per buurt, with a header naming these columns (order free):

    wijk, buurt, postcodes, latitude, longitude, focusgebied   (required)
    stadsdeel, slug                                             (optional)

`postcodes` holds the 4-digit postcodes whose addresses mostly fall in that buurt,
separated by spaces (may be empty). `focusgebied` is ja/nee (also 1/0, true/false).
A wijk's centre is the mean of its buurten's coordinates.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from buurtkracht.areas.models import Buurt, Postcode, Wijk

DEFAULT_CSV = Path(__file__).resolve().parent / "data" / "amsterdam-west.csv"

REQUIRED_COLUMNS = ("wijk", "buurt", "postcodes", "latitude", "longitude", "focusgebied")
POSTCODE4 = re.compile(r"^[1-9][0-9]{3}$")
TRUE_WORDS = {"ja", "j", "1", "true", "waar", "yes", "y"}
FALSE_WORDS = {"nee", "n", "0", "false", "onwaar", "no", ""}
SIX_PLACES = Decimal("0.000001")

MESSAGES = {
    "leeg": _("Het bestand is leeg. Zet op de eerste regel de kolomnamen."),
    "kolommen": _("Deze kolommen ontbreken: %(columns)s."),
    "geen_naam": _("Regel %(line)s: vul de naam van de wijk en de buurt in."),
    "postcode": _(
        "Regel %(line)s: '%(value)s' is geen postcode. Een postcode heeft vier cijfers, zoals 1053."
    ),
    "postcode_dubbel": _(
        "Regel %(line)s: postcode %(value)s staat al bij een andere buurt in dit bestand."
    ),
    "coordinaat": _(
        "Regel %(line)s: '%(value)s' is geen geldige %(name)s. Gebruik een punt, zoals 52.370000."
    ),
    "focusgebied": _("Regel %(line)s: schrijf bij focusgebied 'ja' of 'nee', niet '%(value)s'."),
    "buurt_dubbel": _("Regel %(line)s: buurt '%(value)s' staat al eerder in dit bestand."),
    "aantal_kolommen": _(
        "Regel %(line)s: deze regel heeft meer kolommen dan de eerste regel. Staat er een komma "
        "in een getal? Gebruik een punt, zoals 52.370000."
    ),
    "codering": _("Het bestand is geen tekst in UTF-8. Sla het op als CSV UTF-8."),
}


class AreasCSVError(ValidationError):
    """A problem in an areas CSV file; the message names the line."""


@dataclass(frozen=True)
class AreaRow:
    line: int
    district: str
    wijk: str
    buurt: str
    slug: str
    postcodes: tuple[str, ...]
    latitude: Decimal
    longitude: Decimal
    is_focusgebied: bool


@dataclass
class AreaLoadCounts:
    wijken_created: int = 0
    wijken_updated: int = 0
    buurten_created: int = 0
    buurten_updated: int = 0
    postcodes_created: int = 0
    postcodes_updated: int = 0
    by_wijk: dict[str, int] = field(default_factory=dict)


def _coordinate(raw: str, *, line: int, name: str, limit: int) -> Decimal:
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or not -limit <= value <= limit:
        raise AreasCSVError(
            MESSAGES["coordinaat"] % {"line": line, "value": raw, "name": name}, code="coordinaat"
        )
    return value.quantize(SIX_PLACES)


def areas_parse_csv(*, file: IO) -> list[AreaRow]:
    """Read and check every row; raise AreasCSVError (with a code) at the first problem.

    `file` is a text or binary file object. Nothing is written.
    """
    content = file.read()
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise AreasCSVError(MESSAGES["codering"], code="codering") from exc
    content = content.removeprefix("\ufeff")
    reader = csv.DictReader(io.StringIO(content))
    if not reader.fieldnames:
        raise AreasCSVError(MESSAGES["leeg"], code="leeg")
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    missing = [name for name in REQUIRED_COLUMNS if name not in reader.fieldnames]
    if missing:
        raise AreasCSVError(MESSAGES["kolommen"] % {"columns": ", ".join(missing)}, code="kolommen")

    rows: list[AreaRow] = []
    seen_postcodes: set[str] = set()
    seen_slugs: set[str] = set()
    for record in reader:
        line = reader.line_num
        if None in record:  # csv puts the cells past the header under the key None
            raise AreasCSVError(
                MESSAGES["aantal_kolommen"] % {"line": line}, code="aantal_kolommen"
            )
        values = {key: (value or "").strip() for key, value in record.items()}
        wijk, buurt = values["wijk"], values["buurt"]
        if not wijk or not buurt:
            raise AreasCSVError(MESSAGES["geen_naam"] % {"line": line}, code="geen_naam")
        slug = slugify(values.get("slug") or buurt.replace("/", " "))
        if slug in seen_slugs:
            raise AreasCSVError(
                MESSAGES["buurt_dubbel"] % {"line": line, "value": buurt}, code="buurt_dubbel"
            )
        seen_slugs.add(slug)
        postcodes = tuple(values["postcodes"].split())
        for code in postcodes:
            if not POSTCODE4.match(code):
                raise AreasCSVError(
                    MESSAGES["postcode"] % {"line": line, "value": code}, code="postcode"
                )
            if code in seen_postcodes:
                raise AreasCSVError(
                    MESSAGES["postcode_dubbel"] % {"line": line, "value": code},
                    code="postcode_dubbel",
                )
            seen_postcodes.add(code)
        focus = values["focusgebied"].lower()
        if focus not in TRUE_WORDS | FALSE_WORDS:
            raise AreasCSVError(
                MESSAGES["focusgebied"] % {"line": line, "value": values["focusgebied"]},
                code="focusgebied",
            )
        rows.append(
            AreaRow(
                line=line,
                district=values.get("stadsdeel") or "West",
                wijk=wijk,
                buurt=buurt,
                slug=slug,
                postcodes=postcodes,
                latitude=_coordinate(
                    values["latitude"], line=line, name=_("breedtegraad"), limit=90
                ),
                longitude=_coordinate(
                    values["longitude"], line=line, name=_("lengtegraad"), limit=180
                ),
                is_focusgebied=focus in TRUE_WORDS,
            )
        )
    return rows


def areas_write(*, rows: list[AreaRow], wijk_model, buurt_model, postcode_model) -> AreaLoadCounts:
    """Create or update wijken, buurten and postcodes by slug/code.

    Takes the model classes so that the data migration can pass its historical models.
    Call inside a transaction.
    """
    counts = AreaLoadCounts()
    by_wijk: dict[str, list[AreaRow]] = defaultdict(list)
    for row in rows:
        by_wijk[row.wijk].append(row)

    for wijk_name, wijk_rows in by_wijk.items():
        latitude = sum(r.latitude for r in wijk_rows) / len(wijk_rows)
        longitude = sum(r.longitude for r in wijk_rows) / len(wijk_rows)
        wijk, created = wijk_model.objects.update_or_create(
            slug=slugify(wijk_name),
            defaults={
                "name": wijk_name,
                "district": wijk_rows[0].district,
                "latitude": latitude.quantize(SIX_PLACES),
                "longitude": longitude.quantize(SIX_PLACES),
            },
        )
        if created:
            counts.wijken_created += 1
        else:
            counts.wijken_updated += 1
        counts.by_wijk[wijk_name] = len(wijk_rows)

        for row in wijk_rows:
            buurt, created = buurt_model.objects.update_or_create(
                slug=row.slug,
                defaults={
                    "wijk": wijk,
                    "name": row.buurt,
                    "is_focusgebied": row.is_focusgebied,
                    "latitude": row.latitude,
                    "longitude": row.longitude,
                },
            )
            if created:
                counts.buurten_created += 1
            else:
                counts.buurten_updated += 1
            for code in row.postcodes:
                _postcode, created = postcode_model.objects.update_or_create(
                    code=code, defaults={"buurt": buurt}
                )
                if created:
                    counts.postcodes_created += 1
                else:
                    counts.postcodes_updated += 1
    return counts


@transaction.atomic
def areas_load_csv(*, file: IO) -> AreaLoadCounts:
    """Load a district's areas from a CSV file (see the module docstring).

    Idempotent: rows are matched by slug (wijk, buurt) and code (postcode). Raises
    AreasCSVError, with a code from MESSAGES and the line number in the message, before
    anything is written; the whole load is one transaction.
    """
    rows = areas_parse_csv(file=file)
    return areas_write(rows=rows, wijk_model=Wijk, buurt_model=Buurt, postcode_model=Postcode)
