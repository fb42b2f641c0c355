"""``{% donatie_voortgang behoeften %}``: the funding goals' progress and the donor wall.

Arguments: ``behoeften``, the initiatief's needs the page already holds. Runs no query
when none is a money need, and two otherwise (goals with totals, donor wall), however
many goals or donors there are.
"""

from django import template

from initiatieven.donaties import queries
from initiatieven.donaties.mail import euro
from initiatieven.donaties.services import doneerdoel_is_open
from initiatieven.models import Behoefte

register = template.Library()


@register.inclusion_tag("donaties/includes/progress.html", takes_context=True)
def donatie_voortgang(context, behoeften):
    money = [b.pk for b in behoeften if b.kind == Behoefte.Kind.GELD and b.amount_wanted]
    if not money:
        return {"goals": []}
    goals = list(queries.goals_with_totals(money))
    wall = queries.donor_wall([g.pk for g in goals]) if goals else []
    for goal in goals:
        goal.goal_cents_value = goal.goal_cents or 0
        goal.paid_text = euro(goal.paid_cents)
        goal.goal_text = euro(goal.goal_cents_value)
        goal.percent = (
            min(100, goal.paid_cents * 100 // goal.goal_cents_value) if goal.goal_cents_value else 0
        )
        goal.accepts = doneerdoel_is_open(goal)
        goal.donors = [d for d in wall if d.doel_id == goal.pk]
        for donor in goal.donors:
            donor.net_text = euro(donor.net_cents)
    unopened = [
        b for b in behoeften if b.pk in money and b.pk not in {g.behoefte_id for g in goals}
    ]
    return {
        "goals": goals,
        "unopened": unopened,
        "can_edit": context.get("can_edit", False),
        "initiatief": context.get("initiatief"),
    }


@register.filter(name="euro")
def euro_filter(cents) -> str:
    """``{{ 1250|euro }}`` -> '12,50' (cents to Dutch euros; no float)."""
    return euro(int(cents or 0))
