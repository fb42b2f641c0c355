"""Reports and moderators' decisions, contact messages, co-owner invitations."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from buurtkracht.accounts import rules
from initiatieven.mail import absolute, mail_after_commit, owner_emails
from initiatieven.messages import MESSAGES
from initiatieven.models import Bericht, Eigenaar, Initiatief, Melding, Uitnodiging, Update
from initiatieven.services.initiatief import require_edit

MESSAGES_PER_DAY = 10


@transaction.atomic
def melding_create(
    *, initiatief: Initiatief, reporter, reason: str, update: Update | None = None
) -> Melding:
    """Anyone reports an initiatief or one of its updates; it waits in the admin queue."""
    if not rules.can(reporter, "initiative.report", initiatief):
        raise ValidationError(MESSAGES["not_public"], code="not_public")
    if update is not None and update.initiatief_id != initiatief.pk:
        raise ValueError("update of another initiatief")
    signed_in = reporter is not None and reporter.is_authenticated
    melding = Melding(
        initiatief=initiatief,
        update=update,
        reporter=reporter if signed_in else None,
        reason=reason,
    )
    melding.clean_text_fields()
    melding.full_clean()
    melding.save()
    return melding


@transaction.atomic
def melding_decide(*, melding: Melding, moderator, hide: bool, reason: str) -> Melding:
    """Hide the reported initiatief/update, or keep it; the owners get the reason."""
    rules.require(moderator, rules.MODERATE, melding)
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    if melding.status != Melding.Status.OPEN:
        raise ValidationError(MESSAGES["already_handled"], code="already_handled")
    melding.decision_reason = reason
    melding.clean_text_fields()
    if not melding.decision_reason:
        raise ValidationError(
            {"reason": [ValidationError(MESSAGES["reason_required"], code="reason_required")]}
        )
    target = melding.update or melding.initiatief
    if hide:
        target.is_hidden = True
        target.save(update_fields=["is_hidden"])
    melding.status = Melding.Status.VERBORGEN if hide else Melding.Status.BEHOUDEN
    melding.handled_by = moderator
    melding.handled_at = timezone.now()
    melding.save()
    # Other open reports about the same thing are settled by this decision.
    Melding.objects.filter(
        initiatief=melding.initiatief, update=melding.update, status=Melding.Status.OPEN
    ).update(
        status=melding.status,
        decision_reason=melding.decision_reason,
        handled_by=moderator,
        handled_at=melding.handled_at,
    )
    mail_after_commit(
        to=owner_emails(melding.initiatief),
        template="report_decided",
        context={"melding": melding, "initiatief": melding.initiatief, "hidden": hide},
    )
    return melding


@transaction.atomic
def bericht_send(*, initiatief: Initiatief, sender, message: str) -> Bericht:
    """Mail the owners; they can reply, the public never sees the sender's address."""
    rules.require(sender, rules.PARTICIPATE)
    if not initiatief.is_public:
        raise ValidationError(MESSAGES["not_public"], code="not_public")
    since = timezone.now() - timedelta(days=1)
    if Bericht.objects.filter(sender=sender, created_at__gte=since).count() >= MESSAGES_PER_DAY:
        # The form mails real people: keep one account from flooding them.
        raise ValidationError(MESSAGES["too_many_messages"], code="too_many_messages")
    bericht = Bericht(initiatief=initiatief, sender=sender, message=message)
    bericht.clean_text_fields()
    bericht.full_clean()
    bericht.save()
    mail_after_commit(
        to=owner_emails(initiatief),
        template="contact",
        context={"bericht": bericht, "initiatief": initiatief, "sender": sender},
        reply_to=sender.email,
    )
    return bericht


@transaction.atomic
def uitnodiging_create(*, initiatief: Initiatief, user, email: str) -> Uitnodiging:
    """An owner invites ``email`` to become co-owner; the mail holds a one-time link."""
    require_edit(user, initiatief)
    email = email.strip()
    if initiatief.owners.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": [ValidationError(MESSAGES["already_owner"], code="already_owner")]}
        )
    uitnodiging = Uitnodiging(initiatief=initiatief, email=email, invited_by=user)
    uitnodiging.full_clean()
    uitnodiging.save()
    mail_after_commit(
        to=[email],
        template="invitation",
        context={
            "initiatief": initiatief,
            "invited_by": user,
            "url": absolute(reverse("initiatieven:invitation", args=[uitnodiging.token])),
        },
    )
    return uitnodiging


@transaction.atomic
def uitnodiging_accept(*, token: str, user) -> Initiatief:
    """The signed-in ``user`` becomes co-owner; a link works once."""
    rules.require(user, rules.PARTICIPATE)
    uitnodiging = (
        Uitnodiging.objects.select_for_update()
        .filter(token=token, accepted_at__isnull=True)
        .select_related("initiatief")
        .first()
    )
    if uitnodiging is None:
        raise ValidationError(MESSAGES["invitation_used"], code="invitation_used")
    if (
        uitnodiging.email.lower() != user.email.lower()
        and not user.emailaddress_set.filter(
            email__iexact=uitnodiging.email, verified=True
        ).exists()
    ):
        # The link went to one address; only its owner may use it.
        raise PermissionDenied("invitation.email")
    try:
        with transaction.atomic():
            Eigenaar.objects.create(initiatief=uitnodiging.initiatief, user=user)
    except IntegrityError:
        pass  # already an owner: accepting again changes nothing
    uitnodiging.accepted_at = timezone.now()
    uitnodiging.save(update_fields=["accepted_at"])
    return uitnodiging.initiatief


@transaction.atomic
def eigenaar_remove(*, initiatief: Initiatief, user, owner) -> None:
    """An owner removes a co-owner, or themself; the last owner cannot leave."""
    require_edit(user, initiatief)
    Initiatief.objects.select_for_update().filter(pk=initiatief.pk).first()
    if initiatief.eigenaarschappen.count() <= 1:
        raise ValidationError(MESSAGES["last_owner"], code="last_owner")
    Eigenaar.objects.filter(initiatief=initiatief, user=owner).delete()
