"""The volunteer's data in "Mijn gegevens", and what happens on account deletion."""

from vrijwilligers.availability import codes_from_mask
from vrijwilligers.models import Profiel, Reactie, Uren, Vacature, Verklaring


def export(user) -> dict:
    profiel = Profiel.objects.filter(user=user).prefetch_related("themes").first()
    data: dict = {"profiel": None}
    if profiel is not None:
        data["profiel"] = {
            "skills": profiel.skills,
            "talents": profiel.talents,
            "themes": [thema.code for thema in profiel.themes.all()],
            "availability": codes_from_mask(profiel.availability_mask),
            "postcode": profiel.postcode,
            "max_distance_km": profiel.max_distance_km,
            "languages": profiel.languages,
            "wants_to_learn": profiel.wants_to_learn,
            "is_beginner": profiel.is_beginner,
            "needs_accessible": profiel.needs_accessible,
            "is_newcomer": profiel.is_newcomer,
            "is_youth": profiel.is_youth,
            "contactable": profiel.contactable,
            "is_hidden": profiel.is_hidden,
        }
    data["reacties"] = [
        {
            "vacature": r.vacature.title,
            "message": r.message,
            "status": r.status,
            "created_at": r.created_at.isoformat(),
            "outcome": r.outcome_volunteer,
            "hours": [
                {"date": u.date.isoformat(), "hours": str(u.hours), "status": u.status}
                for u in r.uren.all()
            ],
        }
        for r in Reactie.objects.filter(volunteer=user)
        .select_related("vacature")
        .prefetch_related("uren")
    ]
    data["vacatures"] = [v.title for v in Vacature.objects.filter(owner=user)]
    data["verklaringen"] = [
        {"code": v.code, "total_hours": str(v.total_hours), "created_at": v.created_at.isoformat()}
        for v in Verklaring.objects.filter(volunteer=user)
    ]
    return data


def anonymise(user) -> None:
    """Profile, reacties (with hours) and certificates go; vacatures of an initiatief stay.

    An organisation's vacature without its owner cannot be managed: it closes.
    """
    Profiel.objects.filter(user=user).delete()
    Uren.objects.filter(reactie__volunteer=user).delete()
    Reactie.objects.filter(volunteer=user).delete()
    Verklaring.objects.filter(volunteer=user).delete()
    Vacature.objects.filter(owner=user, initiatief__isnull=True).update(
        status=Vacature.Status.GESLOTEN
    )
    Vacature.objects.filter(owner=user).update(owner=None)
