from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RuimtesConfig(AppConfig):
    name = "ruimtes"
    verbose_name = _("Ruimtes")
