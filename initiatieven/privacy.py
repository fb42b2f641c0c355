"""The initiatieven part of "Mijn gegevens" and of deleting an account."""

from initiatieven.models import Bericht, Eigenaar, Melding, Uitnodiging, Update, Volger


def initiatieven_export(user) -> dict:
    """Everything this app keeps about ``user`` (JSON-serialisable)."""
    return {
        "eigenaar_van": [
            {
                "titel": e.initiatief.title,
                "slug": e.initiatief.slug,
                "status": e.initiatief.status,
                "maker": e.is_creator,
                "sinds": e.added_at.isoformat(),
            }
            for e in Eigenaar.objects.filter(user=user).select_related("initiatief")
        ],
        "updates": [
            {"initiatief": u.initiatief.title, "tekst": u.text, "op": u.created_at.isoformat()}
            for u in Update.objects.filter(author=user).select_related("initiatief")
        ],
        "volgt": [
            {"initiatief": v.initiatief.title, "sinds": v.created_at.isoformat()}
            for v in Volger.objects.filter(user=user).select_related("initiatief")
        ],
        "meldingen": [
            {"initiatief": m.initiatief.title, "reden": m.reason, "op": m.created_at.isoformat()}
            for m in Melding.objects.filter(reporter=user).select_related("initiatief")
        ],
        "berichten": [
            {"initiatief": b.initiatief.title, "bericht": b.message, "op": b.created_at.isoformat()}
            for b in Bericht.objects.filter(sender=user).select_related("initiatief")
        ],
    }


def initiatieven_anonymise(user) -> None:
    """Owned initiatieven stay; the person's ownership, follows and traces go."""
    Eigenaar.objects.filter(user=user).delete()
    Volger.objects.filter(user=user).delete()
    Melding.objects.filter(reporter=user).update(reporter=None)
    Bericht.objects.filter(sender=user).update(sender=None)
    Update.objects.filter(author=user).update(author=None)
    Uitnodiging.objects.filter(invited_by=user).update(invited_by=None)
    Uitnodiging.objects.filter(email__iexact=user.email, accepted_at__isnull=True).delete()
