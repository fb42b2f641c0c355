from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentenbeursConfig(AppConfig):
    name = "vrijwilligers.talentenbeurs"
    label = "talentenbeurs"
    verbose_name = _("Talentenbeurs")

    def ready(self):
        from buurtkracht.accounts import roles, rules
        from buurtkracht.accounts.privacy import anonymiser_registry, export_registry

        from . import privacy
        from .services import ORGANISE

        @rules.register(ORGANISE)
        def _organise(user, beurs):
            """Run the schedule, print lists, record outcomes: an organiser of this
            event, or group beheer."""
            if beurs is None:
                return False
            return roles.has_group(user, roles.BEHEER) or rules.in_relation(
                user, beurs, "organisers"
            )

        export_registry.register("talentenbeurs", privacy.talentenbeurs_export)
        anonymiser_registry.register("talentenbeurs", privacy.talentenbeurs_anonymise)
