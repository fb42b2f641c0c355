from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VrijwilligersConfig(AppConfig):
    name = "vrijwilligers"
    verbose_name = _("Vrijwilligers")

    def ready(self) -> None:
        from buurtkracht.accounts import rules
        from buurtkracht.accounts.privacy import anonymiser_registry, export_registry
        from buurtkracht.home.sections import WijkSection, register_wijk_section
        from initiatieven import needs
        from vrijwilligers import privacy, queries

        @rules.register("vacature.manage")
        def _manage(user, vacature) -> bool:
            if vacature is None:
                return False
            if vacature.owner_id == user.pk:
                return True
            return bool(
                vacature.initiatief_id and vacature.initiatief.owners.filter(pk=user.pk).exists()
            )

        if "vrijwilligers" not in export_registry:
            export_registry.register("vrijwilligers", privacy.export)
            anonymiser_registry.register("vrijwilligers", privacy.anonymise)
        needs.register("mensen", "vacatures", queries.vacature_links_for_needs)
        register_wijk_section(
            WijkSection(
                key="vacatures",
                order=30,
                template="vrijwilligers/wijk_section.html",
                get_context=queries.wijk_section_context,
            )
        )
