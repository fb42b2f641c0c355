from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SocialeKaartConfig(AppConfig):
    name = "search.kaart"
    label = "sociale_kaart"
    verbose_name = _("Sociale kaart")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from buurtkracht.home.sections import WijkSection, register_wijk_section
        from search.kaart import queries, registry, views

        # Each app hands its offer and demand over in its own social_map.py (STYLE §2).
        autodiscover_modules("social_map")

        # The kaart caches its counts briefly; a change to counted content clears them.
        for provider in registry.providers():
            for model in provider.models:
                uid = f"sociale_kaart:{model._meta.label}"
                post_save.connect(queries.cache_clear, sender=model, dispatch_uid=uid + ":s")
                post_delete.connect(queries.cache_clear, sender=model, dispatch_uid=uid + ":d")
                m2m_changed.connect(queries.cache_clear, sender=model, dispatch_uid=uid + ":m")

        register_wijk_section(
            WijkSection(
                key="sociale_kaart",
                order=90,
                template="sociale_kaart/wijk_section.html",
                get_context=views.wijk_section,
            )
        )
