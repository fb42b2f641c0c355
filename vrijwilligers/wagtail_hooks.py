"""Admin: staff can look up, correct and close vacatures (Django model permissions apply)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from vrijwilligers.models import Vacature


class VacatureViewSet(ModelViewSet):
    model = Vacature
    icon = "group"
    menu_label = _("Vacatures")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["title", "organisation_label", "wijk", "status", "end_date", "created_at"]
    list_filter = ["status", "wijk", "time_kind"]
    search_fields = ["title", "organisation_name"]
    form_fields = ["title", "description", "tasks", "status", "end_date", "places"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "organisation_name",
        "initiatief",
        "status",
        "places",
        "end_date",
    ]


@hooks.register("register_admin_viewset")
def register_vacature_viewset():
    return VacatureViewSet("vrijwilligers_vacatures")
