"""Every write of the Talentenbeurs: registrations, the schedule, outcomes."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtkracht.accounts import rules
from vrijwilligers.skills import SKILL_CODES

from . import scheduling
from .mail import schedule_ready_notify
from .models import Deelnemer, Gesprek, Soort, Tafel, Talentenbeurs, Uitkomst

ORGANISE = "talentenbeurs.organise"

# A resident's first conversation counts as much as a perfect match on top of its
# score, so the schedule gives everyone one talk before it gives anyone a fourth.
FIRST_TALK_BONUS = 100

MESSAGES = {
    "al_aangemeld": _("Je bent al aangemeld voor deze talentenbeurs."),
    "al_tafel": _("Je hebt al een tafel bij deze talentenbeurs."),
    "naam_bezet": _("Deze organisatie heeft al een tafel. Kies een andere naam."),
    "aanmelden_dicht": _("Aanmelden voor deze talentenbeurs kan niet meer."),
    "al_ingeroosterd": _(
        "Het rooster is al gemaakt. Vraag de organisatie om je aanmelding te wijzigen."
    ),
    "onbekend_talent": _("Kies talenten uit de lijst."),
    "onbekende_wens": _("Kies wensen uit de lijst: werk, stage, vrijwilligerswerk of opleiding."),
    "onbekend_aanbod": _("Kies aanbod uit de lijst: werk, stage, vrijwilligerswerk of opleiding."),
    "geen_aanbod": _("Kies wat je organisatie aanbiedt."),
    "ronde_buiten_beurs": _("Kies alleen gespreksrondes van deze talentenbeurs."),
    "geen_rondes": _("Kies minstens één gespreksronde waarin je er bent."),
    "al_uitkomsten": _(
        "Er zijn al uitkomsten vastgelegd. Het rooster kan niet opnieuw gemaakt worden."
    ),
    "geen_deelnemers": _("Er zijn nog geen bewoners en tafels om in te roosteren."),
    "onbekende_uitkomst": _("Kies een uitkomst uit de lijst."),
    "geen_organisator": _("Alleen de organisatie van deze talentenbeurs mag dit doen."),
}


def _error(field: str, code: str) -> ValidationError:
    return ValidationError({field: [ValidationError(MESSAGES[code], code=code)]})


def _codes(values: Iterable[str], allowed: Iterable[str], field: str, code: str) -> list[str]:
    values = list(dict.fromkeys(str(v) for v in values))
    if set(values) - set(allowed):
        raise _error(field, code)
    return values


def _slot_numbers(beurs: Talentenbeurs, slots: Iterable[int]) -> list[int]:
    try:
        numbers = sorted({int(s) for s in slots})
    except (TypeError, ValueError):
        raise _error("slots", "ronde_buiten_beurs") from None
    if any(n < 0 or n >= beurs.slot_count for n in numbers):
        raise _error("slots", "ronde_buiten_beurs")
    if not numbers:
        raise _error("slots", "geen_rondes")
    return numbers


def _check_open(beurs: Talentenbeurs) -> None:
    if not beurs.registration_open:
        raise ValidationError(MESSAGES["aanmelden_dicht"], code="aanmelden_dicht")
    if beurs.scheduled_at is not None:
        raise ValidationError(MESSAGES["al_ingeroosterd"], code="al_ingeroosterd")


def is_organiser(user, beurs: Talentenbeurs) -> bool:
    return rules.can(user, ORGANISE, beurs)


@transaction.atomic
def deelnemer_register(
    *,
    beurs: Talentenbeurs,
    user,
    talents: Iterable[str],
    wishes: Iterable[str],
    slots: Iterable[int],
) -> Deelnemer:
    """Register a resident (verified e-mail: ``rules.PARTICIPATE``).

    Raises PermissionDenied without that right, ValidationError (codes in MESSAGES) for
    a second registration, a closed or already scheduled event, unknown talents or
    wishes, and slots outside the event.
    """
    rules.require(user, rules.PARTICIPATE)
    beurs = Talentenbeurs.objects.select_for_update().get(pk=beurs.pk)
    _check_open(beurs)
    if Deelnemer.objects.filter(beurs=beurs, user=user).exists():
        raise ValidationError(MESSAGES["al_aangemeld"], code="al_aangemeld")
    deelnemer = Deelnemer(
        beurs=beurs,
        user=user,
        talents=_codes(talents, SKILL_CODES, "talents", "onbekend_talent"),
        wishes=_codes(wishes, Soort.values, "wishes", "onbekende_wens"),
        slots=_slot_numbers(beurs, slots),
    )
    try:
        with transaction.atomic():
            deelnemer.save()
    except IntegrityError:  # a second request won the race
        raise ValidationError(MESSAGES["al_aangemeld"], code="al_aangemeld") from None
    return deelnemer


@transaction.atomic
def deelnemer_cancel(*, deelnemer: Deelnemer, user) -> None:
    """The resident withdraws before the schedule is made."""
    if deelnemer.user_id != user.pk:
        raise PermissionDenied
    _check_open(deelnemer.beurs)
    deelnemer.delete()


@transaction.atomic
def tafel_register(
    *,
    beurs: Talentenbeurs,
    contact,
    organisation: str,
    description: str = "",
    offer_kinds: Iterable[str],
    sought_talents: Iterable[str],
    slots: Iterable[int] | None = None,
) -> Tafel:
    """Register an organisation's table; ``contact`` is the signed-in user.

    ``slots`` None means present all rounds. Raises like ``deelnemer_register``.
    """
    rules.require(contact, rules.PARTICIPATE)
    beurs = Talentenbeurs.objects.select_for_update().get(pk=beurs.pk)
    _check_open(beurs)
    if Tafel.objects.filter(beurs=beurs, contact=contact).exists():
        raise ValidationError(MESSAGES["al_tafel"], code="al_tafel")
    if Tafel.objects.filter(beurs=beurs, organisation__iexact=organisation.strip()).exists():
        raise _error("organisation", "naam_bezet")
    offers = _codes(offer_kinds, Soort.values, "offer_kinds", "onbekend_aanbod")
    if not offers:
        raise _error("offer_kinds", "geen_aanbod")
    tafel = Tafel(
        beurs=beurs,
        contact=contact,
        organisation=organisation.strip(),
        description=description,
        offer_kinds=offers,
        sought_talents=_codes(sought_talents, SKILL_CODES, "sought_talents", "onbekend_talent"),
        slots=_slot_numbers(beurs, range(beurs.slot_count) if slots is None else slots),
    )
    tafel.full_clean(exclude=["contact"])
    tafel.save()
    return tafel


def beurs_instance(beurs: Talentenbeurs) -> scheduling.Instance:
    """The event as plain data for the scheduler (ids are the model pks)."""
    deelnemers = list(beurs.deelnemers.all())
    tafels = list(beurs.tafels.all())
    scores = {
        (d.pk, t.pk): scheduling.match_score(
            talents=d.talents,
            wishes=d.wishes,
            sought_talents=t.sought_talents,
            offer_kinds=t.offer_kinds,
        )
        for d in deelnemers
        for t in tafels
    }
    return scheduling.Instance(
        residents=[d.pk for d in deelnemers],
        tables=[t.pk for t in tafels],
        slot_count=beurs.slot_count,
        scores=scores,
        max_per_resident=beurs.max_per_resident,
        resident_slots={d.pk: frozenset(d.slots) for d in deelnemers},
        table_slots={t.pk: frozenset(t.slots) for t in tafels},
        first_talk_bonus=FIRST_TALK_BONUS,
    )


@transaction.atomic
def beurs_schedule(*, beurs: Talentenbeurs, by, notify: bool = True) -> scheduling.Result:
    """(Re)make the schedule: replaces all conversations and closes registration.

    Only organisers (PermissionDenied otherwise); refused once an outcome is recorded.
    With ``notify``, residents and table contacts get a mail after the commit.
    """
    if not is_organiser(by, beurs):
        raise PermissionDenied(MESSAGES["geen_organisator"])
    beurs = Talentenbeurs.objects.select_for_update().get(pk=beurs.pk)
    if beurs.gesprekken.exclude(outcome="").exists():
        raise ValidationError(MESSAGES["al_uitkomsten"], code="al_uitkomsten")
    instance = beurs_instance(beurs)
    if not instance.residents or not instance.tables:
        raise ValidationError(MESSAGES["geen_deelnemers"], code="geen_deelnemers")
    result = scheduling.schedule(instance)
    beurs.gesprekken.all().delete()
    Gesprek.objects.bulk_create(
        Gesprek(beurs=beurs, deelnemer_id=c.resident, tafel_id=c.table, slot=c.slot, score=c.score)
        for c in result.conversations
    )
    beurs.scheduled_at = timezone.now()
    beurs.registration_open = False
    beurs.schedule_total = result.total
    beurs.schedule_upper_bound = result.upper_bound
    beurs.schedule_seconds = round(result.seconds, 3)
    beurs.schedule_gap = round(result.gap_percent, 2)
    beurs.save(
        update_fields=[
            "scheduled_at",
            "registration_open",
            "schedule_total",
            "schedule_upper_bound",
            "schedule_seconds",
            "schedule_gap",
        ]
    )
    if notify:
        schedule_ready_notify(beurs=beurs)
    return result


@transaction.atomic
def gesprek_outcome_record(*, gesprek: Gesprek, outcome: str, by) -> Gesprek:
    """Record (or clear, with "") the outcome of one conversation. Organisers only."""
    if not is_organiser(by, gesprek.beurs):
        raise PermissionDenied(MESSAGES["geen_organisator"])
    if outcome and outcome not in Uitkomst.values:
        raise _error("outcome", "onbekende_uitkomst")
    gesprek.outcome = outcome
    gesprek.outcome_by = by if outcome else None
    gesprek.outcome_at = timezone.now() if outcome else None
    gesprek.save(update_fields=["outcome", "outcome_by", "outcome_at"])
    return gesprek
