"""Background tasks of the ruimtes app."""

from django_tasks import task

from ruimtes import services


@task()
def send_boeking_reminders() -> int:
    """Remind bookers 24 hours ahead; safe to run every hour (never reminds twice)."""
    return services.reminders_send()
