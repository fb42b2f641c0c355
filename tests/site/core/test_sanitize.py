"""What residents type is cleaned on save: no script, style, handler or javascript: URL."""

import pytest

from buurtkracht.core.sanitize import (
    PlainTextField,
    RichTextField,
    clean_plain_text,
    clean_rich_text,
)

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    "<svg onload=alert(1)>",
    '<p style="background:url(javascript:alert(1))">tekst</p>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<iframe src="https://voorbeeld.nl"></iframe>',
    "<scr<script>ipt>alert(1)</script>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<body onload=alert(1)>",
    "<style>body{display:none}</style>",
    '<div onmouseover="alert(1)">x</div>',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "onmouseover",
    "javascript:",
    "<iframe",
    "<style",
    "style=",
    "data:text",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rich_text_keeps_nothing_executable(payload):
    cleaned = clean_rich_text(payload).lower()
    assert not [bad for bad in FORBIDDEN if bad in cleaned], cleaned


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_text_keeps_no_markup_at_all(payload):
    cleaned = clean_plain_text(payload)
    assert not [
        bad for bad in ["<script", "<img", "<svg", "<iframe", "<style"] if bad in cleaned.lower()
    ]


@pytest.mark.parametrize("depth", range(1, 9))
def test_plain_text_reveals_no_markup_behind_nested_entities(depth):
    lt, gt = "&" + "amp;" * depth + "lt;", "&" + "amp;" * depth + "gt;"
    cleaned = clean_plain_text(f"a {lt}img src=x onerror=alert(1){gt} b")
    assert "<" not in cleaned and ">" not in cleaned, cleaned
    assert cleaned.startswith("a ") and cleaned.endswith(" b")


def test_rich_text_keeps_the_allowed_markup_and_safe_links():
    html = '<p>Kom <strong>koken</strong>: <a href="https://buurt.nl/x">info</a></p><ul><li>één</li></ul>'
    cleaned = clean_rich_text(html)
    assert "<strong>koken</strong>" in cleaned
    assert 'href="https://buurt.nl/x"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned
    assert "<li>één</li>" in cleaned


def test_plain_text_keeps_what_people_write():
    assert clean_plain_text("Koken & eten <3 voor 2 < 5 euro") == "Koken & eten <3 voor 2 < 5 euro"
    assert clean_plain_text("  Samen\x00 koken ") == "Samen koken"


def test_empty_markup_is_empty_text():
    assert clean_rich_text("<p> </p><p>&nbsp;</p>") == ""
    assert clean_rich_text(None) == ""


def test_form_fields_clean_what_is_typed():
    assert PlainTextField().clean("<b>Buurtsoep</b><script>x</script>") == "Buurtsoep"
    assert RichTextField().clean('<p onclick="x">Soep</p>') == "<p>Soep</p>"
