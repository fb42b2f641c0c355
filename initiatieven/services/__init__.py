"""Every write of the initiatieven app (STYLE 1), split by subject."""

from initiatieven.services.activiteit import (
    behoefte_delete,
    behoefte_save,
    digest_send,
    update_create,
    update_delete,
    volger_follow,
    volger_unfollow,
)
from initiatieven.services.initiatief import (
    foto_add,
    foto_delete,
    initiatief_close,
    initiatief_create,
    initiatief_publish,
    initiatief_reject,
    initiatief_submit,
    initiatief_update,
    require_edit,
)
from initiatieven.services.moderatie import (
    bericht_send,
    eigenaar_remove,
    melding_create,
    melding_decide,
    uitnodiging_accept,
    uitnodiging_create,
)

__all__ = [
    "behoefte_delete",
    "behoefte_save",
    "bericht_send",
    "digest_send",
    "eigenaar_remove",
    "foto_add",
    "foto_delete",
    "initiatief_close",
    "initiatief_create",
    "initiatief_publish",
    "initiatief_reject",
    "initiatief_submit",
    "initiatief_update",
    "melding_create",
    "melding_decide",
    "require_edit",
    "uitnodiging_accept",
    "uitnodiging_create",
    "update_create",
    "update_delete",
    "volger_follow",
    "volger_unfollow",
]
