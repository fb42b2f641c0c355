"""Background tasks of the donaties app (Django's tasks API)."""

from django_tasks import task


@task()
def send_donation_summaries() -> int:
    """The owners' daily summary of new paid donations. Returns mails sent."""
    from initiatieven.donaties.services import donation_summaries_send

    return donation_summaries_send()


@task()
def reconcile_donations() -> dict:
    """Settle donations still open after an hour by asking Stripe; fetch known fees."""
    from initiatieven.donaties.reconcile import donations_reconcile

    return donations_reconcile()
