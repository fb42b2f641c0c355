from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuurtbudgetConfig(AppConfig):
    name = "initiatieven.buurtbudget"
    label = "buurtbudget"
    verbose_name = _("Buurtbudget")
