"""Needs (behoeften), updates with figures, following and the daily digest."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from buurtkracht.accounts import rules
from buurtkracht.core.images import clean_uploaded_image
from initiatieven.mail import absolute, mail_after_commit
from initiatieven.messages import MESSAGES
from initiatieven.models import Behoefte, Cijfer, Initiatief, Update, UpdateFoto, Volger
from initiatieven.services.initiatief import require_edit

UNFOLLOW_SALT = "initiatieven.unfollow"
# Far above any real count, far below the database's integer limit.
MAX_FIGURE = 1_000_000


def _amount(value) -> Decimal | None:
    """A positive amount with at most two decimals, exactly as typed."""
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount <= 0 or amount.as_tuple().exponent < -2:
        raise ValidationError(
            {"amount_wanted": [ValidationError(MESSAGES["amount_invalid"], code="amount_invalid")]}
        )
    return amount


@transaction.atomic
def behoefte_save(
    *,
    initiatief: Initiatief,
    user,
    kind: str,
    title: str,
    description: str = "",
    people_wanted: int | None = None,
    amount_wanted=None,
    status: str = Behoefte.Status.OPEN,
    behoefte: Behoefte | None = None,
) -> Behoefte:
    """Create a need, or change ``behoefte`` (of this initiatief). Owners only."""
    require_edit(user, initiatief)
    if behoefte is None:
        behoefte = Behoefte(initiatief=initiatief, sort_order=initiatief.behoeften.count())
    elif behoefte.initiatief_id != initiatief.pk:
        raise ValueError("behoefte of another initiatief")
    behoefte.kind, behoefte.title, behoefte.description = kind, title, description
    behoefte.people_wanted = people_wanted
    behoefte.amount_wanted = _amount(amount_wanted)
    if status != behoefte.status:
        behoefte.fulfilled_at = timezone.now() if status == Behoefte.Status.VERVULD else None
    behoefte.status = status
    behoefte.clean_text_fields()
    behoefte.full_clean()
    behoefte.save()
    return behoefte


@transaction.atomic
def behoefte_delete(*, behoefte: Behoefte, user) -> None:
    require_edit(user, behoefte.initiatief)
    behoefte.delete()


@dataclass(frozen=True)
class Figure:
    kind: str
    value: int
    label: str = ""


@transaction.atomic
def update_create(
    *,
    initiatief: Initiatief,
    user,
    text: str,
    figures: list[Figure] = (),
    photos: list[tuple] = (),
) -> Update:
    """An owner's update on the timeline, with figures that add to the impact.

    photos: up to ``UpdateFoto.MAX_PER_UPDATE`` pairs of (uploaded image, alt text).
    """
    require_edit(user, initiatief)
    update = Update(initiatief=initiatief, author=user, text=text)
    update.clean_text_fields()
    if not update.text:
        raise ValidationError(
            {"text": [ValidationError(MESSAGES["update_empty"], code="update_empty")]}
        )
    if len(photos) > UpdateFoto.MAX_PER_UPDATE:
        raise ValidationError(MESSAGES["too_many_update_photos"], code="too_many_update_photos")
    update.full_clean()
    update.save()
    for image, alt_text in photos:
        foto = UpdateFoto(update=update, alt_text=alt_text)
        foto.clean_text_fields()
        if not foto.alt_text:
            raise ValidationError(MESSAGES["alt_required"], code="alt_required")
        foto.image = clean_uploaded_image(image)
        foto.save()
    for figure in figures:
        cijfer = Cijfer(update=update, kind=figure.kind, value=figure.value, label=figure.label)
        cijfer.clean_text_fields()
        if cijfer.kind == Cijfer.Kind.ANDERS and not cijfer.label:
            raise ValidationError(MESSAGES["figure_label_required"], code="figure_label_required")
        if not isinstance(cijfer.value, int) or not 0 < cijfer.value <= MAX_FIGURE:
            raise ValidationError(MESSAGES["figure_positive"], code="figure_positive")
        if cijfer.kind != Cijfer.Kind.ANDERS:
            cijfer.label = ""
        cijfer.full_clean(exclude=["update"])
        cijfer.save()
    initiatief.last_activity_at = update.created_at
    initiatief.save(update_fields=["last_activity_at"])
    return update


@transaction.atomic
def update_delete(*, update: Update, user) -> None:
    """An owner removes an update; its figures leave the impact with it."""
    require_edit(user, update.initiatief)
    for foto in update.fotos.all():
        foto.image.delete(save=False)
    update.delete()


@transaction.atomic
def volger_follow(*, initiatief: Initiatief, user) -> Volger:
    """Follow a public initiatief; the digest starts with updates from now on."""
    rules.require(user, rules.PARTICIPATE)
    if not initiatief.is_public:
        raise ValidationError(MESSAGES["not_public"], code="not_public")
    volger, _created = Volger.objects.get_or_create(
        initiatief=initiatief, user=user, defaults={"digest_sent_until": timezone.now()}
    )
    return volger


@transaction.atomic
def volger_unfollow(*, initiatief: Initiatief, user) -> bool:
    deleted, _ = Volger.objects.filter(initiatief=initiatief, user=user).delete()
    return bool(deleted)


def unfollow_token(volger: Volger) -> str:
    return signing.dumps({"u": volger.user_id, "i": volger.initiatief_id}, salt=UNFOLLOW_SALT)


def unfollow_by_token(token: str) -> Initiatief | None:
    """Stop following from the link in a digest (no login). None if the link is bad."""
    try:
        data = signing.loads(token, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return None
    initiatief = Initiatief.objects.filter(pk=data.get("i")).first()
    if initiatief is not None:
        Volger.objects.filter(initiatief=initiatief, user_id=data.get("u")).delete()
    return initiatief


def digest_send(*, now: datetime | None = None) -> int:
    """One mail per follower with every new visible update since the last digest.

    Returns how many mails were queued. A follower with nothing new gets nothing.
    """
    now = now or timezone.now()
    volgers = (
        Volger.objects.filter(
            initiatief__status__in=Initiatief.PUBLIC_STATUSES,
            initiatief__is_hidden=False,
            user__is_active=True,
        )
        .select_related("user", "initiatief")
        .order_by("user_id", "initiatief__title")
    )
    by_user: dict[int, list[Volger]] = {}
    for volger in volgers:
        by_user.setdefault(volger.user_id, []).append(volger)
    sent = 0
    for user_volgers in by_user.values():
        with transaction.atomic():
            sections = []
            for volger in user_volgers:
                updates = list(
                    Update.objects.filter(
                        initiatief=volger.initiatief,
                        is_hidden=False,
                        created_at__gt=volger.digest_sent_until,
                        created_at__lte=now,
                    )
                    .prefetch_related("cijfers", "fotos")
                    .order_by("created_at")
                )
                if updates:
                    sections.append(
                        {
                            "initiatief": volger.initiatief,
                            "url": absolute(volger.initiatief.get_absolute_url()),
                            "updates": updates,
                            "unfollow_url": absolute(
                                reverse("initiatieven:unfollow", args=[unfollow_token(volger)])
                            ),
                        }
                    )
            Volger.objects.filter(pk__in=[v.pk for v in user_volgers]).update(digest_sent_until=now)
            if sections:
                mail_after_commit(
                    to=[user_volgers[0].user.email],
                    template="digest",
                    context={"user": user_volgers[0].user, "sections": sections},
                )
                sent += 1
    return sent
