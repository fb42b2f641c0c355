"""Every message the donaties app shows for bad input or a refused action (STYLE 6)."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "amount_required": _("Kies een bedrag of vul zelf een bedrag in."),
    "amount_invalid": _("Vul een bedrag in euro in, bijvoorbeeld 12,50."),
    "amount_negative": _("Een bedrag kan niet negatief zijn."),
    "amount_decimals": _("Een bedrag heeft hoogstens twee cijfers na de komma."),
    "amount_min": _("Je kunt minimaal € 1 doneren."),
    "amount_max": _("Je kunt hoogstens € 1.000 doneren."),
    "goal_closed": _("Voor dit doel kun je op dit moment niet doneren."),
    "not_configured": _("Doneren is op deze site nog niet ingesteld. Probeer het later nog eens."),
    "stripe_down": _(
        "De betaalpagina is nu niet bereikbaar. Er is niets afgeschreven. "
        "Probeer het over een paar minuten opnieuw."
    ),
    "rate_limited": _(
        "Je hebt het afgelopen uur al een paar keer een donatie gestart. "
        "Wacht een uur en probeer het dan opnieuw."
    ),
    "refund_amount": _("Vul een bedrag in tussen € 0,01 en wat er nog terug kan."),
    "refund_not_paid": _("Alleen een betaalde donatie kun je terugbetalen."),
    "refund_failed": _("Stripe heeft de terugbetaling geweigerd. Probeer het later opnieuw."),
    "goal_not_money": _("Alleen een geldbehoefte met een bedrag kan een doneerdoel krijgen."),
    "deadline_past": _("Kies een datum vanaf vandaag."),
    "not_public": _("Dit bericht staat niet (meer) op een openbare pagina."),
    "already_handled": _("Over deze melding is al besloten."),
    "reason_required": _("Schrijf een reden; de eigenaren krijgen die te zien."),
}
