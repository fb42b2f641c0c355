from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentenbeursConfig(AppConfig):
    name = "vrijwilligers.talentenbeurs"
    label = "talentenbeurs"
    verbose_name = _("Talentenbeurs")
