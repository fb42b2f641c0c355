"""Portable model fields: plain JSON lists work on PostgreSQL and on SQLite (``make run``)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


def _as_date(value) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(_("Schrijf datums als jjjj-mm-dd."), code="bad_date") from None


@deconstructible
class CodeListValidator:
    """A list of strings of at most ``max_length``; with ``choices`` (a TextChoices class)
    only its values. What ArrayField's base field checked, for a JSON list."""

    def __init__(self, max_length: int, choices=None):
        self.max_length = max_length
        self.choices = choices

    def __call__(self, values) -> None:
        allowed = set(self.choices.values) if self.choices else None
        if not isinstance(values, list) or any(
            not isinstance(value, str)
            or len(value) > self.max_length
            or (allowed is not None and value not in allowed)
            for value in values
        ):
            raise ValidationError(_("Kies alleen uit de lijst."), code="invalid_choice")

    def __eq__(self, other) -> bool:
        return isinstance(other, CodeListValidator) and (self.max_length, self.choices) == (
            other.max_length,
            other.choices,
        )


class DateListField(models.JSONField):
    """A list of dates: stored as ISO strings in JSON, read back as ``datetime.date``."""

    def from_db_value(self, value, expression, connection):
        value = super().from_db_value(value, expression, connection)
        return [_as_date(item) for item in value] if isinstance(value, list) else value

    def to_python(self, value):
        if value is None:
            return value
        return [_as_date(item) for item in value]

    def get_prep_value(self, value):
        if isinstance(value, (list, tuple)):
            value = [_as_date(item).isoformat() for item in value]
        return super().get_prep_value(value)

    def validate(self, value, model_instance):
        super().validate(self.get_prep_value(value), model_instance)

    def formfield(self, **kwargs):
        return super().formfield(**{"encoder": DjangoJSONEncoder, **kwargs})
