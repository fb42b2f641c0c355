from django.db import migrations

THEMES = [
    "ontmoeting",
    "groen",
    "eten-en-koken",
    "taal",
    "jeugd",
    "ouderen",
    "zorg-en-welzijn",
    "cultuur",
    "sport",
    "geldzaken-en-armoede",
    "duurzaamheid",
    "veiligheid",
]
PRIORITIES = ["armoede", "meedoen", "zelfredzaamheid", "sociaal-isolement"]


def add_rows(apps, schema_editor):
    Theme = apps.get_model("initiatieven", "Thema")
    Priority = apps.get_model("initiatieven", "Prioriteit")
    for code in THEMES:
        Theme.objects.get_or_create(code=code)
    for code in PRIORITIES:
        Priority.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("initiatieven", "0001_initial")]

    operations = [migrations.RunPython(add_rows, migrations.RunPython.noop)]
