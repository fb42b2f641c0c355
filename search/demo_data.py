"""Fill the search indexes after the demo content, so a fresh ``make run`` finds it.

Runs last: every source's content exists by then. A rebuild is idempotent.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_step
from search import indexing


@demo_step(order=99, label=gettext_lazy("Zoekindex"))
def search_index(ctx: DemoContext) -> str:
    count = indexing.rebuild()
    return _("%(count)s documenten vindbaar") % {"count": count}
