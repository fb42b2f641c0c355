from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RuimtesConfig(AppConfig):
    name = "ruimtes"
    verbose_name = _("Ruimtes")

    def ready(self):
        from buurtkracht.accounts.privacy import anonymiser_registry, export_registry
        from buurtkracht.home.sections import WijkSection, register_wijk_section
        from initiatieven import needs
        from ruimtes import queries

        needs.register("ruimte", "boekingen", queries.need_links)
        export_registry.register("ruimtes", queries.user_data_export)
        anonymiser_registry.register("ruimtes", queries.user_data_delete)
        register_wijk_section(
            WijkSection(
                key="ruimtes",
                order=20,
                template="ruimtes/wijk_section.html",
                get_context=queries.wijk_section,
            )
        )
