"""Outgoing mail goes through a background task, so no request waits on the mail server."""

from django.core.mail import EmailMessage, EmailMultiAlternatives

from buurtkracht.core.tasks import send_email


def mail_enqueue(message: EmailMessage) -> None:
    """Queue a rendered message for the task worker.

    The database task backend stores the task in the current transaction, so a
    rolled-back request never sends its mail and a committed one always does.
    Only plain values cross to the worker: subject, bodies and addresses.
    """
    html = None
    if isinstance(message, EmailMultiAlternatives):
        html = next(
            (content for content, mime in message.alternatives if mime == "text/html"), None
        )
    kwargs = {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "html": html,
        "headers": {k: str(v) for k, v in (message.extra_headers or {}).items()},
    }
    send_email.enqueue(**kwargs)
