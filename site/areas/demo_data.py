"""Demo step: the areas of Amsterdam West (normally already there by migration)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtkracht.areas.models import Buurt, Postcode, Wijk
from buurtkracht.areas.services import DEFAULT_CSV, areas_load_csv
from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_step


@demo_step(order=10, label=gettext_lazy("Wijken, buurten en postcodes"))
def demo_areas(ctx: DemoContext) -> str:
    # Only load when missing, so changes made in the admin survive a new run.
    if not Wijk.objects.exists():
        with open(DEFAULT_CSV, "rb") as file:
            areas_load_csv(file=file)
    return _("%(wijken)s wijken, %(buurten)s buurten, %(postcodes)s postcodes") % {
        "wijken": Wijk.objects.count(),
        "buurten": Buurt.objects.count(),
        "postcodes": Postcode.objects.count(),
    }
