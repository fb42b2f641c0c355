"""Create the site-wide role groups with their permissions.

Model permissions are normally created by a post_migrate signal, after every migration
has run, so on a fresh database they do not exist yet here: each one is fetched with
get_or_create (with Django's own name), and post_migrate later finds it present.
Wagtail checks page, image and document rights per page or collection, so those go on
the root page and the root collection.
"""

from django.db import migrations

GROUPS = ["moderator", "redactie", "beheer", "beheerder"]

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")

CRUD = ("add", "change", "delete", "view")
MODEL_PERMISSIONS = {
    "beheer": [
        (app_label, model, action)
        for app_label, model in [
            ("accounts", "user"),
            ("accounts", "membership"),
            ("areas", "wijk"),
            ("areas", "buurt"),
            ("areas", "postcode"),
        ]
        for action in CRUD
    ]
    + [("auth", "group", "view")],
}

PAGE_PERMISSIONS = {
    "redactie": ["add_page", "change_page", "publish_page"],
    "beheer": ["add_page", "change_page", "publish_page", "delete_page", "lock_page"],
}
COLLECTION_PERMISSIONS = {
    group: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "change_document"),
        ("wagtaildocs", "document", "choose_document"),
    ]
    for group in ("redactie", "beheer")
}
COLLECTION_PERMISSIONS["beheer"] += [
    ("wagtailimages", "image", "delete_image"),
    ("wagtaildocs", "document", "delete_document"),
]

NAMES = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def _permission(apps, app_label, model, codename, name=None):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    if name is None:
        action = codename.split("_", 1)[0]
        try:
            verbose_name = apps.get_model(app_label, model)._meta.verbose_name_raw
        except LookupError:
            verbose_name = model
        name = f"{NAMES.get(action, 'Can ' + action)} {verbose_name}"
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    access_admin = _permission(apps, *ACCESS_ADMIN)
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for app_label, model, action in MODEL_PERMISSIONS.get(name, []):
            group.permissions.add(_permission(apps, app_label, model, f"{action}_{model}"))
        if root_page is not None:
            for codename in PAGE_PERMISSIONS.get(name, []):
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )
        if root_collection is not None:
            for app_label, model, codename in COLLECTION_PERMISSIONS.get(name, []):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, model, codename),
                )


def remove_groups(apps, schema_editor):
    # Deleting a group removes its permission rows and memberships with it.
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("areas", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # The root page and root collection, and page permissions as Permission rows.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
