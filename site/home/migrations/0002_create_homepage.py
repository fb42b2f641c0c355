"""Replace Wagtail's welcome page by our HomePage and point the default Site at it."""

from django.db import migrations

from buurtkracht.home.models import default_entry_points


def create_homepage(apps, schema_editor):
    from wagtail.blocks import StreamValue

    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    if HomePage.objects.exists():
        return
    # The welcome page from wagtailcore.0002_initial_data (its Site goes with it).
    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()

    homepage_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    path = root.path + "0001"
    while Page.objects.filter(path=path).exists():
        path = root.path + f"{int(path[-4:]) + 1:04d}"
    homepage = HomePage.objects.create(
        title="Buurtkracht",
        draft_title="Buurtkracht",
        slug="home",
        content_type=homepage_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale=Locale.objects.order_by("pk").first(),
        intro="Samen maken we de buurt. Begin een initiatief, help mee of vind een ruimte.",
        entry_points=StreamValue(
            HomePage._meta.get_field("entry_points").stream_block,
            default_entry_points(),
            is_lazy=False,
        ),
    )
    root.numchild = Page.objects.filter(depth=2, path__startswith=root.path).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    Site.objects.create(hostname="localhost", port=80, root_page=homepage, is_default_site=True)


def remove_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    HomePage.objects.filter(slug="home", depth=2).delete()
    ContentType.objects.filter(model="homepage", app_label="home").delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
