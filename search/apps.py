from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        # Each app registers its content in its own search_sources.py (STYLE §2).
        autodiscover_modules("search_sources")
        from search.indexing import connect_signals

        connect_signals()
