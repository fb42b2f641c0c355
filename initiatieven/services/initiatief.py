"""Writing an initiatief: create, edit, the lifecycle with moderation, and its photos.

Lifecycle: concept -> ingediend -> gepubliceerd -> afgerond / gearchiveerd. A moderator
publishes a first submission or rejects it with a reason (back to concept); the owners
get a mail either way. Edits by owners of a published initiatief go live at once.
"""

import logging
from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from buurtkracht.accounts import roles, rules
from buurtkracht.core.images import clean_uploaded_image
from initiatieven.mail import absolute, mail_after_commit, owner_emails
from initiatieven.messages import MESSAGES
from initiatieven.models import Eigenaar, Foto, Initiatief, Prioriteit, Thema

logger = logging.getLogger(__name__)

Status = Initiatief.Status

# What owners may change through initiatief_update (status moves through its own services).
EDITABLE_FIELDS = {
    "title",
    "summary",
    "description",
    "kind",
    "wijk",
    "buurt",
    "address",
    "latitude",
    "longitude",
    "earning_model",
    "income_coverage_percent",
    "income_coverage_year",
    "work_experience_places",
    "kvk_number",
}


def require_edit(user, initiatief: Initiatief) -> None:
    """PermissionDenied unless ``user`` owns ``initiatief``; a refusal is logged."""
    if not rules.can(user, rules.INITIATIVE_EDIT, initiatief):
        logger.warning(
            "Refused edit of initiatief %s by user %s",
            initiatief.pk,
            getattr(user, "pk", None),
            extra={"initiatief_id": initiatief.pk, "user_id": getattr(user, "pk", None)},
        )
        raise PermissionDenied("initiative.edit")


# Paths under /initiatieven/ that an initiatief's slug may not take.
RESERVED_SLUGS = {"mijn", "nieuw", "uitnodiging", "niet-meer-volgen"}


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:130].strip("-") or "initiatief"
    taken = RESERVED_SLUGS | set(
        Initiatief.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _validate(initiatief: Initiatief) -> None:
    initiatief.clean_text_fields()
    errors: dict[str, list] = {}
    if len(initiatief.summary) > 200:
        errors["summary"] = [ValidationError(MESSAGES["summary_too_long"], code="summary_too_long")]
    initiatief.kvk_number = "".join((initiatief.kvk_number or "").split())
    if initiatief.kvk_number and not (
        len(initiatief.kvk_number) == 8 and initiatief.kvk_number.isdigit()
    ):
        errors["kvk_number"] = [ValidationError(MESSAGES["kvk_invalid"], code="kvk_invalid")]
    if initiatief.buurt_id and initiatief.buurt.wijk_id != initiatief.wijk_id:
        errors["buurt"] = [ValidationError(MESSAGES["buurt_not_in_wijk"], code="buurt_not_in_wijk")]
    if errors:
        raise ValidationError(errors)
    initiatief.full_clean(exclude=["slug"])


def _themes(codes_or_rows: Iterable) -> list[Thema]:
    codes = [getattr(item, "code", item) for item in codes_or_rows]
    themes = list(Thema.objects.filter(code__in=codes))
    if not themes:
        raise ValidationError(
            {"themes": [ValidationError(MESSAGES["themes_required"], code="themes_required")]}
        )
    return themes


def _priorities(codes_or_rows: Iterable) -> list[Prioriteit]:
    codes = [getattr(item, "code", item) for item in codes_or_rows]
    return list(Prioriteit.objects.filter(code__in=codes))


@transaction.atomic
def initiatief_create(
    *,
    user,
    title: str,
    summary: str,
    wijk,
    themes: Iterable,
    kind: str = Initiatief.Kind.INITIATIEF,
    buurt=None,
    priorities: Iterable = (),
    **fields,
) -> Initiatief:
    """A concept initiatief owned (and made) by ``user``, with a unique slug.

    Raises PermissionDenied without a verified e-mail, ValidationError on bad input.
    """
    rules.require(user, rules.PARTICIPATE)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    initiatief = Initiatief(
        title=title, summary=summary, kind=kind, wijk=wijk, buurt=buurt, **fields
    )
    _validate(initiatief)
    theme_rows = _themes(themes)
    initiatief.slug = _unique_slug(initiatief.title)
    initiatief.save()
    initiatief.themes.set(theme_rows)
    initiatief.priorities.set(_priorities(priorities))
    Eigenaar.objects.create(initiatief=initiatief, user=user, is_creator=True)
    return initiatief


@transaction.atomic
def initiatief_update(
    *,
    initiatief: Initiatief,
    user,
    themes: Iterable | None = None,
    priorities: Iterable | None = None,
    **fields,
) -> Initiatief:
    """Change what the owners typed; a published initiatief shows it at once.

    Raises PermissionDenied (logged) for a non-owner, ValidationError on bad input.
    """
    require_edit(user, initiatief)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(initiatief, name, value)
    _validate(initiatief)
    theme_rows = _themes(themes) if themes is not None else None
    if initiatief.is_public:
        initiatief.last_activity_at = timezone.now()
    initiatief.save()
    if theme_rows is not None:
        initiatief.themes.set(theme_rows)
    if priorities is not None:
        initiatief.priorities.set(_priorities(priorities))
    return initiatief


def _moderator_emails() -> list[str]:
    groups = Group.objects.filter(name__in=[roles.MODERATOR, roles.BEHEER])
    return sorted({u.email for g in groups.prefetch_related("user_set") for u in g.user_set.all()})


@transaction.atomic
def initiatief_submit(*, initiatief: Initiatief, user) -> Initiatief:
    """Concept -> ingediend; the moderators get a mail."""
    require_edit(user, initiatief)
    initiatief = Initiatief.objects.select_for_update().get(pk=initiatief.pk)
    if initiatief.status != Status.CONCEPT:
        raise ValidationError(MESSAGES["not_concept"], code="not_concept")
    if not initiatief.fotos.exists():
        # An initiatief shows 1 to 5 photos.
        raise ValidationError(MESSAGES["photo_required"], code="photo_required")
    initiatief.status = Status.INGEDIEND
    initiatief.submitted_at = timezone.now()
    initiatief.save(update_fields=["status", "submitted_at", "updated_at"])
    mail_after_commit(
        to=_moderator_emails(),
        template="submitted",
        context={
            "initiatief": initiatief,
            "admin_url": absolute(reverse("initiatieven_moderatie:index")),
        },
    )
    return initiatief


def _locked_submission(initiatief: Initiatief, moderator) -> Initiatief:
    rules.require(moderator, rules.MODERATE, initiatief)
    initiatief = Initiatief.objects.select_for_update().get(pk=initiatief.pk)
    if initiatief.status != Status.INGEDIEND:
        raise ValidationError(MESSAGES["not_submitted"], code="not_submitted")
    return initiatief


@transaction.atomic
def initiatief_publish(*, initiatief: Initiatief, moderator) -> Initiatief:
    """Ingediend -> gepubliceerd by a moderator; the owners get a mail."""
    initiatief = _locked_submission(initiatief, moderator)
    now = timezone.now()
    initiatief.status = Status.GEPUBLICEERD
    initiatief.published_at = initiatief.published_at or now
    initiatief.last_activity_at = now
    initiatief.rejection_reason = ""
    initiatief.save()
    mail_after_commit(
        to=owner_emails(initiatief),
        template="published",
        context={"initiatief": initiatief, "url": absolute(initiatief.get_absolute_url())},
    )
    return initiatief


@transaction.atomic
def initiatief_reject(*, initiatief: Initiatief, moderator, reason: str) -> Initiatief:
    """Ingediend -> concept with a reason the owners get by mail; they may fix and resubmit."""
    initiatief = _locked_submission(initiatief, moderator)
    initiatief.rejection_reason = reason
    initiatief.clean_text_fields()
    if not initiatief.rejection_reason:
        raise ValidationError(
            {"reason": [ValidationError(MESSAGES["reason_required"], code="reason_required")]}
        )
    initiatief.status = Status.CONCEPT
    initiatief.save()
    mail_after_commit(
        to=owner_emails(initiatief),
        template="rejected",
        context={
            "initiatief": initiatief,
            "url": absolute(reverse("initiatieven:manage", kwargs={"slug": initiatief.slug})),
        },
    )
    return initiatief


@transaction.atomic
def initiatief_close(*, initiatief: Initiatief, user, status: str) -> Initiatief:
    """Gepubliceerd -> afgerond (stays visible) or gearchiveerd (hidden), by an owner."""
    require_edit(user, initiatief)
    if status not in (Status.AFGEROND, Status.GEARCHIVEERD):
        raise ValueError(status)
    if initiatief.status not in (Status.GEPUBLICEERD, Status.AFGEROND):
        raise ValidationError(MESSAGES["not_published"], code="not_published")
    initiatief.status = status
    initiatief.save(update_fields=["status", "updated_at"])
    return initiatief


@transaction.atomic
def foto_add(*, initiatief: Initiatief, user, image, alt_text: str) -> Foto:
    """Add a photo (checked and re-encoded); at most ``Foto.MAX_PER_INITIATIEF``."""
    require_edit(user, initiatief)
    Initiatief.objects.select_for_update().filter(pk=initiatief.pk).first()
    count = initiatief.fotos.count()
    if count >= Foto.MAX_PER_INITIATIEF:
        raise ValidationError(
            {"image": [ValidationError(MESSAGES["too_many_photos"], code="too_many_photos")]}
        )
    foto = Foto(
        initiatief=initiatief,
        image=clean_uploaded_image(image),
        alt_text=alt_text,
        sort_order=count,
    )
    foto.clean_text_fields()
    foto.full_clean()
    foto.save()
    return foto


@transaction.atomic
def foto_delete(*, foto: Foto, user) -> None:
    require_edit(user, foto.initiatief)
    foto.image.delete(save=False)
    foto.delete()
