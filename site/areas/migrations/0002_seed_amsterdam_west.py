"""Seed Amsterdam West from areas/data/amsterdam-west.csv (the same file load_areas reads)."""

from django.db import migrations


def seed(apps, schema_editor):
    from buurtkracht.areas.services import DEFAULT_CSV, areas_parse_csv, areas_write

    with open(DEFAULT_CSV, "rb") as file:
        rows = areas_parse_csv(file=file)
    areas_write(
        rows=rows,
        wijk_model=apps.get_model("areas", "Wijk"),
        buurt_model=apps.get_model("areas", "Buurt"),
        postcode_model=apps.get_model("areas", "Postcode"),
    )


class Migration(migrations.Migration):
    dependencies = [("areas", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
