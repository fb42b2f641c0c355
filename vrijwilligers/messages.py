"""Every error message of the vrijwilligers app, by stable code (STYLE 6)."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "unknown_skill": _("Kies vaardigheden uit de lijst. Iets anders kun je bij 'andere' kwijt."),
    "unknown_language": _("Kies talen uit de lijst."),
    "unknown_theme": _("Kies thema's uit de lijst."),
    "slot_outside_grid": _(
        "Kies dagdelen uit het rooster: maandag tot zondag, ochtend, middag of avond."
    ),
    "unknown_postcode": _(
        "Deze postcode kennen we niet. Vul de vier cijfers van je postcode in, zoals 1053."
    ),
    "need_not_people": _(
        "Een vacature hoort bij een behoefte aan mensen van hetzelfde initiatief."
    ),
    "no_owner": _("Vul een initiatief of de naam van je organisatie in."),
    "dates_needed": _("Vul minstens één datum in voor een eenmalige vacature."),
    "end_before_today": _("De einddatum ligt in het verleden. Kies een datum vanaf vandaag."),
    "not_open": _("Deze vacature is gesloten of vol. Reageren kan niet meer."),
    "already_responded": _("Je hebt al op deze vacature gereageerd."),
    "own_vacature": _("Je kunt niet reageren op je eigen vacature."),
    "empty_message": _("Schrijf een kort bericht: wie ben je en waarom wil je meedoen?"),
    "not_new": _("Over deze reactie is al besloten."),
    "full": _(
        "Alle plekken zijn al vervuld. Zet het aantal vrijwilligers hoger als je meer mensen wilt."
    ),
    "cannot_withdraw": _("Deze reactie kun je niet meer intrekken."),
    "not_accepted": _(
        "Je kunt alleen uren schrijven bij een vacature waarvoor je bent aangenomen."
    ),
    "hours_range": _("Vul een aantal uren in groter dan 0 en hoogstens 24."),
    "day_over_24": _("Op deze dag heb je dan meer dan 24 uur geschreven. Kijk je de uren na?"),
    "date_in_future": _("Je kunt geen uren schrijven voor een dag in de toekomst."),
    "already_confirmed": _("Deze uren zijn al bevestigd."),
    "no_confirmed_hours": _(
        "Je hebt nog geen bevestigde uren. Vraag de organisatie je uren te bevestigen."
    ),
    "bad_outcome": _("Kies ja, nog niet of nee."),
    "bad_link": _("Deze link klopt niet of is verlopen."),
}
