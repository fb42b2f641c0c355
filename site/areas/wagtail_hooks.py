"""Admin: staff keep wijken, buurten and postcodes in Wagtail (ModelViewSets, STYLE 3)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from buurtkracht.areas.models import Buurt, Postcode, Wijk


class WijkViewSet(ModelViewSet):
    model = Wijk
    icon = "site"
    menu_label = _("Wijken")
    list_display = ["name", "district", "slug"]
    search_fields = ["name"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("district"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]


class BuurtViewSet(ModelViewSet):
    model = Buurt
    icon = "home"
    menu_label = _("Buurten")
    list_display = ["name", "wijk", "is_focusgebied"]
    list_filter = ["wijk", "is_focusgebied"]
    search_fields = ["name"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("wijk"),
        FieldPanel("is_focusgebied"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]


class PostcodeViewSet(ModelViewSet):
    model = Postcode
    icon = "mail"
    menu_label = _("Postcodes")
    list_display = ["code", "buurt"]
    list_filter = ["buurt__wijk"]
    search_fields = ["code"]
    copy_view_enabled = False
    panels = [FieldPanel("code"), FieldPanel("buurt")]


class AreasViewSetGroup(ModelViewSetGroup):
    menu_label = _("Gebieden")
    menu_icon = "site"
    menu_order = 250
    items = (WijkViewSet, BuurtViewSet, PostcodeViewSet)


@hooks.register("register_admin_viewset")
def register_areas_viewsets():
    return AreasViewSetGroup()
