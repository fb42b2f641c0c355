"""Template helpers of the initiatieven pages."""

from django import template
from django.utils.safestring import mark_safe

from buurtkracht.core.sanitize import clean_rich_text

register = template.Library()


@register.filter
def rich_text(value: str) -> str:
    """Allow-listed HTML, cleaned again on output (it was cleaned on save too)."""
    return mark_safe(clean_rich_text(value))  # noqa: S308 - nh3 allow-list  # nosec
