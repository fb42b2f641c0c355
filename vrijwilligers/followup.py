"""'Is het gelukt?': two weeks after an acceptance both sides get a signed one-click link.

The link carries the reactie and the side (volunteer or owner) signed with
``django.core.signing``; it needs no login and works for 60 days.
"""

from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from vrijwilligers.messages import MESSAGES
from vrijwilligers.models import Reactie
from vrijwilligers.services import _owner_emails, absolute, send_mail

FOLLOWUP_AFTER = timedelta(days=14)
LINK_MAX_AGE = timedelta(days=60)
SALT = "vrijwilligers.gelukt"
VOLUNTEER, OWNER = "v", "o"


def followup_token(reactie: Reactie, side: str) -> str:
    return signing.dumps({"r": reactie.pk, "s": side}, salt=SALT)


def followup_read(token: str) -> tuple[Reactie, str]:
    """The reactie and side of a token; ValidationError when forged, expired or unknown."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
        reactie = Reactie.objects.select_related("vacature").get(
            pk=data["r"], status=Reactie.Status.GEACCEPTEERD
        )
    except (signing.BadSignature, KeyError, TypeError, Reactie.DoesNotExist):
        raise ValidationError(MESSAGES["bad_link"], code="bad_link") from None
    if data["s"] not in (VOLUNTEER, OWNER):
        raise ValidationError(MESSAGES["bad_link"], code="bad_link")
    return reactie, data["s"]


@transaction.atomic
def reactie_outcome_set(*, token: str, outcome: str) -> Reactie:
    reactie, side = followup_read(token)
    if outcome not in Reactie.Outcome.values:
        raise ValidationError(MESSAGES["bad_outcome"], code="bad_outcome")
    field = "outcome_volunteer" if side == VOLUNTEER else "outcome_owner"
    Reactie.objects.filter(pk=reactie.pk).update(**{field: outcome})
    setattr(reactie, field, outcome)
    return reactie


@transaction.atomic
def followups_send(*, now=None) -> int:
    """Ask both sides of every acceptance older than two weeks, once. Returns how many."""
    now = now or timezone.now()
    due = list(
        Reactie.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(
            status=Reactie.Status.GEACCEPTEERD,
            followup_sent_at__isnull=True,
            decided_at__lte=now - FOLLOWUP_AFTER,
        )
        .select_related("vacature__owner", "vacature__initiatief", "volunteer")
    )
    for reactie in due:
        vacature = reactie.vacature
        targets = [(reactie.volunteer.email, VOLUNTEER)]
        targets += [(email, OWNER) for email in _owner_emails(vacature)]
        for email, side in targets:
            url = absolute(
                reverse("vrijwilligers:gelukt", kwargs={"token": followup_token(reactie, side)})
            )
            send_mail(
                to=email,
                subject=_("Is het gelukt? %(title)s"),
                template="vrijwilligers/mail/gelukt.txt",
                context={"vacature": vacature, "reactie": reactie, "url": url, "side": side},
            )
        reactie.followup_sent_at = now
        reactie.save(update_fields=["followup_sent_at"])
    return len(due)


def match_figures(reacties=None) -> dict:
    """Accepted matches and the answers to 'is het gelukt?' (a 'nee' from either side counts as nee)."""
    reacties = Reactie.objects.all() if reacties is None else reacties
    accepted = Q(status=Reactie.Status.GEACCEPTEERD)
    yes = (
        accepted
        & (Q(outcome_volunteer="ja") | Q(outcome_owner="ja"))
        & ~Q(outcome_volunteer="nee")
        & ~Q(outcome_owner="nee")
    )
    no = accepted & (Q(outcome_volunteer="nee") | Q(outcome_owner="nee"))
    not_yet = (
        accepted & (Q(outcome_volunteer="nog-niet") | Q(outcome_owner="nog-niet")) & ~yes & ~no
    )
    return reacties.aggregate(
        matches=Count("pk", filter=accepted),
        gelukt=Count("pk", filter=yes),
        nog_niet=Count("pk", filter=not_yet),
        niet_gelukt=Count("pk", filter=no),
    )


@task()
def followups_send_task() -> int:
    return followups_send()


@task()
def vacatures_close_expired_task() -> int:
    from vrijwilligers.services import vacatures_close_expired

    return vacatures_close_expired()
