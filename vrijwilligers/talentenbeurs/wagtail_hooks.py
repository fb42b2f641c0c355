"""Admin: events are operational data staff keep in Wagtail (ModelViewSet, STYLE 3).

Registrations, the schedule and outcomes are handled on the site's organiser pages
(``/talentenbeurs/<slug>/organisatie/``), not here.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Talentenbeurs


class TalentenbeursViewSet(ModelViewSet):
    model = Talentenbeurs
    icon = "group"
    menu_label = _("Talentenbeurzen")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["title", "date", "location", "registration_open", "scheduled_at"]
    list_filter = ["registration_open", "is_published"]
    search_fields = ["title", "location"]
    copy_view_enabled = False
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("location")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start_time"),
                        FieldPanel("slot_minutes"),
                        FieldPanel("slot_count"),
                    ]
                ),
                FieldPanel("max_per_resident"),
            ],
            heading=_("Gespreksrondes"),
        ),
        FieldRowPanel([FieldPanel("registration_open"), FieldPanel("is_published")]),
        FieldPanel("organisers"),
    ]


@hooks.register("register_admin_viewset")
def register_talentenbeurs_viewset():
    return TalentenbeursViewSet("talentenbeurzen")
