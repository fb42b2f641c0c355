"""Background tasks of the initiatieven app (Django's tasks API)."""

from django_tasks import task


@task()
def send_initiatief_digest() -> int:
    """The daily digest: one mail per follower with the new updates. Returns mails sent."""
    from initiatieven.services import digest_send

    return digest_send()
