from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonatiesConfig(AppConfig):
    name = "initiatieven.donaties"
    label = "donaties"
    verbose_name = _("Donaties")

    def ready(self) -> None:
        from buurtkracht.accounts import roles, rules
        from buurtkracht.accounts.privacy import anonymiser_registry, export_registry
        from initiatieven import needs
        from initiatieven.donaties.integration import doneerdoel_links
        from initiatieven.donaties.privacy import donaties_anonymise, donaties_export
        from initiatieven.donaties.services import MANAGE
        from initiatieven.models import Behoefte

        if MANAGE not in rules.actions():

            @rules.register(MANAGE)
            def _manage(user, obj):
                # Refunds and the payout report: the site's administrators (group beheer).
                return roles.BEHEER in roles.group_names(user)

        needs.register(Behoefte.Kind.GELD, "donaties", doneerdoel_links)
        export_registry.register("donaties", donaties_export)
        anonymiser_registry.register("donaties", donaties_anonymise)
