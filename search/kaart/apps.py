from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialeKaartConfig(AppConfig):
    name = "search.kaart"
    label = "sociale_kaart"
    verbose_name = _("Sociale kaart")
