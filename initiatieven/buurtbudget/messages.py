"""Every error message of the buurtbudget, by stable code (STYLE 6)."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "ronde_dicht": _("Deze ronde is gesloten. Je kunt nu geen aanvraag doen."),
    "ronde_andere_wijk": _("Deze ronde is voor een andere wijk. Kies een ronde voor jouw wijk."),
    "geen_buurt": _("Je initiatief heeft nog geen buurt. Kies eerst een buurt bij je initiatief."),
    "boven_maximum": _("Het bedrag is hoger dan het maximum van deze ronde."),
    "regels_leeg": _("Vul minstens één begrotingsregel in."),
    "regels_som": _(
        "De begrotingsregels tellen niet op tot het gevraagde bedrag. Pas het bedrag of de "
        "regels aan."
    ),
    "geen_agenda": _("Kies een agendapunt van de buurt of een prioriteit van het stadsdeel."),
    "agenda_andere_buurt": _("Dit agendapunt hoort bij een andere buurt."),
    "al_besloten": _("Hierover is al besloten."),
    "eigen_initiatief": _(
        "Je bent eigenaar van dit initiatief. Daarom stem je niet mee over deze aanvraag."
    ),
    "belang_gemeld": _("Je hebt gemeld dat je belang hebt bij deze aanvraag. Je stemt niet mee."),
    "al_gestemd": _("Je hebt al gestemd over deze aanvraag."),
    "ongeldige_stem": _("Kies voor, tegen of onthouding."),
    "geen_budget": _("Voor deze buurt is dit jaar nog geen budget vastgesteld."),
    "budget_op": _(
        "Er is niet genoeg budget meer in deze buurt. Het besluit wacht tot er meer budget is."
    ),
    "budget_te_laag": _("Het budget kan niet lager zijn dan wat al is toegekend."),
    "niet_toegekend": _("Je kunt alleen een toegekende aanvraag verantwoorden."),
    "al_verantwoord": _("Deze aanvraag is al verantwoord."),
    "reden_nodig": _("Schrijf op waarom je akkoord of niet akkoord gaat."),
}
