"""`manage.py send_boeking_reminders`: queue the 24-hour booking reminders (cron, hourly).

5 * * * *  cd /srv/buurtkracht && .venv/bin/python manage.py send_boeking_reminders
"""

from django.core.management.base import BaseCommand

from ruimtes.tasks import send_boeking_reminders


class Command(BaseCommand):
    help = "Stuur een herinnering voor bevestigde boekingen die binnen 24 uur beginnen."

    def handle(self, *args, **options):
        result = send_boeking_reminders.enqueue()
        self.stdout.write(f"Reminders queued (task {result.id}).")
