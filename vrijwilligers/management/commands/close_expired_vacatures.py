"""Close vacatures past their end date. Cron: ``5 0 * * * manage.py close_expired_vacatures``."""

from django.core.management.base import BaseCommand

from vrijwilligers.followup import vacatures_close_expired_task


class Command(BaseCommand):
    help = "Sluit vacatures waarvan de einddatum voorbij is."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Via de taakrij uitvoeren.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            vacatures_close_expired_task.enqueue()
            self.stdout.write("Taak in de rij gezet.")
            return
        closed = vacatures_close_expired_task.call()
        self.stdout.write(f"{closed} vacature(s) gesloten.")
