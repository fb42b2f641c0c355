"""Every resident-typed text is cleaned on save, whichever way it arrives (form, API, admin)."""

from buurtkracht.core.sanitize import clean_plain_text, clean_rich_text


class CleanTextMixin:
    """Clean ``PLAIN_TEXT_FIELDS`` to text and ``RICH_TEXT_FIELDS`` to allow-listed HTML."""

    PLAIN_TEXT_FIELDS: tuple[str, ...] = ()
    RICH_TEXT_FIELDS: tuple[str, ...] = ()

    def clean_text_fields(self) -> None:
        for name in self.PLAIN_TEXT_FIELDS:
            setattr(self, name, clean_plain_text(getattr(self, name)))
        for name in self.RICH_TEXT_FIELDS:
            setattr(self, name, clean_rich_text(getattr(self, name)))

    def save(self, *args, **kwargs):
        self.clean_text_fields()
        super().save(*args, **kwargs)
