"""Sections that other apps add to a wijk page (initiatieven, ruimtes, vacatures).

The floor does not import those apps (STYLE 2); they register here in AppConfig.ready():

    from buurtkracht.home.sections import WijkSection, register_wijk_section

    register_wijk_section(WijkSection(
        key="ruimtes", order=20, template="ruimtes/wijk_section.html",
        get_context=lambda *, wijk, request: {"ruimtes": ruimte_list(wijk=wijk)[:4]},
    ))

The template is included inside the wijk page's `wijk_aanbod` section with the returned
dict as `section`. Return None from get_context to leave the section out.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class WijkSection:
    key: str
    template: str
    get_context: Callable[..., dict | None]
    order: int = 100


_SECTIONS: dict[str, WijkSection] = {}


def register_wijk_section(section: WijkSection) -> None:
    """Add or replace (by key) a section on every wijk page."""
    _SECTIONS[section.key] = section


def wijk_sections(*, wijk, request: HttpRequest | None) -> list[dict]:
    """The registered sections for this wijk, in order, each {"template", "context"}."""
    shown = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        context = section.get_context(wijk=wijk, request=request)
        if context is not None:
            shown.append({"key": section.key, "template": section.template, "context": context})
    return shown
