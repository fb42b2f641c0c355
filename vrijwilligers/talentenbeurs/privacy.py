"""The Talentenbeurs in "Mijn gegevens" and on account deletion."""

from .models import Deelnemer, Tafel


def talentenbeurs_export(user) -> dict:
    deelnames = Deelnemer.objects.filter(user=user).select_related("beurs")
    tafels = Tafel.objects.filter(contact=user).select_related("beurs")
    return {
        "deelnames": [
            {
                "talentenbeurs": d.beurs.title,
                "datum": d.beurs.date.isoformat(),
                "talenten": d.talents,
                "wensen": d.wishes,
                "rondes": [n + 1 for n in d.slots],
                "gesprekken": [
                    {
                        "ronde": g.slot + 1,
                        "tafel": g.tafel.organisation,
                        "uitkomst": g.outcome,
                    }
                    for g in d.gesprekken.select_related("tafel")
                ],
            }
            for d in deelnames
        ],
        "tafels": [{"talentenbeurs": t.beurs.title, "organisatie": t.organisation} for t in tafels],
    }


def talentenbeurs_anonymise(user) -> None:
    """Keep conversations and outcomes for the event's figures, without the person:
    talents and wishes go, the link to the account goes."""
    Deelnemer.objects.filter(user=user).update(user=None, talents=[], wishes=[])
    Tafel.objects.filter(contact=user).update(contact=None)
    user.georganiseerde_talentenbeurzen.clear()
