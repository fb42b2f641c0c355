"""Mails of the buurtbudget; each is called from ``transaction.on_commit``."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from buurtkracht.core.mail import mail_enqueue


def _send(*, to: list[str], subject_template: str, body_template: str, context: dict) -> None:
    if not to:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(subject_template, context).strip()
        body = render_to_string(body_template, context)
    mail_enqueue(EmailMessage(subject=subject, body=body, to=to))


def _owner_emails(aanvraag) -> list[str]:
    return sorted({user.email for user in aanvraag.initiatief.owners.all() if user.email})


def aanvraag_received(*, aanvraag_id: int) -> None:
    from .models import Aanvraag

    aanvraag = Aanvraag.objects.select_related("initiatief", "ronde").get(pk=aanvraag_id)
    _send(
        to=_owner_emails(aanvraag),
        subject_template="buurtbudget/mail/aanvraag_received_subject.txt",
        body_template="buurtbudget/mail/aanvraag_received.txt",
        context={"aanvraag": aanvraag},
    )


def aanvraag_decided(*, aanvraag_id: int) -> None:
    from .models import Aanvraag

    aanvraag = Aanvraag.objects.select_related("initiatief", "ronde").get(pk=aanvraag_id)
    _send(
        to=_owner_emails(aanvraag),
        subject_template="buurtbudget/mail/aanvraag_decided_subject.txt",
        body_template="buurtbudget/mail/aanvraag_decided.txt",
        context={"aanvraag": aanvraag},
    )


def overdue_reports_notify(*, wijk, aanvragen, members) -> None:
    _send(
        to=sorted({member.email for member in members if member.email}),
        subject_template="buurtbudget/mail/overdue_subject.txt",
        body_template="buurtbudget/mail/overdue.txt",
        context={"wijk": wijk, "aanvragen": aanvragen},
    )
