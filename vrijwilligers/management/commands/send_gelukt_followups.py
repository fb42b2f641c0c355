"""Ask 'is het gelukt?' two weeks after acceptance. Cron: ``0 10 * * * manage.py send_gelukt_followups``."""

from django.core.management.base import BaseCommand

from vrijwilligers.followup import followups_send_task


class Command(BaseCommand):
    help = "Vraag twee weken na een match of het gelukt is."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Via de taakrij uitvoeren.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            followups_send_task.enqueue()
            self.stdout.write("Taak in de rij gezet.")
            return
        sent = followups_send_task.call()
        self.stdout.write(f"{sent} navraag/navragen verstuurd.")
