"""The initiatieven endpoints of /api/v1/ (attached in buurtkracht.urls)."""

from ninja import Router

router = Router(tags=["initiatieven"])
