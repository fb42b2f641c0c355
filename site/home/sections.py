"""Sections that other apps add to a wijk page (initiatieven, ruimtes, vacatures).

The floor does not import those apps (STYLE 2); they register here in AppConfig.ready():

    from buurtkracht.home.sections import WijkSection, register_wijk_section

    register_wijk_section(WijkSection(
        key="ruimtes", order=20, template="ruimtes/wijk_section.html",
        get_context=lambda *, wijk, request: {"ruimtes": ruimte_list(wijk=wijk)[:4]},
    ))

The template is included inside the wijk page's `wijk_aanbod` section with the returned
dict as `section`. Return None from get_context to leave the section out.

get_context must give the same for every visitor (it gets `request` for its URL or
language, not for the user): the result is kept in the cache until the next database
write (buurtkracht.core.memo), so a wijk page costs no queries per section. A section
that does depend on the visitor sets `shared=False`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import get_language

from buurtkracht.core.memo import generation_memo


@dataclass(frozen=True)
class WijkSection:
    key: str
    template: str
    get_context: Callable[..., dict | None]
    order: int = 100
    shared: bool = True  # the same context for every visitor: computed once per change


_SECTIONS: dict[str, WijkSection] = {}


def register_wijk_section(section: WijkSection) -> None:
    """Add or replace (by key) a section on every wijk page."""
    _SECTIONS[section.key] = section


def wijk_sections(*, wijk, request: HttpRequest | None) -> list[dict]:
    """The registered sections for this wijk, in order, each {"template", "context"}."""
    shown = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        if section.shared:
            context = generation_memo(
                f"wijk-section:{section.key}:{wijk.pk}:{get_language()}",
                lambda section=section: section.get_context(wijk=wijk, request=request),
            )
        else:
            context = section.get_context(wijk=wijk, request=request)
        if context is not None:
            shown.append({"key": section.key, "template": section.template, "context": context})
    return shown
