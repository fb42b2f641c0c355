"""A small word list that links a search term to a theme, so that searches without a
result can count as demand in that theme. A term that matches nothing stays "zonder
thema". Words are matched at the start of each word of the term, without accents, so
"moestuinen" matches "moestuin" and "café" matches "cafe".

Theme codes are the stable codes of the initiatives' themes; the kaart does not import
that app (STYLE §2), and a code no provider knows is simply never shown.
"""

import unicodedata

THEME_KEYWORDS: dict[str, tuple[str, ...]] = {
    "taal": ("taal", "nederlands", "nt2", "lezen", "schrijven", "inburger"),
    "geldzaken-en-armoede": ("geld", "schuld", "armoede", "voedselbank", "belasting", "budget"),
    "groen": ("groen", "tuin", "moestuin", "buurttuin", "plant", "boom", "bomen", "natuur"),
    "eten-en-koken": ("eten", "koken", "kook", "maaltijd", "voedsel", "lunch", "diner"),
    "jeugd": ("jeugd", "jongere", "kind", "kinder", "tiener", "huiswerk", "speeltuin"),
    "ouderen": ("ouderen", "oudere", "senior", "65+", "bejaard"),
    "zorg-en-welzijn": ("zorg", "welzijn", "mantelzorg", "gezond", "dementie", "eenzaam"),
    "cultuur": ("cultuur", "muziek", "theater", "dans", "kunst", "film", "koor", "zingen"),
    "sport": ("sport", "voetbal", "fitness", "wandel", "yoga", "zwem", "bewegen", "fiets"),
    "duurzaamheid": ("duurza", "energie", "afval", "repair", "zonnepane", "klimaat"),
    "veiligheid": ("veilig", "buurtpreventie", "buurtwacht", "inbraak"),
    "ontmoeting": ("ontmoet", "buurthuis", "buurtkamer", "koffie", "cafe", "samen", "spelletje"),
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def theme_for_term(term: str) -> str:
    """The first theme whose keyword starts a word of ``term``; "" when none does."""
    words = _fold(term).replace("-", " ").split()
    for theme, keywords in THEME_KEYWORDS.items():
        if any(word.startswith(keyword) for word in words for keyword in keywords):
            return theme
    return ""
