"""Every write on vacatures, profiles and reacties (hours: ``hours.py``; follow-up: ``followup.py``)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from buurtkracht.areas.queries import postcode_lookup, postcode_normalise
from buurtkracht.core.mail import mail_enqueue
from buurtkracht.core.sanitize import clean_plain_text
from vrijwilligers.availability import mask_from_codes
from vrijwilligers.messages import MESSAGES
from vrijwilligers.models import Profiel, Reactie, Vacature
from vrijwilligers.skills import LANGUAGE_CODES, SKILL_CODES


def _error(field: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(MESSAGES[code], code=code)})


def _checked_codes(values, allowed, field: str, code: str) -> list[str]:
    values = list(dict.fromkeys(values or []))
    if any(value not in allowed for value in values):
        raise _error(field, code)
    return values


def _mask(slots, field: str = "availability") -> int:
    try:
        return mask_from_codes(slots or [])
    except ValueError:
        raise _error(field, "slot_outside_grid") from None


def _themes(codes):
    from initiatieven.models import Thema

    codes = list(dict.fromkeys(codes or []))
    found = list(Thema.objects.filter(code__in=codes))
    if len(found) != len(codes):
        raise _error("themes", "unknown_theme")
    return found


def _tags(tags) -> list[str]:
    cleaned = [clean_plain_text(str(tag)).strip().lower()[:40] for tag in tags or []]
    return list(dict.fromkeys(tag for tag in cleaned if tag))[:10]


def absolute(url: str) -> str:
    return f"{settings.SITE_URL}{url}"


def send_mail(*, to: str, subject: str, template: str, context: dict, language: str = "nl"):
    """Render and queue one plain-text mail after the transaction commits."""
    with translation.override(language):
        body = render_to_string(template, context)
        subject = str(subject) % {"title": context["vacature"].title}
    message = EmailMessage(subject, body, to=[to])
    transaction.on_commit(lambda: mail_enqueue(message))


# --- vacatures ----------------------------------------------------------------------------


VACATURE_FIELDS = (
    "title", "description", "tasks", "time_kind", "dates", "hours_per_week", "wijk", "buurt",
    "address", "is_remote", "suits_beginners", "suits_disability", "suits_newcomers",
    "suits_youth", "min_age", "places", "end_date", "organisation_name",
)  # fmt: skip


def _vacature_apply(vacature: Vacature, *, skills, free_tags, languages, availability, fields):
    for name, value in fields.items():
        if name not in VACATURE_FIELDS:
            raise TypeError(name)
        if name in ("title", "description", "tasks", "address", "organisation_name"):
            value = clean_plain_text(value or "")
        setattr(vacature, name, value)
    vacature.skills = _checked_codes(skills, SKILL_CODES, "skills", "unknown_skill")
    vacature.free_tags = _tags(free_tags)
    vacature.languages = _checked_codes(languages, LANGUAGE_CODES, "languages", "unknown_language")
    vacature.availability_mask = _mask(availability)
    if vacature.buurt_id and not vacature.wijk_id:
        vacature.wijk_id = vacature.buurt.wijk_id
    if vacature.time_kind == Vacature.TimeKind.EENMALIG and not vacature.dates:
        raise _error("dates", "dates_needed")
    if not vacature.initiatief_id and not vacature.organisation_name:
        raise _error("organisation_name", "no_owner")
    if vacature.behoefte_id and (
        vacature.behoefte.kind != "mensen"
        or vacature.behoefte.initiatief_id != vacature.initiatief_id
    ):
        raise _error("behoefte", "need_not_people")
    vacature.full_clean()
    vacature.save()


@transaction.atomic
def vacature_create(
    *,
    owner,
    initiatief=None,
    behoefte=None,
    skills=(),
    free_tags=(),
    languages=(),
    availability=(),
    themes=None,
    **fields,
) -> Vacature:
    """Create an open vacature. ``themes`` default to the initiatief's. Raises ValidationError."""
    if fields.get("end_date") and fields["end_date"] < timezone.localdate():
        raise _error("end_date", "end_before_today")
    vacature = Vacature(owner=owner, initiatief=initiatief, behoefte=behoefte)
    if initiatief is not None and not fields.get("wijk") and not fields.get("buurt"):
        fields["wijk"], fields["buurt"] = initiatief.wijk, initiatief.buurt
    _vacature_apply(
        vacature,
        skills=skills,
        free_tags=free_tags,
        languages=languages,
        availability=availability,
        fields=fields,
    )
    if not themes and initiatief is not None:
        vacature.themes.set(initiatief.themes.all())
    else:
        vacature.themes.set(_themes(themes))
    return vacature


@transaction.atomic
def vacature_update(
    *,
    vacature: Vacature,
    skills=(),
    free_tags=(),
    languages=(),
    availability=(),
    themes=(),
    **fields,
) -> Vacature:
    vacature = Vacature.objects.select_for_update().get(pk=vacature.pk)
    _vacature_apply(
        vacature,
        skills=skills,
        free_tags=free_tags,
        languages=languages,
        availability=availability,
        fields=fields,
    )
    vacature.themes.set(_themes(themes))
    _vacature_sync_full(vacature)
    return vacature


def _vacature_mark_closed(vacature: Vacature) -> None:
    # save(), not a bulk update(): the save signal takes the vacature out of search and
    # off the sociale kaart at once.
    vacature.status = Vacature.Status.GESLOTEN
    vacature.updated_at = timezone.now()
    vacature.save(update_fields=["status", "updated_at"])


@transaction.atomic
def vacature_close(*, vacature: Vacature) -> Vacature:
    vacature = Vacature.objects.select_for_update().get(pk=vacature.pk)
    _vacature_mark_closed(vacature)
    return vacature


@transaction.atomic
def vacatures_close_expired(*, today: date | None = None) -> int:
    """Close open or filled vacatures whose end date has passed; returns how many."""
    today = today or timezone.localdate()
    expired = list(
        Vacature.objects.exclude(status=Vacature.Status.GESLOTEN)
        .filter(end_date__lt=today)
        .select_for_update()
    )
    for vacature in expired:
        _vacature_mark_closed(vacature)
    return len(expired)


def _vacature_sync_full(vacature: Vacature) -> None:
    """Open <-> vervuld as accepted reacties reach or leave the number of places."""
    accepted = vacature.reacties.filter(status=Reactie.Status.GEACCEPTEERD).count()
    if vacature.status == Vacature.Status.OPEN and accepted >= vacature.places:
        vacature.status = Vacature.Status.VERVULD
    elif vacature.status == Vacature.Status.VERVULD and accepted < vacature.places:
        vacature.status = Vacature.Status.OPEN
    else:
        return
    vacature.save(update_fields=["status", "updated_at"])


# --- profiles -----------------------------------------------------------------------------


@transaction.atomic
def profiel_save(
    *,
    user,
    skills=(),
    talents=(),
    themes=(),
    availability=(),
    postcode: str = "",
    max_distance_km: int = 3,
    languages=(),
    wants_to_learn: str = "",
    is_beginner: bool = False,
    needs_accessible: bool = False,
    is_newcomer: bool = False,
    is_youth: bool = False,
    contactable: bool = False,
    is_hidden: bool = False,
) -> Profiel:
    """Create or replace the user's volunteer profile. Raises ValidationError per field."""
    profiel = Profiel.objects.select_for_update().filter(user=user).first() or Profiel(user=user)
    profiel.skills = _checked_codes(skills, SKILL_CODES, "skills", "unknown_skill")
    profiel.talents = _tags(talents)
    profiel.languages = _checked_codes(languages, LANGUAGE_CODES, "languages", "unknown_language")
    profiel.availability_mask = _mask(availability)
    profiel.postcode, profiel.buurt = "", None
    if postcode:
        code = postcode_normalise(postcode)
        buurt = postcode_lookup(postcode) if code else None
        if buurt is None:
            raise _error("postcode", "unknown_postcode")
        profiel.postcode, profiel.buurt = code, buurt
    profiel.max_distance_km = max_distance_km
    profiel.wants_to_learn = clean_plain_text(wants_to_learn or "")
    profiel.is_beginner = is_beginner
    profiel.needs_accessible = needs_accessible
    profiel.is_newcomer = is_newcomer
    profiel.is_youth = is_youth
    profiel.contactable = contactable
    profiel.is_hidden = is_hidden
    theme_rows = _themes(themes)
    profiel.full_clean()
    profiel.save()
    profiel.themes.set(theme_rows)
    return profiel


@transaction.atomic
def profiel_delete(*, user) -> None:
    Profiel.objects.filter(user=user).delete()


# --- reacties -----------------------------------------------------------------------------


def _owner_emails(vacature: Vacature) -> list[str]:
    emails = []
    if vacature.owner_id:
        emails.append(vacature.owner.email)
    if vacature.initiatief_id:
        emails += [user.email for user in vacature.initiatief.owners.all()]
    return list(dict.fromkeys(emails))


@transaction.atomic
def reactie_create(*, vacature: Vacature, volunteer, message: str) -> Reactie:
    """Respond to an open vacature once. The owner gets a mail without the volunteer's contact."""
    vacature = Vacature.objects.select_for_update().get(pk=vacature.pk)
    if not vacature.is_open:
        raise _error("message", "not_open")
    if vacature.owner_id == volunteer.pk or (
        vacature.initiatief_id and vacature.initiatief.owners.filter(pk=volunteer.pk).exists()
    ):
        raise _error("message", "own_vacature")
    message = clean_plain_text(message or "").strip()
    if not message:
        raise _error("message", "empty_message")
    if Reactie.objects.filter(vacature=vacature, volunteer=volunteer).exists():
        raise _error("message", "already_responded")
    try:
        with transaction.atomic():
            reactie = Reactie.objects.create(
                vacature=vacature, volunteer=volunteer, message=message
            )
    except IntegrityError:
        raise _error("message", "already_responded") from None
    url = absolute(reverse("vrijwilligers:dashboard"))
    for email in _owner_emails(vacature):
        send_mail(
            to=email,
            subject=_("Nieuwe reactie op %(title)s"),
            template="vrijwilligers/mail/reactie_nieuw.txt",
            context={"reactie": reactie, "vacature": vacature, "url": url},
        )
    return reactie


def _locked_reactie(reactie: Reactie) -> tuple[Reactie, Vacature]:
    vacature = Vacature.objects.select_for_update().get(pk=reactie.vacature_id)
    reactie = Reactie.objects.select_for_update().select_related("volunteer").get(pk=reactie.pk)
    reactie.vacature = vacature
    return reactie, vacature


@transaction.atomic
def reactie_accept(*, reactie: Reactie) -> Reactie:
    """Accept a new reactie while places are left; both sides get each other's contact."""
    reactie, vacature = _locked_reactie(reactie)
    if reactie.status != Reactie.Status.NIEUW:
        raise _error("reactie", "not_new")
    accepted = vacature.reacties.filter(status=Reactie.Status.GEACCEPTEERD).count()
    if accepted >= vacature.places:
        raise _error("reactie", "full")
    reactie.status = Reactie.Status.GEACCEPTEERD
    reactie.decided_at = timezone.now()
    reactie.save(update_fields=["status", "decided_at"])
    _vacature_sync_full(vacature)
    owner_emails = _owner_emails(vacature)
    context = {
        "reactie": reactie,
        "vacature": vacature,
        "owner_emails": owner_emails,
        "volunteer_email": reactie.volunteer.email,
        "url": absolute(reverse("vrijwilligers:mijn")),
    }
    send_mail(
        to=reactie.volunteer.email,
        subject=_("Je bent welkom bij %(title)s"),
        template="vrijwilligers/mail/geaccepteerd_vrijwilliger.txt",
        context=context,
    )
    for email in owner_emails:
        send_mail(
            to=email,
            subject=_("Contactgegevens van je nieuwe vrijwilliger: %(title)s"),
            template="vrijwilligers/mail/geaccepteerd_eigenaar.txt",
            context=context | {"url": absolute(reverse("vrijwilligers:dashboard"))},
        )
    return reactie


@transaction.atomic
def reactie_decline(*, reactie: Reactie, note: str = "") -> Reactie:
    reactie, vacature = _locked_reactie(reactie)
    if reactie.status != Reactie.Status.NIEUW:
        raise _error("reactie", "not_new")
    reactie.status = Reactie.Status.AFGEWEZEN
    reactie.decided_at = timezone.now()
    reactie.decline_note = clean_plain_text(note or "")
    reactie.save(update_fields=["status", "decided_at", "decline_note"])
    send_mail(
        to=reactie.volunteer.email,
        subject=_("Over je reactie op %(title)s"),
        template="vrijwilligers/mail/afgewezen.txt",
        context={
            "reactie": reactie,
            "vacature": vacature,
            "url": absolute(reverse("vrijwilligers:list")),
        },
    )
    return reactie


@transaction.atomic
def reactie_withdraw(*, reactie: Reactie) -> Reactie:
    """The volunteer withdraws (new or accepted); a freed place reopens the vacature."""
    reactie, vacature = _locked_reactie(reactie)
    if reactie.status not in (Reactie.Status.NIEUW, Reactie.Status.GEACCEPTEERD):
        raise _error("reactie", "cannot_withdraw")
    reactie.status = Reactie.Status.INGETROKKEN
    reactie.save(update_fields=["status"])
    _vacature_sync_full(vacature)
    return reactie
