"""Give the groups beheer (everything) and beheerder (hours, closures) the admin rights."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["locatie", "locatiefoto", "ruimte", "openingstijd", "sluiting"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now to hand them out.
    app_config = apps.get_app_config("ruimtes")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    beheer, _ = Group.objects.get_or_create(name="beheer")
    perms = Permission.objects.filter(content_type__app_label="ruimtes", content_type__model__in=MODELS)
    beheer.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("ruimtes", "0001_initial"),
        ("accounts", "0002_create_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
