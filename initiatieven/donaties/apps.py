from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonatiesConfig(AppConfig):
    name = "initiatieven.donaties"
    label = "donaties"
    verbose_name = _("Donaties")
