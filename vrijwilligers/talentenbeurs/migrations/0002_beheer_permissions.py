"""Group beheer manages Talentenbeurs events in the Wagtail admin.

Permissions may not exist yet on a fresh database (post_migrate creates them later),
hence get_or_create, as in accounts 0002.
"""

from django.db import migrations

ACTIONS = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name="beheer")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="talentenbeurs", model="talentenbeurs"
    )
    for action, prefix in ACTIONS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_talentenbeurs",
            defaults={"name": f"{prefix} talentenbeurs"},
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("talentenbeurs", "0001_initial"),
        ("accounts", "0002_create_role_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
