"""Admin (group beheer): locations with their managers, rooms, opening hours, closures.

Managers of one location edit it on the site (/ruimtes/beheer/); here beheer keeps the
whole list. Access follows the model permissions given to the beheer group (migration
0002).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from buurtkracht.core.images import SafeImageField
from ruimtes.models import Locatie, LocatieFoto, Openingstijd, Ruimte, Sluiting


class LocatieViewSet(ModelViewSet):
    model = Locatie
    icon = "home"
    menu_label = _("Locaties")
    list_display = ["name", "kind", "wijk", "approval_required", "reserve_percent"]
    list_filter = ["kind", "wijk"]
    search_fields = ["name", "address"]
    search_backend_name = None
    form_fields = [
        "kind",
        "name",
        "slug",
        "address",
        "wijk",
        "latitude",
        "longitude",
        "description",
        "step_free",
        "accessible_toilet",
        "hearing_loop",
        "lift",
        "approval_required",
        "reserve_percent",
        "managers",
    ]
    inspect_view_enabled = False


class RuimteViewSet(ModelViewSet):
    model = Ruimte
    icon = "table"
    menu_label = _("Ruimtes")
    list_display = ["name", "locatie", "capacity", "is_bookable"]
    list_filter = ["locatie", "is_bookable"]
    search_fields = ["name"]
    search_backend_name = None
    form_fields = [
        "locatie",
        "name",
        "capacity",
        "floor_area",
        "voorzieningen",
        "min_minutes",
        "max_minutes",
        "buffer_minutes",
        "hourly_rate",
        "is_bookable",
    ]
    inspect_view_enabled = False


class OpeningstijdViewSet(ModelViewSet):
    model = Openingstijd
    icon = "time"
    menu_label = _("Openingstijden")
    list_display = ["locatie", "weekday", "opens_at", "closes_at"]
    list_filter = ["locatie", "weekday"]
    form_fields = ["locatie", "weekday", "opens_at", "closes_at"]
    inspect_view_enabled = False


class SluitingViewSet(ModelViewSet):
    model = Sluiting
    icon = "warning"
    menu_label = _("Sluitingen")
    list_display = ["locatie", "starts_on", "ends_on", "reason"]
    list_filter = ["locatie"]
    form_fields = ["locatie", "starts_on", "ends_on", "reason"]
    inspect_view_enabled = False


class LocatieFotoForm(forms.ModelForm):
    # Checked and stripped of metadata (location, camera) like every upload.
    image = SafeImageField(label=_("Foto"))

    class Meta:
        model = LocatieFoto
        fields = ["locatie", "image", "alt", "position"]


class LocatieFotoViewSet(ModelViewSet):
    model = LocatieFoto
    icon = "image"
    menu_label = _("Foto's van locaties")
    list_display = ["locatie", "alt", "position"]
    list_filter = ["locatie"]
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return LocatieFotoForm


class RuimtesGroup(ViewSetGroup):
    menu_label = _("Ruimtes")
    menu_icon = "home"
    menu_order = 320
    items = (
        LocatieViewSet("ruimtes_locaties"),
        RuimteViewSet("ruimtes_ruimtes"),
        OpeningstijdViewSet("ruimtes_openingstijden"),
        SluitingViewSet("ruimtes_sluitingen"),
        LocatieFotoViewSet("ruimtes_fotos"),
    )


@hooks.register("register_admin_viewset")
def register_ruimtes_viewsets():
    return RuimtesGroup()
