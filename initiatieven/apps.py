from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

REPORT = "initiative.report"


class InitiatievenConfig(AppConfig):
    name = "initiatieven"
    verbose_name = _("Initiatieven")

    def ready(self) -> None:
        from django.urls import reverse

        from buurtkracht.accounts import rules
        from buurtkracht.accounts.privacy import anonymiser_registry, export_registry
        from buurtkracht.home.sections import WijkSection, register_wijk_section
        from initiatieven import queries
        from initiatieven.privacy import initiatieven_anonymise, initiatieven_export

        if REPORT not in rules.actions():

            @rules.register(REPORT, public=True)
            def _report(user, initiatief):
                # Anyone may report what is public, signed in or not.
                return initiatief is not None and initiatief.is_public

        if "initiatieven" not in export_registry:
            export_registry.register("initiatieven", initiatieven_export)
            anonymiser_registry.register("initiatieven", initiatieven_anonymise)

        register_wijk_section(
            WijkSection(
                key="initiatieven",
                order=10,
                template="initiatieven/wijk_section.html",
                get_context=lambda *, wijk, request: {
                    "initiatieven": queries.wijk_initiatieven(wijk=wijk),
                    "url": f"{reverse('initiatieven:list')}?wijk={wijk.slug}",
                },
            )
        )
