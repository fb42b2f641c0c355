"""Dutch text handling shared by both engines: folding, tokens, synonyms, snippets.

Both engines fold accents ("café" -> "cafe") and lower-case before matching. The
synonym groups below are expanded at search time only (Elasticsearch: a
``synonym_graph`` filter in the search analyzer; database: the query's words are
OR-ed with their group), so changing the list needs no rebuild.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_CHARS = 200  # longer input is cut; nobody types more in a search box
MAX_TOKENS = 10

# Neighbourhood words residents use for the same thing. Each group is one line of the
# Elasticsearch synonym list ("a, b, c"): every word finds the others.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("buurthuis", "buurtcentrum", "wijkcentrum", "buurthuizen", "buurtcentra"),
    ("moestuin", "buurttuin", "moestuinen", "buurttuinen", "groentetuin"),
    ("taalmaatje", "taalcoach", "taalmaatjes", "taalcoaches"),
    ("fiets", "fietsen", "fietsenmaker", "fietsreparatie"),
    ("huiswerkbegeleiding", "huiswerkhulp", "bijles"),
    ("buurtkamer", "huiskamer"),
    ("ouderen", "senioren", "bejaarden"),
    ("jongeren", "jeugd", "tieners"),
    ("eten", "maaltijd", "koken"),
    ("vrijwilliger", "vrijwilligers", "vrijwilligerswerk"),
)

_SYNONYMS: dict[str, tuple[str, ...]] = {word: group for group in SYNONYM_GROUPS for word in group}

_TOKEN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case, accents removed: "Café Één" -> "cafe een"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def clean_query(q: str) -> str:
    """The query as we search it: control characters out, spaces collapsed, capped."""
    q = "".join(c if c.isprintable() else " " for c in (q or "")[: MAX_QUERY_CHARS * 2])
    return " ".join(q.split())[:MAX_QUERY_CHARS]


def tokens(text: str) -> list[str]:
    """Folded words of ``text``; query syntax characters simply separate words."""
    return _TOKEN.findall(fold(text))


def query_tokens(q: str) -> list[str]:
    seen: list[str] = []
    for token in tokens(clean_query(q)):
        if token not in seen:
            seen.append(token)
    return seen[:MAX_TOKENS]


def light_stem(word: str) -> str:
    """A crude Dutch plural stripper for the SQLite match ("moestuinen" -> "moestuin")."""
    for suffix in ("'s", "en", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def synonyms(word: str) -> tuple[str, ...]:
    """The word and its synonyms (folded); a plural finds its singular's group too."""
    group = _SYNONYMS.get(word) or _SYNONYMS.get(light_stem(word)) or ()
    return (word, *[w for w in group if w != word])


def synonym_lines() -> list[str]:
    """The Solr-format lines for Elasticsearch's synonym_graph filter."""
    return [", ".join(group) for group in SYNONYM_GROUPS]


def vocabulary_words(*texts: str) -> set[str]:
    """Words worth offering in "bedoelde je": folded, letters only, 4 to 30 long."""
    return {t for text in texts for t in tokens(text) if t.isalpha() and 4 <= len(t) <= 30}


def snippet(text: str, terms: list[str], *, width: int = 180) -> SafeString:
    """Escaped ``text`` around the first matched word, with ``<mark>`` around matches.

    A word matches when its folded form starts with a term's stem, so "moestuinen"
    marks "Moestuin" and "cafe" marks "Café".
    """
    text = " ".join((text or "").split())
    stems = sorted({light_stem(t)[: max(3, len(light_stem(t)))] for t in terms if t}, key=len)
    words = list(re.finditer(r"\w+", text))
    hits = [m for m in words if stems and any(fold(m.group()).startswith(s) for s in stems)]
    start = 0
    if hits and hits[0].start() > width // 3:
        start = text.rfind(" ", 0, hits[0].start() - width // 3) + 1
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    parts, pos = [], start
    for m in hits:
        if m.start() < start or m.end() > end:
            continue
        parts.append(escape(text[pos : m.start()]))
        parts.append(f"<mark>{escape(m.group())}</mark>")
        pos = m.end()
    parts.append(escape(text[pos:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - escaped above  # nosec


def marked_snippet(fragments: list[str], pre: str, post: str) -> SafeString:
    """A server's highlight fragments as safe HTML: escape all, then turn the markers
    ``pre``/``post`` into ``<mark>``. Never passes the server's HTML through."""
    html = " … ".join(escape(" ".join(f.split())) for f in fragments)
    html = html.replace(escape(pre), "<mark>").replace(escape(post), "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped, only <mark> added  # nosec
