"""The curated list of skills and talents, shared by vacatures, profiles and the
Talentenbeurs. Codes are stable (stored in the database); labels are translated.

Free tags (anything not on the list) are stored separately by the models that allow them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Skill(models.TextChoices):
    KOKEN = "koken", _("Koken")
    TUINIEREN = "tuinieren", _("Tuinieren")
    TAALMAATJE = "taalmaatje", _("Taalmaatje")
    ADMINISTRATIE = "administratie", _("Administratie")
    KLUSSEN = "klussen", _("Klussen")
    COMPUTERHULP = "computerhulp", _("Computerhulp")
    BEGELEIDEN = "begeleiden", _("Begeleiden")
    ORGANISEREN = "organiseren", _("Organiseren")
    VERTALEN = "vertalen", _("Vertalen")
    MUZIEK = "muziek", _("Muziek")
    VERVOER = "vervoer", _("Vervoer")
    NAAIEN = "naaien", _("Naaien")
    SPORT = "sport", _("Sport en bewegen")
    KINDEREN = "kinderen", _("Met kinderen werken")
    GASTVROUW = "gastvrouw", _("Gastvrouw of gastheer")
    SCHOONMAKEN = "schoonmaken", _("Schoonmaken")
    FOTOGRAFIE = "fotografie", _("Fotografie en film")
    COMMUNICATIE = "communicatie", _("Schrijven en communicatie")
    GELDZAKEN = "geldzaken", _("Hulp bij geldzaken")
    REPAREREN = "repareren", _("Repareren")


class Language(models.TextChoices):
    """Languages people speak or translate; Dutch is assumed unless a vacature asks."""

    NEDERLANDS = "nl", _("Nederlands")
    ENGELS = "en", _("Engels")
    ARABISCH = "ar", _("Arabisch")
    TURKS = "tr", _("Turks")
    BERBERS = "ber", _("Berbers (Tamazight)")
    POOLS = "pl", _("Pools")
    SPAANS = "es", _("Spaans")
    FRANS = "fr", _("Frans")
    PORTUGEES = "pt", _("Portugees")
    SURINAAMS = "srn", _("Sranantongo")
    TIGRINYA = "ti", _("Tigrinya")
    OEKRAIENS = "uk", _("Oekraïens")


SKILL_CODES = frozenset(Skill.values)
LANGUAGE_CODES = frozenset(Language.values)
