"""The donaties part of "Mijn gegevens" and of deleting an account.

Donations need no account; only those made while signed in are linked to a user. On
deleting the account, the money record stays (bookkeeping) without the person in it.
"""

from initiatieven.donaties.models import BerichtMelding, Donatie


def donaties_export(user) -> dict:
    return {
        "donaties": [
            {
                "kenmerk": d.reference,
                "initiatief": d.initiatief.title,
                "bedrag_cent": d.amount_cents,
                "terugbetaald_cent": d.refunded_cents,
                "status": d.status,
                "naam": d.name,
                "anoniem": d.is_anonymous,
                "bedrag_tonen": d.show_amount,
                "bericht": d.message,
                "e-mailadres": d.email,
                "op": d.created_at.isoformat(),
            }
            for d in Donatie.objects.filter(user=user).select_related("initiatief")
        ],
        "meldingen_over_berichten": [
            {"reden": m.reason, "op": m.created_at.isoformat()}
            for m in BerichtMelding.objects.filter(reporter=user)
        ],
    }


def donaties_anonymise(user) -> None:
    Donatie.objects.filter(user=user).update(
        user=None, name="", is_anonymous=True, message="", email=""
    )
    BerichtMelding.objects.filter(reporter=user).update(reporter=None)
