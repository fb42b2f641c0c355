"""Mail from the Talentenbeurs: rendered now in Dutch, queued after the commit."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from buurtkracht.core.mail import mail_enqueue

from .models import Talentenbeurs


def _queue(to: str, template: str, context: dict) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"talentenbeurs/mail/{template}_subject.txt", context)
        body = render_to_string(f"talentenbeurs/mail/{template}.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to])
    transaction.on_commit(lambda: mail_enqueue(message))


def schedule_ready_notify(*, beurs: Talentenbeurs) -> int:
    """Tell every registered resident and table contact that the schedule is ready.

    Returns the number of messages queued (sent once the transaction commits).
    """
    with translation.override(settings.LANGUAGE_CODE):
        base = settings.SITE_URL
        my_url = base + reverse("talentenbeurs:my_schedule", kwargs={"slug": beurs.slug})
    count = 0
    deelnemers = (
        beurs.deelnemers.select_related("user")
        .filter(user__is_active=True)
        .annotate(talks=Count("gesprekken"))
    )
    for deelnemer in deelnemers:
        _queue(
            deelnemer.user.email,
            "rooster",
            {
                "beurs": beurs,
                "name": deelnemer.user.public_name,
                "talks": deelnemer.talks,
                "url": my_url,
            },
        )
        count += 1
    tafels = (
        beurs.tafels.select_related("contact")
        .filter(contact__is_active=True)
        .annotate(talks=Count("gesprekken"))
    )
    for tafel in tafels:
        with translation.override(settings.LANGUAGE_CODE):
            url = base + reverse("talentenbeurs:tafel", kwargs={"slug": beurs.slug, "pk": tafel.pk})
        _queue(
            tafel.contact.email,
            "tafel",
            {"beurs": beurs, "tafel": tafel, "talks": tafel.talks, "url": url},
        )
        count += 1
    return count
