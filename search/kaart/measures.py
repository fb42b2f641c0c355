"""The kaart's words for what providers count and list (providers pass only codes)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MEASURE_LABELS = {
    "initiatieven": _("Initiatieven"),
    "wijkondernemingen": _("Wijkondernemingen"),
    "locaties": _("Locaties"),
    "ruimtes": _("Ruimtes om te boeken"),
    "vacatures": _("Open vacatures"),
    "behoeften:mensen": _("Open behoeften: mensen"),
    "behoeften:ruimte": _("Open behoeften: ruimte"),
    "behoeften:geld": _("Open behoeften: geld"),
    "behoeften:spullen": _("Open behoeften: spullen"),
    "zoekvragen": _("Zoekvragen zonder resultaat"),
}

NEED_KIND_LABELS = {
    "mensen": pgettext_lazy("behoefte", "mensen"),
    "ruimte": pgettext_lazy("behoefte", "ruimte"),
    "geld": pgettext_lazy("behoefte", "geld"),
    "spullen": pgettext_lazy("behoefte", "spullen"),
}

# Plural labels for lists and the map's layer switcher.
KIND_LABELS = {
    "initiatief": _("Initiatieven"),
    "wijkonderneming": _("Wijkondernemingen"),
    "locatie": _("Locaties en ruimtes"),
    "vacature": _("Open vacatures"),
}

# Singular labels for a marker's popup.
KIND_LABELS_ONE = {
    "initiatief": _("Initiatief"),
    "wijkonderneming": _("Wijkonderneming"),
    "locatie": _("Locatie"),
    "vacature": _("Vacature"),
}

NO_THEME_LABEL = _("Zonder thema")

# What a cell of the white-spot table says, in words (not by colour alone).
STATUS_LABELS = {
    "leeg": _("Geen vraag en geen aanbod bekend"),
    "alleen_aanbod": _("Aanbod, geen vraag bekend"),
    "gedekt": _("Geen witte vlek: minstens zoveel aanbod als vraag"),
    "tekort": _("Witte vlek: meer vraag dan aanbod"),
    "geen_aanbod": _("Witte vlek: vraag zonder aanbod"),
}
WHITE_SPOTS = ("tekort", "geen_aanbod")


def status_of(*, offer: int, demand: int) -> str:
    """Compare the demand for a theme in a wijk with its offer; a key of STATUS_LABELS."""
    if demand == 0:
        return "alleen_aanbod" if offer else "leeg"
    if offer == 0:
        return "geen_aanbod"
    return "tekort" if demand > offer else "gedekt"
