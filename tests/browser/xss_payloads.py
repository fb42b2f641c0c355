"""XSS payloads for ``test_xss.py``: each one signals when it runs.

Every payload starts with a visible marker ``xssNN`` (plain text, kept by any sanitiser)
and, when the browser executes it, calls ``__xss(NN)`` (collected by the test) or
``alert(NN)`` (a dialog, also collected). The test types them into the site's text
fields, renders the pages and asserts that no number was reported, that no element or
attribute the payload could have created is in the page, and that the markers show as
text.

``SHORT`` payloads fit a title of 80-120 characters and still hold their danger after a
plain-text sanitiser (no tags needed: quote and script-string breakouts, template
syntax). ``combined()`` packs payloads into one value for a long text field.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass


@dataclass(frozen=True)
class Payload:
    number: int
    text: str  # what is typed, starting with the marker

    @property
    def marker(self) -> str:
        return f"xss{self.number:02d}"


_DATA_HTML = base64.b64encode(b"<script>parent.__xss(13)</script>").decode()

# Markup behind four layers of entities: a cleaner that unescapes a fixed number of times
# hands it back as live markup.
_NESTED = "&amp;amp;amp;amp;lt;img src=x onerror=__xss(0)&amp;amp;amp;amp;gt;"

_RAW: dict[int, str] = {
    0: _NESTED,
    1: "<script>__xss(1)</script>",
    2: "<img src=x onerror=__xss(2)>",
    3: "<svg onload=__xss(3)>",
    4: '<a href="javascript:__xss(4)">klik</a>',
    5: '"><script>__xss(5)</script>',
    6: "'><img src=x onerror=__xss(6)>",
    7: "</textarea><script>__xss(7)</script>",
    8: "</title><script>__xss(8)</script>",
    9: "{{ 7*7 }} {% debug %} ${7*7} #{7*7}",
    10: "&lt;script&gt;__xss(10)&lt;/script&gt; &#60;img src=x onerror=__xss(10)&#62;",
    11: '<iframe srcdoc="<script>parent.__xss(11)</script>"></iframe>',
    12: '<p style="background:url(javascript:__xss(12));width:expression(__xss(12))">stijl</p>',
    13: f'<a href="data:text/html;base64,{_DATA_HTML}">data</a>',
    14: '<object data="javascript:__xss(14)"></object><embed src="javascript:__xss(14)">',
    15: "<body onload=__xss(15)>",
    16: "<details open ontoggle=__xss(16)><summary>x</summary></details>",
    17: "<input autofocus onfocus=__xss(17)>",
    18: '<a href="jav&#x09;ascript:__xss(18)">tab</a> <a href="&#106;avascript:__xss(18)">ent</a>',
    19: "\uff1cscript\uff1e__xss(19)\uff1c/script\uff1e <scr<script>ipt>__xss(19)</script>",
    20: "</script><script>__xss(20)</script>",
    21: "<math><mtext><table><mglyph><style><img src=x onerror=__xss(21)>",
    22: '<noscript><p title="</noscript><img src=x onerror=__xss(22)>">',
    23: '<a href="  JaVaScRiPt:__xss(23)">hoofdletters</a>',
    24: "[klik hier](javascript:__xss(24)) <javascript:__xss(24)>",
    25: '<base href="javascript:__xss(25)//"><meta http-equiv="refresh" content="0;url=javascript:__xss(25)">',
    26: '<form action="javascript:__xss(26)"><button formaction="javascript:__xss(26)">x</button></form>',
    27: "<style>@import 'javascript:__xss(27)';</style><link rel=stylesheet href=javascript:__xss(27)>",
    28: "<scr\x00ipt>__xss(28)</scr\x00ipt><img src=x\x0bonerror=__xss(28)>",
    29: "<img src=x:alert(29) onerror=eval(src)>",
    30: "<svg><animate onbegin=__xss(30) attributeName=x dur=1s>",
    31: "javascript:__xss(31)",
    32: '" autofocus onfocus="__xss(32)" x="',
    33: "' autofocus onfocus='__xss(33)' x='",
    34: "';__xss(34);// \";__xss(34);//",
    35: '<a href="https://example.org/" onclick="__xss(35)" onmouseover="__xss(35)">link</a>',
    36: "<video><source onerror=__xss(36)></video><audio src=x onerror=__xss(36)>",
    37: "\u202e<img src=x onerror=__xss(37)>\u0000\u2028<!--<img src=x onerror=__xss(37)>-->",
}

PAYLOADS: list[Payload] = [Payload(n, f"xss{n:02d} {text}") for n, text in sorted(_RAW.items())]
BY_NUMBER = {p.number: p for p in PAYLOADS}

# A very long value: a payload at the end of several thousand characters.
LONG = Payload(38, "xss38 " + "lang verhaal over de buurt " * 150 + "<img src=x onerror=__xss(38)>")

# For titles and names (80-120 characters): breakouts that survive a plain-text cleaner.
SHORT_NUMBERS = (32, 5, 2)
SHORT_BUDGET = 80


def short(numbers: tuple[int, ...] = SHORT_NUMBERS, *, limit: int = SHORT_BUDGET) -> str:
    """Payloads for a short field, as many of ``numbers`` as fit in ``limit`` characters."""
    text = ""
    for number in numbers:
        candidate = (text + " " + BY_NUMBER[number].text).strip()
        if len(candidate) > limit:
            break
        text = candidate
    return text


def combined(numbers: tuple[int, ...] | None = None, *, limit: int = 4000) -> str:
    """Many payloads on separate lines, for a long text field (at most ``limit`` chars)."""
    chosen = [BY_NUMBER[n] for n in numbers] if numbers else PAYLOADS
    lines: list[str] = []
    for payload in chosen:
        if sum(len(line) + 1 for line in lines) + len(payload.text) > limit:
            break
        lines.append(payload.text)
    return "\n".join(lines)


def markers_in(text: str) -> list[str]:
    """The markers of the payloads in ``text`` (what must show as text on the page)."""
    return [p.marker for p in [*PAYLOADS, LONG] if p.marker in text]


ALL_NUMBERS = frozenset(p.number for p in [*PAYLOADS, LONG])
