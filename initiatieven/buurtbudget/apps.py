from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

AGENDA_MANAGE = "buurtbudget.agenda_manage"
EXPORT = "buurtbudget.export"


class BuurtbudgetConfig(AppConfig):
    name = "initiatieven.buurtbudget"
    label = "buurtbudget"
    verbose_name = _("Buurtbudget")

    def ready(self) -> None:
        from buurtkracht.accounts import roles, rules
        from buurtkracht.accounts.models import Role
        from buurtkracht.accounts.privacy import anonymiser_registry, export_registry

        from . import privacy

        @rules.register(AGENDA_MANAGE)
        def _agenda_manage(user, buurt):
            """The buurtcoördinator: a professional of the buurt's wijk, or group beheer."""
            if roles.BEHEER in roles.group_names(user):
                return True
            wijk_id = rules.wijk_id_of(buurt)
            return wijk_id is not None and any(
                seat.role == Role.PROFESSIONAL and seat.wijk_id == wijk_id
                for seat in roles.seats(user)
            )

        @rules.register(EXPORT)
        def _export(user, obj):
            return roles.BEHEER in roles.group_names(user)

        from buurtkracht.home.sections import WijkSection, register_wijk_section
        from initiatieven import needs
        from initiatieven.models import Behoefte

        from . import integration

        register_wijk_section(
            WijkSection(
                key="buurtbudget",
                order=40,
                template="buurtbudget/wijk_section.html",
                get_context=integration.wijk_section_context,
            )
        )
        needs.register(Behoefte.Kind.GELD, "buurtbudget", integration.geld_links)
        export_registry.register("buurtbudget", privacy.export_user)
        anonymiser_registry.register("buurtbudget", privacy.anonymise_user)
