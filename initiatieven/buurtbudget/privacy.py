"""The buurtbudget's part of "Mijn gegevens" and of deleting an account."""

from .models import Aanvraag, Belangenmelding, Reactie, Stem, Verantwoording


def export_user(user) -> dict:
    return {
        "aanvragen": [
            {
                "initiatief": a.initiatief.title,
                "bedrag": str(a.amount),
                "status": a.status,
                "plan": a.plan,
                "verwachte_resultaten": a.expected_results,
                "ingediend_op": a.submitted_at.isoformat(),
            }
            for a in Aanvraag.objects.filter(applicant=user).select_related("initiatief")
        ],
        "stemmen": [
            {"aanvraag": s.aanvraag_id, "stem": s.choice, "motivatie": s.motivation}
            for s in Stem.objects.filter(user=user)
        ],
        "reacties": [
            {"aanvraag": r.aanvraag_id, "tekst": r.text, "geplaatst_op": r.created_at.isoformat()}
            for r in Reactie.objects.filter(author=user)
        ],
        "belangenmeldingen": [
            {"aanvraag": m.aanvraag_id, "toelichting": m.reason}
            for m in Belangenmelding.objects.filter(user=user)
        ],
        "verantwoordingen": [
            {"aanvraag": v.aanvraag_id, "resultaat": v.result, "verhaal": v.story}
            for v in Verantwoording.objects.filter(submitted_by=user)
        ],
    }


def anonymise_user(user) -> None:
    """Decisions stand: votes, applications and reports stay, without the person."""
    Aanvraag.objects.filter(applicant=user).update(applicant=None)
    Stem.objects.filter(user=user).update(user=None)
    Reactie.objects.filter(author=user).update(author=None)
    Verantwoording.objects.filter(submitted_by=user).update(submitted_by=None)
    Belangenmelding.objects.filter(user=user).delete()
