"""Admin menu and URLs: donations and refunds, payout report (group beheer), reported
donor messages (moderators)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from buurtkracht.accounts import rules
from initiatieven.donaties import admin_views
from initiatieven.donaties.services import MANAGE

urlpatterns = [
    path("", admin_views.donatie_index, name="index"),
    path("<int:pk>/terugbetalen/", admin_views.donatie_refund, name="refund"),
    path("uitbetaling/", admin_views.payout_report, name="payout"),
    path("uitbetaling.csv", admin_views.payout_csv, name="payout_csv"),
    path("meldingen/", admin_views.melding_index, name="meldingen"),
    path("meldingen/<int:pk>/", admin_views.melding_decide, name="melding_decide"),
]


@hooks.register("register_admin_urls")
def register_donaties_urls():
    return [
        path("donaties/", include((urlpatterns, "donaties_beheer"), namespace="donaties_beheer"))
    ]


class ActionMenuItem(MenuItem):
    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def is_shown(self, request):
        return rules.can(request.user, self.action)


class DonatiesSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return rules.can(request.user, MANAGE) or rules.can(request.user, rules.MODERATE)


@hooks.register("register_admin_menu_item")
def register_donaties_menu():
    submenu = Menu(
        items=[
            ActionMenuItem(
                gettext_lazy("Donaties en terugbetalingen"),
                reverse("donaties_beheer:index"),
                icon_name="list-ul",
                order=10,
                action=MANAGE,
            ),
            ActionMenuItem(
                gettext_lazy("Uitbetalingsrapport"),
                reverse("donaties_beheer:payout"),
                icon_name="table",
                order=20,
                action=MANAGE,
            ),
            ActionMenuItem(
                gettext_lazy("Gemelde donatieberichten"),
                reverse("donaties_beheer:meldingen"),
                icon_name="warning",
                order=30,
                action=rules.MODERATE,
            ),
        ]
    )
    return DonatiesSubmenu(gettext_lazy("Donaties"), submenu, icon_name="pick", order=270)
