"""Mail from the initiatieven app: rendered from templates, queued after the commit."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from buurtkracht.core.mail import mail_enqueue


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def mail_after_commit(
    *, to: list[str], template: str, context: dict, reply_to: str | None = None
) -> None:
    """Render ``initiatieven/mail/<template>_subject.txt`` and ``.txt`` and queue it.

    Rendered now (in Dutch, the site's language), sent once the transaction commits.
    """
    if not to:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"initiatieven/mail/{template}_subject.txt", context)
        body = render_to_string(f"initiatieven/mail/{template}.txt", context)
    message = EmailMessage(
        " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        to,
        reply_to=[reply_to] if reply_to else None,
    )
    if reply_to:
        message.extra_headers["Reply-To"] = reply_to
    transaction.on_commit(lambda: mail_enqueue(message))


def owner_emails(initiatief) -> list[str]:
    return [user.email for user in initiatief.owners.filter(is_active=True).order_by("pk")]
