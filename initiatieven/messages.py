"""Every error message of the initiatieven app, keyed by a stable code (STYLE 6)."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "summary_too_long": _("De samenvatting is te lang. Gebruik maximaal 200 tekens."),
    "kvk_invalid": _("Een KvK-nummer heeft precies 8 cijfers. Bijvoorbeeld: 12345678."),
    "too_many_photos": _("Je kunt maximaal 5 foto's toevoegen. Verwijder eerst een foto."),
    "not_concept": _("Je kunt alleen een concept indienen."),
    "not_submitted": _("Dit initiatief wacht niet op een besluit."),
    "not_published": _("Alleen een gepubliceerd initiatief kun je afronden of archiveren."),
    "reason_required": _("Schrijf waarom. De eigenaren krijgen deze reden per e-mail."),
    "buurt_not_in_wijk": _("Deze buurt ligt niet in de gekozen wijk."),
    "amount_invalid": _("Vul een positief bedrag in met hoogstens twee cijfers achter de komma."),
    "figure_label_required": _("Schrijf bij 'anders' wat je geteld hebt."),
    "figure_positive": _(
        "Een cijfer is een heel getal groter dan 0 (en niet groter dan een miljoen)."
    ),
    "update_empty": _("Schrijf wat er gebeurd is."),
    "already_owner": _("Deze persoon is al eigenaar van dit initiatief."),
    "invitation_used": _("Deze uitnodiging is al gebruikt of bestaat niet meer."),
    "not_public": _("Dit initiatief is niet openbaar."),
    "already_handled": _("Deze melding is al behandeld."),
    "photo_required": _("Voeg minstens één foto toe voordat je het initiatief indient."),
    "too_many_update_photos": _("Bij een update passen maximaal 3 foto's."),
    "alt_required": _("Schrijf kort wat er op de foto staat."),
    "too_many_messages": _(
        "Je hebt vandaag al veel berichten gestuurd. Probeer het morgen opnieuw."
    ),
    "last_owner": _("Een initiatief heeft minstens één eigenaar. Nodig eerst iemand anders uit."),
    "themes_required": _("Kies minstens één thema."),
}
