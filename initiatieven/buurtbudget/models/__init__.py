"""Buurtbudget: money per buurt per year, the agenda it serves, and how it is given out.

Per buurt and year a ``Budget`` holds the amount and the share reserved for small
resident initiatives. Small grants go through an ``Aanvraag`` that the wijk's
inspiratieteam votes on; the rest goes to ``Voorstel``len of the buurt's regiegroep,
checked by a district reviewer. Every grant adds to the budget's granted totals, which
check constraints keep within the budget (services lock the row first).
"""

from .aanvraag import (
    Aanvraag,
    AanvraagRegel,
    Belangenmelding,
    Reactie,
    Ronde,
    Stem,
    Verantwoording,
)
from .base import DEFAULT_BUDGET, DEFAULT_MAX_AMOUNT, DEFAULT_QUORUM, DEFAULT_SMALL_PERCENT
from .budget import AgendaPunt, Budget, Voorstel, VoorstelRegel

__all__ = [
    "DEFAULT_BUDGET",
    "DEFAULT_MAX_AMOUNT",
    "DEFAULT_QUORUM",
    "DEFAULT_SMALL_PERCENT",
    "Aanvraag",
    "AanvraagRegel",
    "AgendaPunt",
    "Belangenmelding",
    "Budget",
    "Reactie",
    "Ronde",
    "Stem",
    "Verantwoording",
    "Voorstel",
    "VoorstelRegel",
]
