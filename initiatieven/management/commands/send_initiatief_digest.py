"""`manage.py send_initiatief_digest`: queue the daily digest for followers (cron, daily).

15 7 * * *  cd /srv/buurtkracht && .venv/bin/python manage.py send_initiatief_digest
"""

from django.core.management.base import BaseCommand

from initiatieven.tasks import send_initiatief_digest


class Command(BaseCommand):
    help = "Stuur volgers één e-mail met de nieuwe updates van de initiatieven die ze volgen."

    def handle(self, *args, **options):
        result = send_initiatief_digest.enqueue()
        self.stdout.write(f"Digest queued (task {result.id}).")
