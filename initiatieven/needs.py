"""What other apps add to an initiatief's behoeften (needs), without this app importing them.

A provider is registered per need kind from the other app's ``AppConfig.ready()``::

    from initiatieven import needs
    from initiatieven.models import Behoefte

    def vacatures_for(need_list):            # one query for all needs on the page
        by_need = defaultdict(list)
        for vacature in Vacature.objects.open().filter(behoefte__in=need_list):
            by_need[vacature.behoefte_id].append(
                needs.NeedLink(label=vacature.title, url=vacature.get_absolute_url(),
                               detail=_("%(n)s plekken vrij") % {"n": vacature.places_left})
            )
        return by_need

    needs.register(Behoefte.Kind.MENSEN, "vacatures", vacatures_for)

The initiatief page calls ``links_for(needs)`` once and shows each need's links
("Reageer op de vacature", "Boek een ruimte", "Doneer") under it.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class NeedLink:
    label: str
    url: str
    detail: str = ""


Provider = Callable[[list], dict[int, list[NeedLink]]]

_providers: dict[str, dict[str, Provider]] = defaultdict(dict)


def register(kind: str, key: str, provider: Provider) -> None:
    """Add (or replace, by key) a provider of links for needs of ``kind``."""
    _providers[kind][key] = provider


def links_for(need_list: Iterable) -> dict[int, list[NeedLink]]:
    """Links per need id from every provider; each provider runs once for its kind."""
    by_kind: dict[str, list] = defaultdict(list)
    for need in need_list:
        by_kind[need.kind].append(need)
    links: dict[int, list[NeedLink]] = defaultdict(list)
    for kind, kind_needs in by_kind.items():
        for _key, provider in sorted(_providers.get(kind, {}).items()):
            for need_id, need_links in provider(kind_needs).items():
                links[need_id].extend(need_links)
    return dict(links)
