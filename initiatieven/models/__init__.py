"""Initiatieven and wijkondernemingen, split by subject (STYLE 10).

- ``initiatief``: the initiatief, its owners, photos, needs and the fixed lists;
- ``activiteit``: updates with figures ("tellen en vertellen") and followers;
- ``moderatie``: reports, contact messages and co-owner invitations.
"""

from initiatieven.models.activiteit import Cijfer, Update, UpdateFoto, Volger, update_foto_path
from initiatieven.models.initiatief import (
    Behoefte,
    Eigenaar,
    Foto,
    Initiatief,
    Prioriteit,
    PriorityCode,
    Thema,
    ThemeCode,
    foto_path,
    kvk_validator,
)
from initiatieven.models.moderatie import Bericht, Melding, Uitnodiging

__all__ = [
    "Behoefte",
    "Bericht",
    "Cijfer",
    "Eigenaar",
    "Foto",
    "Initiatief",
    "Melding",
    "PriorityCode",
    "Prioriteit",
    "ThemeCode",
    "Thema",
    "Uitnodiging",
    "Update",
    "UpdateFoto",
    "Volger",
    "foto_path",
    "kvk_validator",
    "update_foto_path",
]
