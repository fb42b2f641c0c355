from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "buurtkracht.core"
    label = "core"
    verbose_name = _("Basis")

    def ready(self):
        from django.db.backends.signals import connection_created

        from buurtkracht.core import page_cache

        # Every database write invalidates the page cache (see its module docstring).
        connection_created.connect(page_cache.install_write_watch, dispatch_uid="page_cache")
        page_cache.connections_watch_existing()
