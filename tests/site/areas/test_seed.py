import pytest

from buurtkracht.areas.models import Buurt, Postcode, Wijk

pytestmark = pytest.mark.django_db


def test_migration_seeds_the_four_wijken_of_west():
    assert sorted(Wijk.objects.values_list("name", flat=True)) == [
        "Bos en Lommer",
        "De Baarsjes",
        "Oud-West",
        "Westerpark",
    ]
    assert set(Wijk.objects.values_list("district", flat=True)) == {"West"}


def test_migration_seeds_about_25_buurten_with_plausible_centres():
    buurten = list(Buurt.objects.select_related("wijk"))
    assert 22 <= len(buurten) <= 28
    for buurt in buurten:
        assert 52.34 < float(buurt.latitude) < 52.40, buurt
        assert 4.82 < float(buurt.longitude) < 4.90, buurt
    assert Buurt.objects.get(name="Kolenkitbuurt").wijk.name == "Bos en Lommer"
    assert Buurt.objects.get(name="Chassébuurt").wijk.name == "De Baarsjes"
    assert Buurt.objects.get(name="Westerpark/Sloterdijk").slug == "westerpark-sloterdijk"


def test_focusgebieden_are_marked():
    focus = set(Buurt.objects.filter(is_focusgebied=True).values_list("name", flat=True))
    assert focus == {"Kolenkitbuurt", "Van Galenbuurt", "Landlust", "Postjeskade"}


def test_every_west_postcode_points_at_one_buurt():
    codes = dict(Postcode.objects.values_list("code", "buurt__name"))
    assert sorted(codes) == ["1013", "1014", "1051", "1052", "1053", "1054", "1055", "1056", "1057"]
    assert codes["1053"] == "Kinkerbuurt"
    assert codes["1055"] == "Landlust"


def test_wijk_centre_lies_among_its_buurten():
    wijk = Wijk.objects.get(name="Bos en Lommer")
    lats = [b.latitude for b in wijk.buurten.all()]
    assert min(lats) <= wijk.latitude <= max(lats)
