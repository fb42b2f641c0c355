"""`manage.py send_donation_summaries`: the owners' daily summary (cron, daily).

30 7 * * *  cd /srv/buurtkracht && .venv/bin/python manage.py send_donation_summaries
"""

from django.core.management.base import BaseCommand

from initiatieven.donaties.tasks import send_donation_summaries


class Command(BaseCommand):
    help = (
        "Stuur eigenaren één e-mail per initiatief met de nieuwe donaties (zonder e-mailadressen)."
    )

    def handle(self, *args, **options):
        result = send_donation_summaries.enqueue()
        self.stdout.write(f"Donation summaries queued (task {result.id}).")
