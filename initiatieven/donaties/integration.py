"""What donations add to an initiatief's page: the "Doneer" link under a money need."""

from django.utils.translation import gettext as _

from initiatieven import needs
from initiatieven.donaties import queries
from initiatieven.donaties.mail import euro
from initiatieven.donaties.services import doneerdoel_is_open


def doneerdoel_links(need_list: list) -> dict[int, list[needs.NeedLink]]:
    """One query for all money needs on the page: a link and the progress as text."""
    links = {}
    for doel in queries.goals_with_totals([need.pk for need in need_list]):
        if not doneerdoel_is_open(doel):
            continue
        links[doel.behoefte_id] = [
            needs.NeedLink(
                label=_("Doneer"),
                url=doel.get_absolute_url(),
                detail=_("€ %(paid)s van € %(goal)s opgehaald")
                % {"paid": euro(doel.paid_cents), "goal": euro(doel.goal_cents)},
            )
        ]
    return links
