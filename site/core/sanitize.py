"""Cleaning what residents type, on save; templates still escape on output.

``clean_rich_text`` keeps a small allow-list of tags (paragraphs, emphasis, lists,
links over http(s)/mailto) and drops scripts, styles, event handlers and other URL
schemes. ``clean_plain_text`` removes every tag, so a title or a message is text
only; it is stored unescaped because templates escape it.

Form fields and models call these in ``clean()``/``save()``; see ``PlainTextField``
and ``RichTextField`` for form fields that do it for you.
"""

import html
import re

import nh3
from django import forms

RICH_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h3", "h4", "blockquote"}
RICH_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
DROP_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript", "svg", "math"}
# Rounds of unescaping in clean_plain_text before it gives up on the brackets.
UNESCAPE_ROUNDS = 5
# Control characters other than tab and newline never belong in text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_rich_text(value: str | None) -> str:
    """HTML limited to the allow-list; empty markup becomes ''."""
    if not value:
        return ""
    cleaned = nh3.clean(
        CONTROL.sub("", value),
        tags=RICH_TAGS,
        attributes=RICH_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        clean_content_tags=DROP_WITH_CONTENT,
        link_rel="noopener noreferrer nofollow",
    ).strip()
    return "" if not re.sub(r"<[^>]*>|&nbsp;|\s", "", cleaned) else cleaned


def clean_plain_text(value: str | None) -> str:
    """Text without any markup (scripts and styles dropped with their content)."""
    if not value:
        return ""
    text = CONTROL.sub("", value)
    # Unescaping can reveal markup that was typed escaped ("&lt;script&gt;"): repeat
    # until nothing changes, so what is stored holds no tag at all.
    for _ in range(UNESCAPE_ROUNDS):
        cleaned = html.unescape(nh3.clean(text, tags=set(), clean_content_tags=DROP_WITH_CONTENT))
        if cleaned == text:
            break
        text = cleaned
    else:
        # Still changing: entities nested deeper than anyone types by accident, and the
        # last round may just have revealed a tag. The angle brackets go instead.
        text = text.replace("<", "").replace(">", "")
    return text.strip()


class PlainTextField(forms.CharField):
    """A CharField whose value is stripped of all markup."""

    def to_python(self, value):
        return clean_plain_text(super().to_python(value))


class RichTextField(forms.CharField):
    """A textarea for limited rich text, cleaned with the allow-list."""

    widget = forms.Textarea

    def to_python(self, value):
        return clean_rich_text(super().to_python(value))
