from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy as _

from initiatieven.buurtbudget.tasks import overdue_reports_mail


class Command(BaseCommand):
    help = _("Mail elk inspiratieteam welke verantwoordingen te laat zijn. Draai dit wekelijks.")

    def handle(self, *args, **options):
        result = overdue_reports_mail.enqueue()
        self.stdout.write(_("Taak in de wachtrij gezet: %(id)s") % {"id": result.id})
