import io

import pytest
from django.core.management import CommandError, call_command

from buurtkracht.areas.models import Buurt, Postcode, Wijk
from buurtkracht.areas.services import DEFAULT_CSV, AreasCSVError, areas_load_csv

pytestmark = pytest.mark.django_db

HEADER = "wijk,buurt,postcodes,latitude,longitude,focusgebied\n"
GOOD = (
    HEADER
    + "Centrum-West,Grachtengordel-West,1015 1016,52.373000,4.884000,nee\n"
    + "Centrum-West,Jordaan,,52.375000,4.880000,ja\n"
    + "Centrum-Oost,Nieuwmarkt,1011,52.372000,4.900000,Nee\n"
)


def write(tmp_path, text, name="gebied.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def counts():
    return Wijk.objects.count(), Buurt.objects.count(), Postcode.objects.count()


def test_load_areas_creates_wijken_buurten_and_postcodes(tmp_path, capsys):
    before = counts()
    call_command("load_areas", str(write(tmp_path, GOOD)))

    assert counts() == (before[0] + 2, before[1] + 3, before[2] + 3)
    jordaan = Buurt.objects.get(slug="jordaan")
    assert jordaan.wijk.name == "Centrum-West"
    assert jordaan.is_focusgebied is True
    assert Buurt.objects.get(slug="nieuwmarkt").is_focusgebied is False
    assert Postcode.objects.get(code="1016").buurt.name == "Grachtengordel-West"
    centrum_west = Wijk.objects.get(slug="centrum-west")
    assert str(centrum_west.latitude) == "52.374000"
    assert "3 buurten (3 nieuw)" in capsys.readouterr().out


def test_load_areas_twice_changes_nothing_and_updates_by_slug(tmp_path):
    path = write(tmp_path, GOOD)
    call_command("load_areas", str(path))
    after_first = counts()
    call_command("load_areas", str(path))
    assert counts() == after_first

    changed = GOOD.replace("Jordaan,,52.375000,4.880000,ja", "Jordaan,1017,52.376000,4.880000,nee")
    call_command("load_areas", str(write(tmp_path, changed, "v2.csv")))
    jordaan = Buurt.objects.get(slug="jordaan")
    assert jordaan.is_focusgebied is False
    assert str(jordaan.latitude) == "52.376000"
    assert Postcode.objects.get(code="1017").buurt == jordaan
    assert counts() == (after_first[0], after_first[1], after_first[2] + 1)


def test_the_bundled_west_file_is_idempotent():
    before = counts()
    with open(DEFAULT_CSV, "rb") as file:
        result = areas_load_csv(file=file)
    assert counts() == before
    assert result.buurten_created == 0
    assert result.buurten_updated == before[1]


def test_a_postcode_can_move_to_another_buurt(tmp_path):
    text = (
        HEADER
        + "Oud-West,Kinkerbuurt,,52.367900,4.870300,nee\nOud-West,Da Costabuurt,1053,52.369800,4.875300,nee\n"
    )
    call_command("load_areas", str(write(tmp_path, text)))
    assert Postcode.objects.get(code="1053").buurt.name == "Da Costabuurt"


BAD_FILES = {
    # case: (file, code, what the message must say)
    "kolommen": (
        "wijk,buurt,latitude,longitude\nA,B,52.1,4.1\n",
        "kolommen",
        "postcodes, focusgebied",
    ),
    "postcode": (GOOD + "Zuid,Pijp,10 72,52.35,4.89,nee\n", "postcode", "Regel 5: '10'"),
    "postcode_letters": (GOOD + "Zuid,Pijp,1072AB,52.35,4.89,nee\n", "postcode", "Regel 5"),
    "postcode_dubbel": (GOOD + "Zuid,Pijp,1015,52.35,4.89,nee\n", "postcode_dubbel", "Regel 5"),
    "coordinaat_komma": (GOOD + 'Zuid,Pijp,,"52,35",4.89,nee\n', "coordinaat", "Regel 5"),
    "coordinaat_tekst": (GOOD + "Zuid,Pijp,,noord,4.89,nee\n", "coordinaat", "Regel 5"),
    "coordinaat_bereik": (GOOD + "Zuid,Pijp,,52.35,181,nee\n", "coordinaat", "lengtegraad"),
    "coordinaat_leeg": (GOOD + "Zuid,Pijp,,,4.89,nee\n", "coordinaat", "Regel 5"),
    "te_veel_kolommen": (GOOD + "Zuid,Pijp,,52,35,4,89,nee\n", "aantal_kolommen", "Regel 5"),
    "focusgebied": (GOOD + "Zuid,Pijp,,52.35,4.89,misschien\n", "focusgebied", "Regel 5"),
    "geen_naam": (GOOD + ",Pijp,,52.35,4.89,nee\n", "geen_naam", "Regel 5"),
    "buurt_dubbel": (GOOD + "Zuid,Jordaan,,52.35,4.89,nee\n", "buurt_dubbel", "Regel 5"),
    "leeg": ("", "leeg", "leeg"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_stops_with_a_dutch_error_and_writes_nothing(tmp_path, case):
    text, code, expected = BAD_FILES[case]
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("load_areas", str(write(tmp_path, text)))
    assert expected in str(error.value)
    assert counts() == before
    # The valid rows before the bad one were not written either.
    assert not Buurt.objects.filter(slug="jordaan").exists()

    with pytest.raises(AreasCSVError) as service_error:
        areas_load_csv(file=io.BytesIO(text.encode()))
    assert service_error.value.code == code


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "Zuid,Pijp é,,52.35,4.89,nee\n").encode("latin-1"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("load_areas", str(path))


def test_a_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("load_areas", str(tmp_path / "nergens.csv"))


def test_a_byte_order_mark_and_semicolon_free_excel_export_is_read(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    call_command("load_areas", str(path))
    assert Buurt.objects.filter(slug="nieuwmarkt").exists()
