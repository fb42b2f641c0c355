"""`manage.py reconcile_donations`: settle donations Stripe's webhook did not (cron, hourly).

7 * * * *  cd /srv/buurtkracht && .venv/bin/python manage.py reconcile_donations

Runs at once (not through the task queue) so cron's log shows the counts.
"""

from django.core.management.base import BaseCommand

from initiatieven.donaties.reconcile import donations_reconcile


class Command(BaseCommand):
    help = "Vraag Stripe naar donaties die na een uur nog open staan en verwerk het antwoord."

    def handle(self, *args, **options):
        counts = donations_reconcile()
        self.stdout.write(
            "Checked {checked}, settled {settled}, Stripe unreachable {failed}, "
            "fees stored {fees}.".format(**counts)
        )
