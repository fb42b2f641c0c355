"""Every error message of the ruimtes app, by a stable code (tests check the code)."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "overlap": _("Deze ruimte is dan al geboekt. Kies een ander tijdstip."),
    "einde_voor_begin": _("De eindtijd moet na de begintijd liggen."),
    "geen_duur": _("Een boeking moet langer dan 0 minuten duren."),
    "verleden": _("Dit tijdstip is al voorbij. Kies een tijd in de toekomst."),
    "te_ver": _("Je kunt tot 3 maanden vooruit boeken. Kies een eerdere datum."),
    "serie_te_lang": _("Een reeks duurt hoogstens 6 maanden. Kies een eerdere einddatum."),
    "niet_te_boeken": _("Deze ruimte is nu niet te boeken."),
    "te_kort": _("Deze ruimte boek je voor minstens %(minutes)s minuten."),
    "te_lang": _("Deze ruimte boek je voor hoogstens %(minutes)s minuten."),
    "te_veel_mensen": _("Er passen hoogstens %(capacity)s mensen in deze ruimte."),
    "gesloten": _("De locatie is dan gesloten: %(reason)s."),
    "buiten_openingstijden": _(
        "De locatie is dan niet open. Kies een tijd binnen de openingstijden."
    ),
    "commercieel_te_vroeg": _(
        "Commercieel gebruik boek je hoogstens 14 dagen vooruit. Zo gaat maatschappelijk gebruik voor."
    ),
    "reserve": _(
        "Deze week is de ruimte al genoeg vast geboekt. We houden %(percent)s%% vrij voor losse aanvragen."
    ),
    "tijd_bestaat_niet": _(
        "Deze tijd bestaat niet: de klok gaat dan een uur vooruit (zomertijd). Kies een andere tijd."
    ),
    "tijd_dubbel": _(
        "Deze tijd komt twee keer voor: de klok gaat dan een uur terug (wintertijd). Kies een andere tijd."
    ),
    "status": _("Deze boeking kan niet meer worden veranderd."),
    "reden_nodig": _("Schrijf kort waarom je de aanvraag afwijst."),
    "geen_boekingen": _("Geen enkele datum in deze reeks is vrij. Kies een andere tijd of ruimte."),
    "behoefte": _("Kies een ruimtebehoefte van een initiatief waarvan jij eigenaar bent."),
    "voorbij": _("Deze boeking is al begonnen of voorbij."),
    "tot_voor_van": _("De einddatum moet op of na de begindatum liggen."),
    "bereik_te_groot": _("Vraag hoogstens %(days)s dagen tegelijk op."),
    "ruimte_onbekend": _("Deze ruimte bestaat niet."),
}
